//! Sending the draft: alt text and focus first (`PUT /api/v1/media/:id`), then the post with
//! the draft's `Idempotency-Key` (created on the first attempt and saved with the draft, so a
//! retry after a timeout — even after a reload — returns the first status instead of posting
//! twice). Success clears the draft and puts the status on top of home without a refetch.

use leptos::{prelude::*, task::spawn_local};

use super::{Composer, Posted, TimelineKind, api_compose, focus_param, new_id};
use crate::api::{ApiError, Client};
use crate::compose::draft::Draft;

impl Composer {
    /// Sends (or re-sends, with the same key) the draft. Ignored while sending or blocked.
    pub fn send(&self) {
        if self.sending.get_untracked() || self.blocker().is_some_and(|b| !b.is_empty()) {
            return;
        }
        let Some(client) = self.session.client() else {
            return;
        };
        if self
            .draft
            .with_untracked(|d| d.idempotency_key.is_none() && d.editing_id.is_none())
        {
            self.draft.update(|d| d.idempotency_key = Some(new_id()));
        }
        self.save_now();
        let draft = self.draft.get_untracked();
        let c = *self;
        c.sending.set(true);
        c.error.set(None);
        spawn_local(async move {
            match submit(&client, &draft).await {
                Ok(posted) => c.succeeded(&draft, posted),
                Err(e) => c.fail(&e),
            }
            c.sending.set(false);
        });
    }

    fn succeeded(&self, draft: &Draft, posted: Posted) {
        match posted {
            Posted::Status(status) => {
                let id = self.cache.insert(*status);
                if draft.editing_id.is_none() {
                    let home = self.feeds.get(TimelineKind::Home);
                    if home.is_loaded() {
                        home.ids.update(|ids| {
                            prepend_newer_one(ids, id);
                        });
                    }
                }
                self.notice.set(None);
            }
            Posted::Scheduled(s) => {
                self.notice.set(Some(format!(
                    "Scheduled for {}.",
                    local_time(&s.scheduled_at)
                )));
            }
        }
        self.drafts.update(|l| l.retain(|d| d.id != draft.id));
        self.persist();
        self.draft.set(Draft {
            id: new_id(),
            ..self.blank()
        });
        self.uploads.set(Vec::new());
        self.open.set(false);
        self.remember_open(false);
    }
}

fn prepend_newer_one(ids: &mut Vec<String>, id: String) {
    super::prepend_newer(ids, vec![id]);
}

/// A server time shown in the reader's local time.
fn local_time(iso: &str) -> String {
    let d = js_sys::Date::new(&iso.into());
    String::from(d.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// A `datetime-local` value (local time) as UTC ISO 8601, or `None` if empty/invalid.
fn scheduled_utc(local: &str) -> Option<String> {
    if local.is_empty() {
        return None;
    }
    let d = js_sys::Date::new(&local.into());
    d.get_time()
        .is_finite()
        .then(|| String::from(d.to_iso_string()))
}

async fn submit(client: &Client, draft: &Draft) -> Result<Posted, ApiError> {
    let scheduled = scheduled_utc(&draft.scheduled_at);
    let params = draft.params(scheduled.as_deref());
    let pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if let Some(id) = &draft.editing_id {
        return api_compose::edit(client, id, &pairs)
            .await
            .map(|s| Posted::Status(Box::new(s)));
    }
    for m in &draft.media {
        if !m.description.is_empty() || m.focus != (0.0, 0.0) {
            api_compose::update_media(client, &m.id, &m.description, &focus_param(m.focus)).await?;
        }
    }
    let key = draft.idempotency_key.clone().unwrap_or_default();
    api_compose::post(client, &pairs, &key).await
}
