//! `POST /api/v1/statuses`: validation (422s worded as Mastodon's), text → HTML with
//! mentions/tags/links, media, polls, replies, quotes, scheduling, and `Idempotency-Key`
//! (the same key from the same user within an hour returns the first status, like Mastodon).
//!
//! [`Store::post`] is the core, shared with `/__demo/statuses` and scheduled statuses.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::auth::require_user;
use crate::compose::{self, Resolved};
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::store::{PollRec, StatusRec, Store};
use crate::streaming::status_events;
use crate::{Shared, clock, scheduled, seed, statuses, uploads};

/// How long Mastodon remembers an `Idempotency-Key`.
pub const IDEMPOTENCY_MS: u64 = 3_600_000;
pub const MAX_CHARS: usize = 500;

fn invalid(msg: &str) -> ApiError {
    ApiError::unprocessable(&format!("Validation failed: {msg}"))
}

/// The parsed, validated content of a post or an edit.
pub struct Content {
    pub text: String,
    pub rendered: compose::Rendered,
    pub spoiler: String,
    pub sensitive: bool,
    pub language: String,
    pub media: Vec<Value>,
    pub poll: Option<PollRec>,
}

impl Store {
    /// Resolves `acct` (local `bob`, `bob@<this domain>`, remote `dana@example.social`).
    pub fn resolve_acct(&self, acct: &str, domain: &str) -> Option<Resolved> {
        let acct = acct.trim_start_matches('@').to_lowercase();
        let local = format!("@{}", domain.to_lowercase());
        let acct = acct.strip_suffix(&local).unwrap_or(&acct);
        self.accounts
            .values()
            .find(|a| {
                a["acct"]
                    .as_str()
                    .is_some_and(|x| x.eq_ignore_ascii_case(acct))
            })
            .map(|a| {
                let s = |k: &str| a[k].as_str().unwrap_or("").to_string();
                (s("id"), s("url"), s("username"))
            })
    }

    /// Validates and renders the content params shared by create and edit.
    pub fn content(&self, origin: &str, user: &str, p: &Params, now: u64) -> ApiResult<Content> {
        let text =
            p.0.get("status")
                .and_then(|v| v.last())
                .cloned()
                .unwrap_or_default();
        let media_ids = p.all("media_ids");
        let poll_options = p.all("poll[options]").to_vec();
        if text.trim().is_empty() && media_ids.is_empty() && poll_options.is_empty() {
            return Err(invalid("Text can't be blank"));
        }
        let spoiler = p.get("spoiler_text").unwrap_or("").to_string();
        if compose::count(&text) + spoiler.chars().count() > MAX_CHARS {
            return Err(invalid(&format!(
                "Text character limit of {MAX_CHARS} exceeded"
            )));
        }
        if media_ids.len() > 4 {
            return Err(invalid("Media attachments exceeds the limit of 4"));
        }
        if !media_ids.is_empty() && !poll_options.is_empty() {
            return Err(invalid(
                "Media attachments can't be attached to a post with a poll",
            ));
        }
        let mut media = Vec::new();
        for id in media_ids {
            let m = self
                .media
                .get(id)
                .filter(|m| m.owner == user)
                .ok_or_else(|| invalid("Media attachments not found"))?;
            if now < m.ready_ms {
                return Err(ApiError::unprocessable(
                    "Cannot attach files that have not finished processing. Try again in a moment!",
                ));
            }
            media.push(uploads::render(origin, m, now));
        }
        let poll = if poll_options.is_empty() {
            None
        } else {
            if poll_options.len() < 2 || poll_options.len() > 4 {
                return Err(invalid("Poll must have between 2 and 4 options"));
            }
            if poll_options
                .iter()
                .any(|o| o.trim().is_empty() || o.chars().count() > 50)
            {
                return Err(invalid("Poll options must be between 1 and 50 characters"));
            }
            let secs: u64 = p
                .get("poll[expires_in]")
                .and_then(|s| s.parse().ok())
                .unwrap_or(86_400);
            if !(300..=2_629_746).contains(&secs) {
                return Err(invalid(
                    "Poll expiration must be between 5 minutes and a month",
                ));
            }
            let author = self
                .user(user)
                .map(|u| u.account_id.clone())
                .unwrap_or_default();
            Some(PollRec {
                id: String::new(),
                author_id: author,
                expires_at: Some(now + secs * 1000),
                multiple: p.flag("poll[multiple]"),
                titles: poll_options.clone(),
                counts: vec![0; poll_options.len()],
                other_voters: 0,
                votes: Default::default(),
                emojis: json!([]),
            })
        };
        let domain = origin.split("://").nth(1).unwrap_or(origin).to_string();
        let rendered = compose::render(&text, origin, &|a| self.resolve_acct(a, &domain));
        Ok(Content {
            sensitive: p.flag("sensitive") || !spoiler.is_empty(),
            language: p.get("language").unwrap_or("en").to_string(),
            text,
            rendered,
            spoiler,
            media,
            poll,
        })
    }

