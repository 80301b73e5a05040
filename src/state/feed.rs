//! A timeline feed: the ordered ids of one timeline, its `Link` cursor, and its loading state.
//! Pages go into the [`StatusCache`]; the merge rules are pure and host-tested.

use leptos::{prelude::*, task::spawn_local};

use super::{cache::StatusCache, session::Session};
use crate::api::{
    ApiError,
    timelines::{self, TimelineKind},
};

#[derive(Clone, Debug, PartialEq)]
pub enum FeedState {
    Idle,
    Loading,
    Failed(ApiError),
    /// No `next` link: the end of the timeline.
    Ended,
}

#[derive(Clone, Copy)]
pub struct Feed {
    pub kind: StoredValue<TimelineKind>,
    pub ids: RwSignal<Vec<String>>,
    pub state: RwSignal<FeedState>,
    next: StoredValue<Option<String>>,
    loaded_once: StoredValue<bool>,
}

/// Appends older ids, skipping ones already shown (pages can overlap while posts arrive).
pub fn append_older(ids: &mut Vec<String>, page: impl IntoIterator<Item = String>) -> usize {
    let before = ids.len();
    for id in page {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.len() - before
}

impl Feed {
    pub fn new(kind: TimelineKind) -> Self {
        Feed {
            kind: StoredValue::new(kind),
            ids: RwSignal::new(Vec::new()),
            state: RwSignal::new(FeedState::Idle),
            next: StoredValue::new(None),
            loaded_once: StoredValue::new(false),
        }
    }

    /// Loads the first page, or the next older one. Ignored while a load runs or at the end.
    pub fn load_more(&self, session: Session, cache: StatusCache) {
        if matches!(
            self.state.get_untracked(),
            FeedState::Loading | FeedState::Ended
        ) {
            return;
        }
        let Some(client) = session.client() else {
            return;
        };
        let link = self.next.get_value();
        if self.loaded_once.get_value() && link.is_none() {
            self.state.set(FeedState::Ended);
            return;
        }
        self.state.set(FeedState::Loading);
        let feed = *self;
        spawn_local(async move {
            let kind = feed.kind.get_value();
            match timelines::page(&client, &kind, link.as_deref()).await {
                Ok(page) => {
                    let ids: Vec<String> =
                        page.items.into_iter().map(|s| cache.insert(s)).collect();
                    let empty = ids.is_empty();
                    feed.ids.update(|all| {
                        append_older(all, ids);
                    });
                    feed.loaded_once.set_value(true);
                    feed.next.set_value(page.next.clone());
                    feed.state.set(if page.next.is_none() || empty {
                        FeedState::Ended
                    } else {
                        FeedState::Idle
                    });
                }
                Err(e) => {
                    session.check(&e);
                    feed.state.set(FeedState::Failed(e));
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::append_older;

    #[test]
    fn overlapping_pages_do_not_duplicate() {
        let mut ids = vec!["5".to_string(), "4".into()];
        let added = append_older(&mut ids, ["4".to_string(), "3".into(), "2".into()]);
        assert_eq!(added, 2);
        assert_eq!(ids, ["5", "4", "3", "2"]);
    }
}
