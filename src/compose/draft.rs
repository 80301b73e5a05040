//! A draft: everything typed in the composer, serialisable so it survives a reload, plus the
//! pure rules around it (the form a post sends, the saved-drafts list).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::json::{b, from_value, list, ob, obj, of, os, ou, s, strings};

/// One post being written. Saved to `localStorage` per account as the person types.
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct Draft {
    /// Local id (never sent).
    pub id: String,
    /// When last changed (ms since the epoch), for the drafts list.
    pub updated_at: f64,
    pub text: String,
    /// Whether the content-warning field is shown.
    pub cw: bool,
    pub spoiler_text: String,
    pub visibility: String,
    pub language: String,
    pub sensitive: bool,
    /// `datetime-local` value (`2026-05-01T09:30`), local time; empty = now.
    pub scheduled_at: String,
    pub poll: Option<DraftPoll>,
    pub media: Vec<DraftMedia>,
    pub in_reply_to_id: Option<String>,
    /// `@acct` of the author replied to, for the header.
    pub reply_to_acct: Option<String>,
    /// The status quoted (`quoted_status_id`, Mastodon 4.5+).
    pub quote_id: Option<String>,
    /// Set when editing an own status.
    pub editing_id: Option<String>,
    /// Kept from the first attempt until the post succeeds, so a retry never posts twice.
    pub idempotency_key: Option<String>,
    /// When the first attempt that ended without a clear answer started (ms since the epoch):
    /// the post may exist, so the next attempt looks for it before sending again.
    pub unanswered_since: Option<f64>,
    /// Send `content_type=text/markdown` (servers that accept it).
    pub markdown: bool,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct DraftPoll {
    pub options: Vec<String>,
    /// Seconds.
    pub expires_in: u64,
    pub multiple: bool,
    pub hide_totals: bool,
}

impl Default for DraftPoll {
    fn default() -> Self {
        DraftPoll {
            options: vec![String::new(), String::new()],
            expires_in: 86_400,
            multiple: false,
            hide_totals: false,
        }
    }
}

/// An uploaded attachment (its id on the server) with its alt text and focal point.
#[derive(Serialize, Clone, Debug, PartialEq, Default)]
pub struct DraftMedia {
    pub id: String,
    /// `image`, `video`, `gifv`, `audio`, `unknown`.
    pub kind: String,
    pub preview_url: Option<String>,
    pub description: String,
    /// x, y in [-1, 1], y up.
    pub focus: (f64, f64),
}

/// Drafts are read back from `localStorage` by hand from a `Value` (see `model::json`): every
/// field is optional and defaults, as `#[serde(default)]` did, for far less WebAssembly.
fn draft(v: &Value) -> Option<Draft> {
    Some(Draft {
        id: s(v, "id"),
        updated_at: of(v, "updated_at").unwrap_or(0.0),
        text: s(v, "text"),
        cw: b(v, "cw"),
        spoiler_text: s(v, "spoiler_text"),
        visibility: s(v, "visibility"),
        language: s(v, "language"),
        sensitive: b(v, "sensitive"),
        scheduled_at: s(v, "scheduled_at"),
        poll: obj(v, "poll").map(|p| {
            let d = DraftPoll::default();
            DraftPoll {
                options: strings(p, "options").unwrap_or(d.options),
                expires_in: ou(p, "expires_in").unwrap_or(d.expires_in),
                multiple: ob(p, "multiple").unwrap_or(false),
                hide_totals: ob(p, "hide_totals").unwrap_or(false),
            }
        }),
        media: list(v, "media", |m| {
            let focus = match m.get("focus") {
                Some(Value::Array(xy)) if xy.len() == 2 => {
                    (xy[0].as_f64().unwrap_or(0.0), xy[1].as_f64().unwrap_or(0.0))
                }
                _ => (0.0, 0.0),
            };
            Some(DraftMedia {
                id: s(m, "id"),
                kind: s(m, "kind"),
                preview_url: os(m, "preview_url"),
                description: s(m, "description"),
                focus,
            })
        }),
        in_reply_to_id: os(v, "in_reply_to_id"),
        reply_to_acct: os(v, "reply_to_acct"),
        quote_id: os(v, "quote_id"),
        editing_id: os(v, "editing_id"),
        idempotency_key: os(v, "idempotency_key"),
        unanswered_since: of(v, "unanswered_since"),
        markdown: b(v, "markdown"),
    })
}

impl<'de> Deserialize<'de> for Draft {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_value(Value::deserialize(d)?, draft, "not a draft").map_err(serde::de::Error::custom)
    }
}