    /// Writes `c` into status JSON `v` (content, CW, mentions, tags, media, poll).
    pub fn apply_content(
        &mut self,
        origin: &str,
        v: &mut Value,
        c: &Content,
        poll_id: Option<&str>,
    ) -> Vec<String> {
        v["content"] = json!(c.rendered.html);
        v["spoiler_text"] = json!(c.spoiler);
        v["sensitive"] = json!(c.sensitive);
        v["language"] = json!(c.language);
        v["media_attachments"] = json!(c.media);
        v["mentions"] = json!(
            c.rendered
                .mentions
                .iter()
                .filter_map(|id| self.accounts.get(id))
                .map(|m| json!({
                    "id": m["id"], "username": m["username"], "url": m["url"], "acct": m["acct"]
                }))
                .collect::<Vec<_>>()
        );
        v["tags"] =
            json!(c.rendered.tags.iter().map(|t| json!({
            "name": t.to_lowercase(), "url": format!("{origin}/tags/{}", t.to_lowercase())
        })).collect::<Vec<_>>());
        if let (Some(mut poll), Some(pid)) = (c.poll.clone(), poll_id) {
            poll.id = pid.to_string();
            self.polls.insert(pid.to_string(), poll);
        }
        c.rendered.tags.iter().map(|t| t.to_lowercase()).collect()
    }

    /// Creates a status for demo user `user` from API params; returns its id. Puts it into
    /// homes, notifies mentioned users and followers with `notify`, queues stream events.
    pub fn post(&mut self, origin: &str, user: &str, p: &Params, now: u64) -> ApiResult<u64> {
        let me = self
            .user(user)
            .ok_or_else(ApiError::not_found)?
            .account_id
            .clone();
        let c = self.content(origin, user, p, now)?;
        let visibility = p.get("visibility").unwrap_or("public").to_string();
        if !matches!(
            visibility.as_str(),
            "public" | "unlisted" | "private" | "direct"
        ) {
            return Err(invalid("Visibility is not included in the list"));
        }
        let parent = match p.get("in_reply_to_id") {
            Some(pid) => {
                let id: u64 = pid.parse().map_err(|_| ApiError::not_found())?;
                let rec = self
                    .statuses
                    .get(&id)
                    .filter(|r| statuses::visible(self, r, Some(user)));
                Some(rec.ok_or_else(ApiError::not_found)?.reblog_of.unwrap_or(id))
            }
            None => None,
        };
        let quote = match p.get("quoted_status_id") {
            Some(q) => Some(
                q.parse::<u64>()
                    .ok()
                    .filter(|q| self.statuses.contains_key(q))
                    .ok_or_else(ApiError::not_found)?,
            ),
            None => None,
        };
        let id = self.next_id(now);
        let acc = self.accounts.get(&me).cloned().unwrap_or_default();
        let mut v = seed::status_skeleton(&acc, id, now, &visibility, "");
        let poll_id = c.poll.as_ref().map(|_| (self.polls.len() + 1).to_string());
        let tags = self.apply_content(origin, &mut v, &c, poll_id.as_deref());
        if let Some(pid) = parent {
            v["in_reply_to_id"] = json!(pid.to_string());
            v["in_reply_to_account_id"] = json!(self.statuses[&pid].account_id);
            if let Some(s) = self.statuses.get_mut(&pid) {
                s.json["replies_count"] = json!(s.json["replies_count"].as_u64().unwrap_or(0) + 1);
            }
        }
        if let Some(acc) = self.accounts.get_mut(&me) {
            acc["statuses_count"] = json!(acc["statuses_count"].as_u64().unwrap_or(0) + 1);
            acc["last_status_at"] = json!(clock::date(now));
        }
        self.insert(StatusRec {
            id,
            json: v,
            account_id: me.clone(),
            reblog_of: None,
            poll_id,
            in_reply_to: parent,
            visibility: visibility.clone(),
            tags,
            has_media: !c.media.is_empty(),
        });
        self.sources.insert(id, c.text.clone());
        if let Some(q) = quote {
            self.quotes.insert(id, q);
            if let Some(s) = self.statuses.get_mut(&q) {
                s.json["quotes_count"] = json!(s.json["quotes_count"].as_u64().unwrap_or(0) + 1);
            }
            self.notify_author(q, "quote", &me, now);
        }
        self.deliver(id, &c.rendered.mentions, now);
        Ok(id)
    }

