//! The paging cursor of a list read older-page by older-page through the `Link` header's
//! `next` (timelines, conversations, notifications): where the next page is, whether the first one came,
//! and the list's state for its view (loading, failed with a retry, ended).

use leptos::prelude::*;

use super::{feed::FeedState, session::Session};
use crate::api::ApiError;

#[derive(Clone, Copy)]
pub struct Paging {
    pub state: RwSignal<FeedState>,
    next: StoredValue<Option<String>>,
    loaded: StoredValue<bool>,
}

impl Default for Paging {
    fn default() -> Self {
        Paging {
            state: RwSignal::new(FeedState::Idle),
            next: StoredValue::new(None),
            loaded: StoredValue::new(false),
        }
    }
}

impl Paging {
    /// Forgets the position (the account or a filter changed): the next load is the first page.
    pub fn reset(&self) {
        self.next.set_value(None);
        self.loaded.set_value(false);
        self.state.set(FeedState::Idle);
    }

    /// Whether the first page has come (false once the list is gone).
    pub fn is_loaded(&self) -> bool {
        self.loaded.try_get_value().unwrap_or(false)
    }

    /// Starts loading: gives the page to fetch (`None` = the first), or nothing while a load
    /// runs or once the list has ended (then marking it ended).
    pub fn begin(&self) -> Option<Option<String>> {
        if matches!(
            self.state.get_untracked(),
            FeedState::Loading | FeedState::Ended
        ) {
            return None;
        }
        let link = self.next.get_value();
        if self.loaded.get_value() && link.is_none() {
            self.state.set(FeedState::Ended);
            return None;
        }
        self.state.set(FeedState::Loading);
        Some(link)
    }

    /// A page came: no `next` link, or an empty page, is the end.
    pub fn finish(&self, next: Option<String>, empty: bool) {
        let ended = next.is_none() || empty;
        self.loaded.set_value(true);
        self.next.set_value(next);
        self.state.set(if ended {
            FeedState::Ended
        } else {
            FeedState::Idle
        });
    }

    /// The page failed: the view shows why (and a retry); a 401 also marks the session.
    pub fn fail(&self, session: Session, error: ApiError) {
        session.check(&error);
        self.state.set(FeedState::Failed(error));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_next_until_the_end() {
        let paging = Paging::default();
        assert_eq!(paging.begin(), Some(None), "the first page");
        assert_eq!(paging.begin(), None, "no second load while one runs");
        paging.finish(Some("https://x/next".into()), false);
        assert!(paging.is_loaded());
        assert_eq!(paging.state.get_untracked(), FeedState::Idle);
        assert_eq!(paging.begin(), Some(Some("https://x/next".into())));
        paging.finish(None, false);
        assert_eq!(paging.state.get_untracked(), FeedState::Ended);
        assert_eq!(paging.begin(), None);
        paging.reset();
        assert_eq!(
            paging.begin(),
            Some(None),
            "after a reset, the first page again"
        );
    }

    #[test]
    fn an_empty_page_ends_the_list() {
        let paging = Paging::default();
        paging.begin();
        paging.finish(Some("https://x/next".into()), true);
        assert_eq!(paging.state.get_untracked(), FeedState::Ended);
    }
}
