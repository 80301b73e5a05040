//! The composer: one draft being written (signals), saved per account to `localStorage` on
//! every change (the open draft alone, under a small key, so a reload or a closed tab at any
//! moment keeps every character; folded into the drafts list after a typing pause), restored
//! after a reload; the list of saved drafts; media
//! uploads with progress; and sending with an `Idempotency-Key` kept until the post succeeds.
//!
//! Other views open the composer through [`ComposeRequests`] (`use_context`): `new_post()`,
//! `reply(id)`, `edit(id)`, `redraft(id)`. Pure rules live in [`crate::compose`].

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};

use super::{
    cache::StatusCache,
    feed::{Feeds, prepend_newer},
    login::cached_capabilities,
    session::Session,
    storage::{self, Area},
};
use crate::api::{
    self, ApiError,
    capabilities::Capabilities,
    compose::{self as api_compose, Posted},
    timelines::TimelineKind,
};
use crate::compose::{
    draft::{Draft, save_into},
    rules::{self, focus_param},
};
pub use helpers::{Helpers, Suggestion};
pub use upload::Upload;

const SAVE_DELAY: Duration = Duration::from_millis(500);

/// The composer's state; also the handle other views use to open it.
#[derive(Clone, Copy)]
pub struct Composer {
    pub open: RwSignal<bool>,
    pub draft: RwSignal<Draft>,
    pub drafts: RwSignal<Vec<Draft>>,
    pub uploads: RwSignal<Vec<Upload>>,
    pub sending: RwSignal<bool>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
    /// A short confirmation ("Scheduled for …").
    pub notice: RwSignal<Option<String>>,
    /// The account's defaults from `source` (visibility, language), once known.
    defaults: RwSignal<Option<(String, String)>>,
    pub helpers: Helpers,
    files: StoredValue<Vec<(u32, web_sys::File)>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The automatic re-send after a 429.
    retry_timer: StoredValue<Option<TimeoutHandle>>,
    next_local: StoredValue<u32>,
    session: Session,
    cache: StatusCache,
    feeds: Feeds,
    toasts: Option<super::toasts::Toasts>,
}

/// The name other features look for: `use_context::<ComposeRequests>()`.
pub type ComposeRequests = Composer;

pub fn provide_compose() -> Composer {
    let (session, cache, feeds) = (
        super::session::use_session(),
        super::cache::use_status_cache(),
        super::feed::use_feeds(),
    );
    let c = Composer {
        open: RwSignal::new(false),
        draft: RwSignal::new(Draft::default()),
        drafts: RwSignal::new(Vec::new()),
        uploads: RwSignal::new(Vec::new()),
        sending: RwSignal::new(false),
        loading: RwSignal::new(false),
        error: RwSignal::new(None),
        notice: RwSignal::new(None),
        defaults: RwSignal::new(None),
        helpers: Helpers::new(),
        files: StoredValue::new_local(Vec::new()),
        timer: StoredValue::new(None),
        retry_timer: StoredValue::new(None),
        next_local: StoredValue::new(0),
        session,
        cache,
        feeds,
        toasts: use_context(),
    };
    // Per account: load its drafts, and reopen the one that was open when the page went.
    let account = Memo::new(move |_| session.active().map(|a| a.key()));
    Effect::new(move |_| {
        let key = account.get();
        c.open.set(false);
        c.defaults.set(None);
        let mut list: Vec<Draft> = key
            .as_deref()
            .and_then(|k| storage::get(Area::Local, &drafts_key(k)))
            .unwrap_or_default();
        // Typed after the list was last written: newer than its copy there.
        if let Some(working) = key
            .as_deref()
            .and_then(|k| storage::get::<Draft>(Area::Local, &working_key(k)))
        {
            save_into(&mut list, &working);
        }
        let current: Option<String> = key
            .as_deref()
            .and_then(|k| storage::get(Area::Local, &current_key(k)));
        let reopen = current.and_then(|id| list.iter().find(|d| d.id == id).cloned());
        c.drafts.set(list);
        if let Some(d) = reopen {
            c.draft.set(d);
            c.open.set(true);
            c.load_defaults();
        }
    });
    provide_context(c);
    // The status views' Reply entry point (Edit, Quote and Redraft call the composer).
    provide_context(super::actions::OpenReply(Callback::new(
        move |id: String| c.reply(&id),
    )));
    c
}

pub fn use_composer() -> Composer {
    expect_context::<Composer>()
}

fn drafts_key(account: &str) -> String {
    format!("woolly.drafts.{account}")
}

/// The open draft as last changed, until the list holds it.
fn working_key(account: &str) -> String {
    format!("woolly.drafts.working.{account}")
}

fn current_key(account: &str) -> String {
    format!("woolly.drafts.open.{account}")
}

fn new_id() -> String {
    let r = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    format!("{:x}-{r:x}", js_sys::Date::now() as u64)
}

impl Composer {
    /// The instance's limits (Mastodon's defaults when unknown).
    pub fn capabilities(&self) -> Capabilities {
        let origin = self.session.active().map(|a| a.origin).unwrap_or_default();
        cached_capabilities(&origin).unwrap_or_else(default_capabilities)
    }

    /// Opens a blank composer with the account's default visibility and language.
    pub fn new_post(&self) {
        self.start(Draft::default());
    }

    /// Resumes a saved draft.
    pub fn resume(&self, id: &str) {
        if let Some(d) = self
            .drafts
            .with_untracked(|l| l.iter().find(|d| d.id == id).cloned())
        {
            self.save_now();
            self.draft.set(d);
            self.after_open();
        }
    }

