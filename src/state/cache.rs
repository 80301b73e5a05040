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
    pub fn insert(&self, status: Status) -> String {
        if let Some(inner) = &status.reblog {
            self.insert((**inner).clone());
        }
        let id = status.id.clone();
        let existing = self.map.with_value(|m| m.get(&id).cloned());
        match existing {
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

    pub fn clear(&self) {
        self.map.update_value(HashMap::clear);
    }
}
