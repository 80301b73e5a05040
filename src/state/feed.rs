//! A timeline feed: the ordered ids of one timeline, its `Link` cursors, its loading state,
//! and where the reader was (scroll offset, measured chunk heights) — kept in a per-account
//! registry so going into a thread and back lands at the same place. Pages go into the
//! [`StatusCache`]; the merge rules are pure and host-tested.

use std::collections::HashMap;

use leptos::{prelude::*, task::spawn_local};

use super::{cache::StatusCache, offline_store, paging::Paging, perf, session::Session};
use crate::api::{
    ApiError, Client,
    timelines::{self, TimelineKind},
};

/// Statuses per rendered chunk of the windowed feed.
pub const CHUNK: usize = 10;
/// Chunks kept rendered on each side of the one being read.
pub const CHUNKS_AROUND: usize = 3;
/// "Load newer" follows at most this many pages before stopping.
const MAX_NEWER_PAGES: usize = 10;

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
    /// Older pages: the `next` link, whether the first page came, the feed's state.
    pub paging: Paging,
    /// Set while "load newer" runs.
    pub loading_newer: RwSignal<bool>,
    /// The chunk being read (windowing keeps its neighbours rendered).
    pub current_chunk: RwSignal<usize>,
    /// Last measured height of each chunk, so far chunks keep their space.
    pub chunk_heights: StoredValue<Vec<f64>>,
    /// Window scroll offset when the reader left.
    pub scroll_y: StoredValue<f64>,
    /// The status at the top of the screen when the reader left, and its offset from the top
    /// of the viewport: restoring by it is exact even if heights changed meanwhile.
    pub anchor: StoredValue<Option<(String, f64)>>,
    /// Newer posts that arrived (stream or catch-up) and wait for the reader to ask for them,
    /// newest first; shown as the "N new posts" pill, never shifting what is being read.
    pub pending: RwSignal<Vec<String>>,
    prev: StoredValue<Option<String>>,
    /// The shown ids came from the warm-start cache: the first network page replaces them.
    from_cache: StoredValue<bool>,
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

/// Puts a page of newer ids (newest first, as servers send them) above the shown ones.
pub fn prepend_newer(ids: &mut Vec<String>, page: Vec<String>) -> usize {
    let fresh: Vec<String> = page.into_iter().filter(|id| !ids.contains(id)).collect();
    let added = fresh.len();
    ids.splice(0..0, fresh);
    added
}

/// Which chunks are rendered when `current` is read: `current ± CHUNKS_AROUND`.
pub fn is_near(chunk: usize, current: usize) -> bool {
    chunk.abs_diff(current) <= CHUNKS_AROUND
}

impl Feed {
    fn new(kind: TimelineKind) -> Self {
        Feed {
            kind: StoredValue::new(kind),
            ids: RwSignal::new(Vec::new()),
            paging: Paging::default(),
            loading_newer: RwSignal::new(false),
            current_chunk: RwSignal::new(0),
            chunk_heights: StoredValue::new(Vec::new()),
            scroll_y: StoredValue::new(0.0),
            anchor: StoredValue::new(None),
            pending: RwSignal::new(Vec::new()),
            prev: StoredValue::new(None),
            from_cache: StoredValue::new(false),
        }
    }

    pub fn is_loaded(&self) -> bool {
        self.paging.is_loaded()
    }

    /// The newest id shown or waiting in the pill.
    pub fn newest_id(&self) -> Option<String> {
        let pending = self.pending.with_untracked(|p| p.first().cloned());
        pending.or_else(|| self.ids.with_untracked(|ids| ids.first().cloned()))
    }

    /// Queues newer ids (newest first) for the "new posts" pill, skipping known ones.
    pub fn add_pending(&self, fresh: Vec<String>) {
        let fresh: Vec<String> = fresh
            .into_iter()
            .filter(|id| {
                !self.ids.with_untracked(|ids| ids.contains(id))
                    && !self.pending.with_untracked(|p| p.contains(id))
            })
            .collect();
        if !fresh.is_empty() {
            self.pending.update(|p| {
                p.splice(0..0, fresh);
            });
        }
    }