    /// Deletes a saved draft (and clears the composer if it is the one open).
    pub fn delete_draft(&self, id: &str) {
        self.drafts.update(|l| l.retain(|d| d.id != id));
        if self.draft.with_untracked(|d| d.id == id) {
            self.draft.set(Draft {
                id: new_id(),
                ..self.blank()
            });
        }
        self.persist();
    }

    fn start(&self, draft: Draft) {
        self.save_now();
        let blank = self.blank();
        self.draft.set(Draft {
            id: new_id(),
            visibility: if draft.visibility.is_empty() {
                blank.visibility
            } else {
                draft.visibility.clone()
            },
            language: if draft.language.is_empty() {
                blank.language
            } else {
                draft.language.clone()
            },
            ..draft
        });
        self.uploads.set(Vec::new());
        self.after_open();
    }

    fn after_open(&self) {
        self.error.set(None);
        self.notice.set(None);
        self.open.set(true);
        self.remember_open(true);
        self.load_defaults();
    }

    fn blank(&self) -> Draft {
        let (visibility, language) = self
            .defaults
            .get_untracked()
            .unwrap_or_else(|| ("public".into(), String::new()));
        Draft {
            visibility,
            language,
            ..Draft::default()
        }
    }

    fn default_visibility(&self) -> String {
        self.defaults
            .get_untracked()
            .map_or_else(|| "public".into(), |d| d.0)
    }

    /// Fetches `source.privacy` / `source.language` once per account, and applies them to
    /// a fresh draft.
    fn load_defaults(&self) {
        if self.defaults.get_untracked().is_some() {
            return;
        }
        let Some(client) = self.session.client() else {
            return;
        };
        let c = *self;
        spawn_local(async move {
            let Ok(me) = api::accounts::verify_credentials(&client).await else {
                return;
            };
            let source = me.source.unwrap_or_default();
            let vis = source
                .privacy
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| "public".into());
            let lang = source.language.unwrap_or_default();
            c.defaults.set(Some((vis.clone(), lang.clone())));
            let fresh = c.draft.with_untracked(|d| {
                d.text.is_empty() && d.in_reply_to_id.is_none() && d.editing_id.is_none()
            });
            if fresh {
                c.draft.update(|d| {
                    d.visibility = vis;
                    if d.language.is_empty() {
                        d.language = lang;
                    }
                });
            }
        });
    }

    /// Closes the composer; what was typed stays in the drafts list.
    pub fn close(&self) {
        self.save_now();
        self.close_suggestions();
        self.helpers.picker.set(false);
        self.open.set(false);
        self.remember_open(false);
    }

    /// Changes the draft, saves it at once (alone, a few hundred bytes) and schedules folding
    /// it into the drafts list (debounced).
    pub fn change(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(|d| {
            f(d);
            d.updated_at = js_sys::Date::now();
        });
        if let Some(a) = self.session.active() {
            self.draft
                .with_untracked(|d| storage::set(Area::Local, &working_key(&a.key()), d));
        }
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let c = *self;
        self.timer
            .set_value(set_timeout_with_handle(move || c.save_now(), SAVE_DELAY).ok());
    }

    /// Writes the open draft into the saved list now.
    pub fn save_now(&self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
            self.timer.set_value(None);
        }
        let draft = self.draft.get_untracked();
        if draft.id.is_empty() {
            return;
        }
        self.drafts.update(|l| save_into(l, &draft));
        self.persist();
    }

    /// Writes the drafts list; the working copy is then in it (or was sent or deleted).
    fn persist(&self) {
        if let Some(a) = self.session.active() {
            self.drafts
                .with_untracked(|l| storage::set(Area::Local, &drafts_key(&a.key()), l));
            storage::remove(Area::Local, &working_key(&a.key()));
        }
    }

    fn remember_open(&self, open: bool) {
        let Some(a) = self.session.active() else {
            return;
        };
        let key = current_key(&a.key());
        match open {
            true => storage::set(
                Area::Local,
                &key,
                &self.draft.with_untracked(|d| d.id.clone()),
            ),
            false => storage::remove(Area::Local, &key),
        }
    }

    fn fail(&self, e: &ApiError) {
        self.session.check(e);
        self.error.set(Some(e.user_message()));
    }

    /// Characters used, as Mastodon counts them.
    pub fn length(&self) -> usize {
        let per_url = self.capabilities().characters_reserved_per_url as usize;
        self.draft.with(|d| {
            let cw = if d.cw { d.spoiler_text.as_str() } else { "" };
            crate::compose::counter::status_length(&d.text, cw, per_url)
        })
    }

    /// Why the draft cannot be sent yet (the first reason), or `None`.
    pub fn blocker(&self) -> Option<String> {
        let caps = self.capabilities();
        if self.length() > caps.max_characters as usize {
            return Some(format!(
                "Your post is longer than {} characters.",
                caps.max_characters
            ));
        }
        if self.uploads.with(|u| !u.is_empty()) {
            return Some("Wait for the attachments to finish uploading.".into());
        }
        self.draft.with(|d| {
            if d.text.trim().is_empty() && d.media.is_empty() && d.poll.is_none() {
                return Some(String::new());
            }
            if let Some(poll) = d.poll.as_ref().filter(|_| d.media.is_empty())
                && let Some(p) =
                    rules::validate_poll(&poll.options, poll.expires_in, &caps.polls).first()
            {
                return Some(p.message());
            }
            d.media
                .iter()
                .find_map(|m| rules::validate_alt(&m.description, &caps.media))
                .map(|p| p.message())
        })
    }
}

/// Mastodon's limits, for a server whose capabilities were never derived.
fn default_capabilities() -> Capabilities {
    Capabilities::derive(&api::instance::Instance::V2(Default::default()), None, None)
}

mod helpers;
mod opening;
mod redraft;
mod sending;
mod upload;
mod uploading;