impl Draft {
    /// The composer's heading for this draft.
    pub fn heading(&self) -> String {
        if self.editing_id.is_some() {
            "Edit post".to_string()
        } else if let (Some(acct), Some(_)) = (&self.reply_to_acct, &self.quote_id) {
            format!("Quote @{acct}")
        } else if let Some(acct) = &self.reply_to_acct {
            format!("Reply to @{acct}")
        } else {
            "New post".to_string()
        }
    }

    /// Nothing worth keeping was typed.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
            && self.spoiler_text.trim().is_empty()
            && self.media.is_empty()
            && self
                .poll
                .as_ref()
                .is_none_or(|p| p.options.iter().all(|o| o.trim().is_empty()))
    }

    /// The form fields of `POST /api/v1/statuses` (and `PUT` for an edit).
    /// `scheduled_at` is the UTC ISO 8601 time, already converted from local time.
    pub fn params(&self, scheduled_at: Option<&str>) -> Vec<(&'static str, String)> {
        let mut p: Vec<(&'static str, String)> = vec![("status", self.text.clone())];
        let spoiler = if self.cw {
            self.spoiler_text.trim()
        } else {
            ""
        };
        p.push(("spoiler_text", spoiler.to_string()));
        let sensitive = self.sensitive || !spoiler.is_empty();
        p.push(("sensitive", sensitive.to_string()));
        if self.editing_id.is_none() {
            if !self.visibility.is_empty() {
                p.push(("visibility", self.visibility.clone()));
            }
            if let Some(id) = &self.in_reply_to_id {
                p.push(("in_reply_to_id", id.clone()));
            }
            if let Some(id) = &self.quote_id {
                p.push(("quoted_status_id", id.clone()));
            }
            if let Some(at) = scheduled_at {
                p.push(("scheduled_at", at.to_string()));
            }
        }
        if !self.language.is_empty() {
            p.push(("language", self.language.clone()));
        }
        if self.markdown {
            p.push(("content_type", "text/markdown".into()));
        }
        for m in &self.media {
            p.push(("media_ids[]", m.id.clone()));
        }
        if self.editing_id.is_some() {
            // Edits carry alt text and focus inline: attached media cannot be PUT.
            for m in &self.media {
                p.push(("media_attributes[][id]", m.id.clone()));
                p.push(("media_attributes[][description]", m.description.clone()));
                p.push((
                    "media_attributes[][focus]",
                    super::rules::focus_param(m.focus),
                ));
            }
        }
        if let Some(poll) = self.poll.as_ref().filter(|_| self.media.is_empty()) {
            for o in &poll.options {
                p.push(("poll[options][]", o.trim().to_string()));
            }
            p.push(("poll[expires_in]", poll.expires_in.to_string()));
            p.push(("poll[multiple]", poll.multiple.to_string()));
            p.push(("poll[hide_totals]", poll.hide_totals.to_string()));
        }
        p
    }
}

/// Most drafts kept per account.
pub const MAX_DRAFTS: usize = 30;

/// Saves `draft` into the list (newest first): replaced by id, removed if blank.
pub fn save_into(list: &mut Vec<Draft>, draft: &Draft) {
    list.retain(|d| d.id != draft.id);
    if !draft.is_blank() {
        list.insert(0, draft.clone());
        list.truncate(MAX_DRAFTS);
    }
}