    /// Puts the waiting posts on top (the reader asked for them). Chunk heights are
    /// re-measured, since every chunk now holds other statuses.
    pub fn show_pending(&self) {
        let pending = self.pending.try_update(std::mem::take).unwrap_or_default();
        if pending.is_empty() {
            return;
        }
        self.ids.update(|ids| {
            prepend_newer(ids, pending);
        });
        self.chunk_heights.set_value(Vec::new());
        self.anchor.set_value(None);
        self.current_chunk.set(0);
    }

    /// Removes a deleted status from the feed and the pill.
    pub fn remove(&self, id: &str) {
        if self.ids.with_untracked(|ids| ids.iter().any(|i| i == id)) {
            self.ids.update(|ids| ids.retain(|i| i != id));
        }
        if self.pending.with_untracked(|p| p.iter().any(|i| i == id)) {
            self.pending.update(|p| p.retain(|i| i != id));
        }
    }

    /// Loads the first page, or the next older one. Ignored while a load runs or at the end.
    pub fn load_more(&self, session: Session, cache: StatusCache) {
        let Some(client) = session.client() else {
            return;
        };
        let Some(link) = self.paging.begin() else {
            return;
        };
        let feed = *self;
        let cache_key = warm_cache_key(&feed.kind.get_value(), &session);
        spawn_local(async move {
            let kind = feed.kind.get_value();
            let first = !feed.paging.is_loaded();
            let result = match (&link, &cache_key) {
                (None, Some(key)) => {
                    timelines::first_page_and_text(&client, &kind)
                        .await
                        .map(|(page, text)| {
                            let key = key.clone();
                            spawn_local(async move { offline_store::put_text(&key, &text).await });
                            page
                        })
                }
                _ => timelines::page(&client, &kind, link.as_deref()).await,
            };
            if first {
                perf::mark("woolly:timeline-response");
            }
            match result {
                Ok(page) => {
                    perf::mark("woolly:page-start");
                    let ids: Vec<String> =
                        page.items.into_iter().map(|s| cache.insert(s)).collect();
                    let empty = ids.is_empty();
                    if first {
                        feed.prev.set_value(page.prev.clone());
                    }
                    if feed.from_cache.get_value() {
                        // The cached page was only a stand-in: the server's page wins (the
                        // same ids keep their DOM).
                        feed.from_cache.set_value(false);
                        feed.ids.set(ids);
                    } else {
                        feed.ids.update(|all| {
                            append_older(all, ids);
                        });
                    }
                    perf::first_status_painted();
                    perf::measure_page_render("woolly:page-start");
                    feed.paging.finish(page.next, empty);
                }
                Err(e) => feed.paging.fail(session, e),
            }
        });
    }

    /// Warm start: shows the home page cached at the last visit (read from IndexedDB while
    /// the network request runs); `load_more` then replaces it with the server's page. If the
    /// server answers first, the cache is not shown at all.
    pub fn show_cached(&self, session: &Session, cache: StatusCache) {
        let Some(key) = warm_cache_key(&self.kind.get_value(), session) else {
            return;
        };
        let feed = *self;
        spawn_local(async move {
            let Some(text) = offline_store::get_text_read_early(&key).await else {
                return;
            };
            let server_first = feed.paging.is_loaded()
                || feed.ids.try_with_untracked(|ids| !ids.is_empty()) != Some(false);
            if server_first {
                return;
            }
            let Ok(decoded) = crate::api::decode::decode_list::<crate::model::Status>(&text) else {
                return;
            };
            if decoded.items.is_empty() {
                return;
            }
            let ids: Vec<String> = decoded.items.into_iter().map(|s| cache.insert(s)).collect();
            feed.from_cache.set_value(true);
            feed.ids.set(ids);
            perf::mark("woolly:cache-read");
            perf::first_status_painted();
        });
    }

    /// Fetches everything newer than the top of the feed, page by page through `rel="prev"`
    /// (`min_id` pages are adjacent, so no gap is left), and puts it on top.
    pub fn load_newer(&self, session: Session, cache: StatusCache) {
        if self.loading_newer.get_untracked() {
            return;
        }
        let Some(client) = session.client() else {
            return;
        };
        let feed = *self;
        feed.loading_newer.set(true);
        spawn_local(async move {
            let result = feed.fetch_newer(&client, cache).await;
            if let Err(e) = result {
                feed.paging.fail(session, e);
            }
            feed.loading_newer.set(false);
        });
    }

