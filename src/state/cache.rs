//! The one status cache: every status the app has seen, keyed by id for the active account's
//! instance (the cache is replaced when the account changes). Timelines hold ids; a change to
//! a status here shows in every view that displays it.
//!
//! A boost wrapper is stored as itself and its boosted status is stored on its own, so a
//! favourite on the original shows on every boost of it.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::Status;

#[derive(Clone, Copy)]
pub struct StatusCache {
    map: StoredValue<HashMap<String, ArcRwSignal<Status>>>,
}

pub fn provide_status_cache() -> StatusCache {
    let cache = StatusCache {
        map: StoredValue::new(HashMap::new()),
    };
    provide_context(cache);
    cache
}

pub fn use_status_cache() -> StatusCache {
    expect_context::<StatusCache>()
}

impl StatusCache {
    /// Stores or refreshes a status (and the one it boosts); returns its id.
    pub fn insert(&self, mut status: Status) -> String {
        if let Some(inner) = &status.reblog {
            self.insert((**inner).clone());
        }
        let id = status.id.clone();
        let existing = self.map.with_value(|m| m.get(&id).cloned());
        if let Some(known) = &existing {
            // Copies from the stream or other views may lack the viewer's own state.
            known.with_untracked(|k| keep_viewer_state(&mut status, k));
        }
        match existing {
            // An unchanged copy must not re-render every view showing it.
            Some(signal) if signal.with_untracked(|s| *s == status) => {}
            Some(signal) => signal.set(status),
            None => self.map.update_value(|m| {
                m.insert(id.clone(), ArcRwSignal::new(status));
            }),
        }
        id
    }

    pub fn get(&self, id: &str) -> Option<ArcRwSignal<Status>> {
        self.map.with_value(|m| m.get(id).cloned())
    }

    /// Changes a cached status in place (and so every view showing it).
    pub fn update(&self, id: &str, f: impl FnOnce(&mut Status)) {
        if let Some(signal) = self.get(id) {
            signal.update(f);
        }
    }

    pub fn clear(&self) {
        self.map.update_value(HashMap::clear);
    }
}

/// Fills the viewer-specific flags a copy did not carry from the copy already known.
fn keep_viewer_state(incoming: &mut Status, known: &Status) {
    let keep = |new: &mut Option<bool>, old: Option<bool>| {
        if new.is_none() {
            *new = old;
        }
    };
    keep(&mut incoming.favourited, known.favourited);
    keep(&mut incoming.reblogged, known.reblogged);
    keep(&mut incoming.bookmarked, known.bookmarked);
    keep(&mut incoming.pinned, known.pinned);
    keep(&mut incoming.muted, known.muted);
}