    /// Home fan-out (directs only to the mentioned), notifications and stream events.
    pub fn deliver(&mut self, id: u64, mentions: &[String], now: u64) {
        let (author, visibility) = {
            let s = &self.statuses[&id];
            (s.account_id.clone(), s.visibility.clone())
        };
        if visibility == "direct" {
            let mut names: Vec<String> = mentions
                .iter()
                .filter_map(|m| self.username_of(m))
                .collect();
            names.extend(self.username_of(&author));
            for name in names {
                let home = self.homes.entry(name).or_default();
                let pos = home.partition_point(|x| *x > id);
                home.insert(pos, id);
            }
            self.update_conversations(id, now);
        } else {
            self.fan_out(id);
        }
        let ev = status_events(self, id, "update");
        self.outbox.extend(ev);
        for m in mentions {
            if let Some(name) = self.username_of(m) {
                self.notify(&name, "mention", &author, Some(id), now, Value::Null);
            }
        }
        if visibility != "direct" {
            let notify: Vec<String> = self
                .per_user
                .iter()
                .filter(|(_, us)| us.follow_opts.get(&author).is_some_and(|o| o.notify))
                .map(|(n, _)| n.clone())
                .collect();
            for name in notify {
                self.notify(&name, "status", &author, Some(id), now, Value::Null);
            }
        }
    }
}

/// `POST /api/v1/statuses`.
pub async fn create(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "write:statuses")?;
    let honour = state.config.lock().unwrap().idempotency;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|_| honour)
        .map(str::to_string);
    let now = clock::now_ms();
    if p.get("scheduled_at").is_some() {
        return scheduled::schedule(&state, &user, p, now).map(IntoResponse::into_response);
    }
    let mut store = state.store.write().unwrap();
    if let Some(k) = &key {
        let us = store.us(&user);
        us.idempotency
            .retain(|_, (_, at)| now - *at < IDEMPOTENCY_MS);
        if let Some((id, _)) = us.idempotency.get(k).copied()
            && let Some(v) = store.render_status(id, Some(&user), now)
        {
            return Ok(Json(v).into_response());
        }
    }
    let id = store.post(&state.origin, &user, &p, now)?;
    if let Some(k) = key {
        store.us(&user).idempotency.insert(k, (id, now));
    }
    let events = std::mem::take(&mut store.outbox);
    let v = store
        .render_status(id, Some(&user), now)
        .ok_or_else(ApiError::not_found)?;
    drop(store);
    state.hub.publish(events);
    Ok(Json(v).into_response())
}