/// A one-line summary for the drafts list.
pub fn summary(draft: &Draft) -> String {
    let source = if draft.text.trim().is_empty() {
        draft.spoiler_text.trim()
    } else {
        draft.text.trim()
    };
    let mut s: String = source.chars().take(80).collect();
    if source.chars().count() > 80 {
        s.push('…');
    }
    if s.is_empty() {
        s = match (draft.media.len(), &draft.poll) {
            (0, Some(_)) => "Poll".into(),
            (n, _) => format!("{n} attachment{}", if n == 1 { "" } else { "s" }),
        };
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(p: &'a [(&'static str, String)], k: &str) -> Vec<&'a str> {
        p.iter()
            .filter(|(n, _)| *n == k)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    #[test]
    fn a_new_post_sends_its_fields() {
        let d = Draft {
            text: "hi".into(),
            cw: true,
            spoiler_text: " spoilers ".into(),
            visibility: "unlisted".into(),
            language: "de".into(),
            in_reply_to_id: Some("7".into()),
            poll: Some(DraftPoll {
                options: vec!["a ".into(), "b".into()],
                ..DraftPoll::default()
            }),
            ..Draft::default()
        };
        let p = d.params(Some("2030-01-01T10:00:00.000Z"));
        assert_eq!(find(&p, "spoiler_text"), ["spoilers"]);
        assert_eq!(find(&p, "sensitive"), ["true"]);
        assert_eq!(find(&p, "visibility"), ["unlisted"]);
        assert_eq!(find(&p, "in_reply_to_id"), ["7"]);
        assert_eq!(find(&p, "scheduled_at"), ["2030-01-01T10:00:00.000Z"]);
        assert_eq!(find(&p, "poll[options][]"), ["a", "b"]);
        assert_eq!(find(&p, "poll[expires_in]"), ["86400"]);
    }

    #[test]
    fn a_hidden_cw_is_not_sent_and_media_wins_over_a_poll() {
        let d = Draft {
            text: "x".into(),
            spoiler_text: "left over".into(),
            poll: Some(DraftPoll::default()),
            media: vec![DraftMedia {
                id: "m1".into(),
                ..DraftMedia::default()
            }],
            ..Draft::default()
        };
        let p = d.params(None);
        assert_eq!(find(&p, "spoiler_text"), [""]);
        assert_eq!(find(&p, "media_ids[]"), ["m1"]);
        assert!(find(&p, "poll[options][]").is_empty());
        assert!(find(&p, "media_attributes[][id]").is_empty());
    }

    #[test]
    fn an_edit_sends_media_attributes_and_no_visibility() {
        let d = Draft {
            text: "x".into(),
            visibility: "public".into(),
            editing_id: Some("9".into()),
            media: vec![DraftMedia {
                id: "m1".into(),
                description: "a cat".into(),
                focus: (0.5, -0.5),
                ..DraftMedia::default()
            }],
            ..Draft::default()
        };
        let p = d.params(None);
        assert!(find(&p, "visibility").is_empty());
        assert_eq!(find(&p, "media_attributes[][description]"), ["a cat"]);
        assert_eq!(find(&p, "media_attributes[][focus]"), ["0.50,-0.50"]);
    }

    #[test]
    fn blank_drafts_are_not_kept_and_saving_moves_to_the_front() {
        let mut list = Vec::new();
        let a = Draft {
            id: "a".into(),
            text: "first".into(),
            ..Draft::default()
        };
        let b = Draft {
            id: "b".into(),
            text: "second".into(),
            ..Draft::default()
        };
        save_into(&mut list, &a);
        save_into(&mut list, &b);
        save_into(&mut list, &a);
        assert_eq!(
            list.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        save_into(
            &mut list,
            &Draft {
                id: "a".into(),
                ..Draft::default()
            },
        );
        assert_eq!(list.len(), 1);
        assert_eq!(summary(&b), "second");
    }

    #[test]
    fn a_stored_draft_reads_back() {
        let draft = Draft {
            id: "d1".into(),
            updated_at: 1_700_000_000_123.0,
            text: "hello".into(),
            cw: true,
            spoiler_text: "cw".into(),
            visibility: "unlisted".into(),
            language: "en".into(),
            sensitive: true,
            scheduled_at: "2030-01-01T00:00".into(),
            poll: Some(DraftPoll {
                options: vec!["a".into(), "b".into(), "c".into()],
                expires_in: 300,
                multiple: true,
                hide_totals: false,
            }),
            media: vec![DraftMedia {
                id: "m1".into(),
                kind: "image".into(),
                preview_url: Some("https://x/p.png".into()),
                description: "alt".into(),
                focus: (0.25, -0.5),
            }],
            in_reply_to_id: Some("9".into()),
            reply_to_acct: Some("bob".into()),
            quote_id: None,
            editing_id: Some("7".into()),
            idempotency_key: Some("k".into()),
            unanswered_since: Some(1_700_000_000_456.0),
            markdown: true,
        };
        let text = serde_json::to_string(&vec![draft.clone()]).unwrap();
        assert_eq!(
            serde_json::from_str::<Vec<Draft>>(&text).unwrap(),
            vec![draft]
        );
        // Every field defaults, as `#[serde(default)]` did; a bare poll gets Mastodon's defaults.
        let old: Draft = serde_json::from_str(r#"{"text":"x","poll":{}}"#).unwrap();
        assert_eq!(old.text, "x");
        assert_eq!(old.poll, Some(DraftPoll::default()));
        assert!(serde_json::from_str::<Draft>("[]").is_err());
    }
}
