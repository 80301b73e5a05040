//! Sending the draft: alt text and focus first (`PUT /api/v1/media/:id`), then the post with
//! the draft's `Idempotency-Key` (created on the first attempt and saved with the draft, so a
//! retry after a timeout — even after a reload — returns the first status instead of posting
//! twice). Not every server honours that key, so an attempt that ends without a clear answer
//! is also marked on the draft (`unanswered_since`): Woolly then looks among the account's
//! newest statuses at once and before any re-send, and adopts the post if it is there
//! ([`crate::compose::posted`]); only a definite "not there" sends again. A 429 waits for the
//! server's reset and sends by itself. Success clears the draft and puts the status on top of
//! home without a refetch.

use leptos::{prelude::*, task::spawn_local};

use super::{Composer, Posted, TimelineKind, api_compose, focus_param, new_id};
use crate::api::{ApiError, Client, ErrorKind, accounts, retry::retry_delay_ms};
use crate::compose::{
    draft::Draft,
    posted::{self, Verdict},
};
use crate::model::Status;

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
        let me = self.session.active().map(|a| a.id).unwrap_or_default();
        let c = *self;
        c.sending.set(true);
        c.error.set(None);
        c.clear_retry_timer();
        spawn_local(async move {
            let started = js_sys::Date::now();
            let result = match submit(&client, &draft, &me).await {
                Err(e) if e.may_have_happened() && creates_status(&draft) => {
                    let since = draft.unanswered_since.unwrap_or(started);
                    c.mark_unanswered(&draft.id, since);
                    // A lost answer usually means the post exists: look at once.
                    match find_posted(&client, &me, &draft, since).await {
                        Ok(Some(status)) => Ok(Posted::Status(Box::new(status))),
                        _ => Err(e),
                    }
                }
                other => other,
            };
            match result {
                Ok(posted) => c.succeeded(&draft, posted),
                Err(e) => {
                    c.fail(&e);
                    c.retry_after_rate_limit(&e);
                }
            }
            c.sending.set(false);
        });
    }

    /// Records on the draft (saved at once) that an attempt may have posted it.
    fn mark_unanswered(&self, draft_id: &str, since: f64) {
        let mut marked = false;
        self.draft.update(|d| {
            if d.id == draft_id && d.unanswered_since.is_none() {
                d.unanswered_since = Some(since);
                marked = true;
            }
        });
        if marked {
            self.save_now();
        }
    }

    /// After a 429 whose reset is near, sends again by itself when it passes (the error says
    /// when); a far reset leaves Try again to the person.
    fn retry_after_rate_limit(&self, e: &ApiError) {
        if !matches!(e.kind, ErrorKind::RateLimited { .. }) {
            return;
        }
        let Some(ms) = retry_delay_ms(e, 0, js_sys::Date::now()) else {
            self.error.set(Some(
                "Too many requests for now, for a while. Your post is kept: try again in a few \
                 minutes."
                    .into(),
            ));
            return;
        };
        let seconds = ms.div_ceil(1000);
        self.error.set(Some(format!(
            "Too many requests for now. Woolly will send it again in {seconds} s."
        )));
        let c = *self;
        let timer = set_timeout_with_handle(
            move || {
                c.retry_timer.set_value(None);
                if c.open.get_untracked() {
                    c.send();
                }
            },
            std::time::Duration::from_millis(ms),
        )
        .ok();
        self.retry_timer.set_value(timer);
    }

    fn clear_retry_timer(&self) {
        if let Some(h) = self.retry_timer.get_value() {
            h.clear();
            self.retry_timer.set_value(None);
        }
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

/// Whether sending `draft` makes a new status now (not an edit, not a scheduled post): what a
/// lost answer could have created twice.
fn creates_status(draft: &Draft) -> bool {
    draft.editing_id.is_none() && draft.scheduled_at.is_empty()
}

/// The status among `me`'s newest that is `draft`, posted by an attempt since `since`.
/// `Err` when the server could not be asked: then nobody can tell, and nothing is sent.
async fn find_posted(
    client: &Client,
    me: &str,
    draft: &Draft,
    since: f64,
) -> Result<Option<Status>, ApiError> {
    if me.is_empty() {
        return Err(ApiError::new(ErrorKind::Other));
    }
    for status in accounts::newest_own_statuses(client, me).await? {
        match posted::compare(draft, &status, since) {
            Verdict::Same => return Ok(Some(status)),
            Verdict::Different => {}
            Verdict::AskSource => {
                if let Ok(source) = api_compose::source(client, &status.id).await
                    && posted::same_source(draft, &source.text)
                {
                    return Ok(Some(status));
                }
            }
        }
    }
    Ok(None)
}

async fn submit(client: &Client, draft: &Draft, me: &str) -> Result<Posted, ApiError> {
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
    if let Some(since) = draft.unanswered_since.filter(|_| creates_status(draft))
        && let Some(status) = find_posted(client, me, draft, since).await?
    {
        return Ok(Posted::Status(Box::new(status)));
    }
    let key = draft.idempotency_key.clone().unwrap_or_default();
    api_compose::post(client, &pairs, &key).await
}
