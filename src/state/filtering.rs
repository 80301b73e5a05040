//! Server-side filters (v2) applied where a status is shown: `hide` removes it, `warn` (and
//! any action Woolly doesn't know, like 4.4's `blur` for text) collapses it behind
//! "Filtered: <title>". Only filters for the view's context that have not expired count.
//! Pure: the context and `now` are parameters.

use chrono::{DateTime, Utc};

use crate::model::Status;

/// Where a status is shown, in Mastodon's filter-context words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterContext {
    Home,
    Notifications,
    Public,
    Thread,
    Account,
}

impl FilterContext {
    fn as_str(self) -> &'static str {
        match self {
            FilterContext::Home => "home",
            FilterContext::Notifications => "notifications",
            FilterContext::Public => "public",
            FilterContext::Thread => "thread",
            FilterContext::Account => "account",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterVerdict {
    Show,
    /// Collapsed behind the titles of the matching filters.
    Warn(Vec<String>),
    Hide,
}

pub fn verdict(status: &Status, context: FilterContext, now: DateTime<Utc>) -> FilterVerdict {
    let mut titles = Vec::new();
    for result in &status.shown().filtered {
        let f = &result.filter;
        let applies = f.context.iter().any(|c| c == context.as_str());
        let expired = f
            .expires_at
            .as_deref()
            .and_then(crate::format::parse_datetime)
            .is_some_and(|t| t <= now);
        if !applies || expired {
            continue;
        }
        if f.filter_action == "hide" {
            return FilterVerdict::Hide;
        }
        titles.push(f.title.clone());
    }
    if titles.is_empty() {
        FilterVerdict::Show
    } else {
        FilterVerdict::Warn(titles)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_with(action: &str, context: &str, expires: Option<&str>) -> Status {
        let mut s: Status = serde_json::from_str(include_str!(
            "../../tests/fixtures/status_cw_emoji_gifv_mention_hashtag_edited_filtered.json"
        ))
        .unwrap();
        let f = &mut s.filtered[0].filter;
        f.filter_action = action.into();
        f.context = vec![context.into()];
        f.expires_at = expires.map(str::to_string);
        s
    }

    fn now() -> DateTime<Utc> {
        crate::format::parse_datetime("2026-06-01T00:00:00Z").unwrap()
    }

    #[test]
    fn the_real_fixture_warns_in_home() {
        let s = status_with("warn", "home", None);
        assert_eq!(
            verdict(&s, FilterContext::Home, now()),
            FilterVerdict::Warn(vec!["animes".into()])
        );
        assert_eq!(
            verdict(&s, FilterContext::Public, now()),
            FilterVerdict::Show
        );
    }

    #[test]
    fn hide_removes_and_unknown_actions_warn() {
        assert_eq!(
            verdict(
                &status_with("hide", "home", None),
                FilterContext::Home,
                now()
            ),
            FilterVerdict::Hide
        );
        assert!(matches!(
            verdict(
                &status_with("blur", "home", None),
                FilterContext::Home,
                now()
            ),
            FilterVerdict::Warn(_)
        ));
    }

    #[test]
    fn expired_filters_do_nothing() {
        let s = status_with("hide", "home", Some("2026-01-01T00:00:00Z"));
        assert_eq!(verdict(&s, FilterContext::Home, now()), FilterVerdict::Show);
        let s = status_with("hide", "home", Some("2027-01-01T00:00:00Z"));
        assert_eq!(verdict(&s, FilterContext::Home, now()), FilterVerdict::Hide);
    }
}
