//! Reading-position markers for the active account: loaded once per account from
//! `/api/v1/markers`, and saved debounced (about two seconds after the reader settles) so
//! scrolling doesn't turn into a request per status. Another device's position is picked up
//! on the next start.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};

use super::{reading_position::should_save, session::Session};
use crate::api::markers::{self, Timeline};

const SAVE_DELAY: Duration = Duration::from_millis(2_000);

#[derive(Clone, Copy)]
pub struct MarkerState {
    /// The home marker as last loaded or saved.
    pub home: RwSignal<Option<String>>,
    /// The notifications marker as last loaded or saved.
    pub notifications: RwSignal<Option<String>>,
    /// Set once the markers were fetched (or failed) for the active account.
    pub loaded: RwSignal<bool>,
    /// The home feed was put back at the marker once; later scrolling may save.
    pub home_restored: StoredValue<bool>,
    session: Session,
    generation: StoredValue<[u64; 2]>,
}

pub fn provide_markers(session: Session) -> MarkerState {
    let state = MarkerState {
        home: RwSignal::new(None),
        notifications: RwSignal::new(None),
        loaded: RwSignal::new(false),
        home_restored: StoredValue::new(false),
        session,
        generation: StoredValue::new([0, 0]),
    };
    provide_context(state);
    // Reload whenever the active account changes.
    let key = Memo::new(move |_| session.active().map(|a| a.key()));
    Effect::new(move |_| {
        let key = key.get();
        state.home.set(None);
        state.notifications.set(None);
        state.loaded.set(false);
        state.home_restored.set_value(false);
        if key.is_some() {
            state.load();
        }
    });
    state
}

pub fn use_markers() -> MarkerState {
    expect_context::<MarkerState>()
}

impl MarkerState {
    fn load(self) {
        let Some(client) = self.session.client() else {
            self.loaded.set(true);
            return;
        };
        spawn_local(async move {
            match markers::get(&client).await {
                Ok(m) => {
                    self.home.set(m.home.map(|m| m.last_read_id));
                    self.notifications
                        .set(m.notifications.map(|m| m.last_read_id));
                }
                // Markers are a convenience: without them, start at the top.
                Err(e) => {
                    self.session.check(&e);
                    web_sys::console::warn_1(&format!("Markers not loaded: {e}").into());
                }
            }
            self.loaded.set(true);
        });
    }

    fn slot(timeline: Timeline) -> usize {
        match timeline {
            Timeline::Home => 0,
            Timeline::Notifications => 1,
        }
    }

    fn signal(&self, timeline: Timeline) -> RwSignal<Option<String>> {
        match timeline {
            Timeline::Home => self.home,
            Timeline::Notifications => self.notifications,
        }
    }

    /// The reader is at `id`: save it once they stay there for a moment.
    pub fn note(&self, timeline: Timeline, id: String) {
        let saved = self.signal(timeline).get_untracked();
        if !should_save(saved.as_deref(), &id) {
            return;
        }
        let slot = Self::slot(timeline);
        let mut generation = 0;
        self.generation.update_value(|g| {
            g[slot] += 1;
            generation = g[slot];
        });
        let this = *self;
        set_timeout(
            move || {
                if this.generation.get_value()[slot] == generation {
                    this.save_now(timeline, id);
                }
            },
            SAVE_DELAY,
        );
    }

    /// Saves right away (used when notifications are read).
    pub fn save_now(&self, timeline: Timeline, id: String) {
        let Some(client) = self.session.client() else {
            return;
        };
        self.signal(timeline).set(Some(id.clone()));
        let session = self.session;
        spawn_local(async move {
            if let Err(e) = markers::save(&client, timeline, &id).await {
                session.check(&e);
                web_sys::console::warn_1(&format!("Marker not saved: {e}").into());
            }
        });
    }
}