    async fn fetch_newer(&self, client: &Client, cache: StatusCache) -> Result<(), ApiError> {
        let kind = self.kind.get_value();
        for _ in 0..MAX_NEWER_PAGES {
            let link = match self.prev.get_value() {
                Some(link) => link,
                None => match self.ids.with_untracked(|ids| ids.first().cloned()) {
                    Some(top) => format!("{}{}min_id={top}", kind.first_page_path(), sep(&kind)),
                    None => return Ok(()),
                },
            };
            let page = timelines::page(client, &kind, Some(&link)).await?;
            if page.items.is_empty() {
                return Ok(());
            }
            let ids: Vec<String> = page.items.into_iter().map(|s| cache.insert(s)).collect();
            self.ids.update(|all| {
                prepend_newer(all, ids);
            });
            match page.prev {
                Some(prev) => self.prev.set_value(Some(prev)),
                None => return Ok(()),
            }
        }
        Ok(())
    }
}

/// Only the home timeline is cached for a warm start, per account.
fn warm_cache_key(kind: &TimelineKind, session: &Session) -> Option<String> {
    let account = session.active()?;
    (*kind == TimelineKind::Home).then(|| offline_store::home_key(&account.key()))
}

fn sep(kind: &TimelineKind) -> &'static str {
    if kind.first_page_path().contains('?') {
        "&"
    } else {
        "?"
    }
}

/// The feeds of the active account, by timeline; replaced when the account changes.
#[derive(Clone, Copy)]
pub struct Feeds {
    map: StoredValue<HashMap<TimelineKind, Feed>>,
    owner: StoredValue<Owner>,
}

pub fn provide_feeds() {
    let owner = Owner::current().unwrap_or_default();
    provide_context(Feeds {
        map: StoredValue::new(HashMap::new()),
        owner: StoredValue::new(owner),
    });
}

pub fn use_feeds() -> Feeds {
    expect_context::<Feeds>()
}

impl Feeds {
    /// The feed for `kind`, created (under the app's owner, so it outlives pages) if new.
    pub fn get(&self, kind: TimelineKind) -> Feed {
        if let Some(feed) = self.map.with_value(|m| m.get(&kind).copied()) {
            return feed;
        }
        let feed = self
            .owner
            .with_value(|o| o.with(|| Feed::new(kind.clone())));
        self.map.update_value(|m| {
            m.insert(kind, feed);
        });
        feed
    }

    pub fn clear(&self) {
        self.map.update_value(HashMap::clear);
    }

    /// The feeds that exist (opened at least once for this account).
    pub fn all(&self) -> Vec<Feed> {
        self.map.with_value(|m| m.values().copied().collect())
    }

    /// Removes a deleted status from every open feed (and their "new posts" pills).
    pub fn remove_everywhere(&self, id: &str) {
        for feed in self.all() {
            feed.remove(id);
        }
    }

    /// The feed for `kind` if it was opened, without creating it.
    pub fn existing(&self, kind: &TimelineKind) -> Option<Feed> {
        self.map.with_value(|m| m.get(kind).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_pages_do_not_duplicate() {
        let mut ids = vec!["5".to_string(), "4".into()];
        let added = append_older(&mut ids, ["4".to_string(), "3".into(), "2".into()]);
        assert_eq!(added, 2);
        assert_eq!(ids, ["5", "4", "3", "2"]);
    }

    #[test]
    fn newer_pages_go_on_top_in_order() {
        let mut ids = vec!["5".to_string(), "4".into()];
        assert_eq!(
            prepend_newer(&mut ids, vec!["7".into(), "6".into(), "5".into()]),
            2
        );
        assert_eq!(ids, ["7", "6", "5", "4"]);
        assert_eq!(prepend_newer(&mut ids, vec![]), 0);
    }

    #[test]
    fn the_window_is_the_current_chunk_and_its_neighbours() {
        assert!(is_near(0, 0) && is_near(3, 0) && !is_near(4, 0));
        assert!(is_near(7, 10) && is_near(13, 10) && !is_near(6, 10) && !is_near(14, 10));
    }
}
