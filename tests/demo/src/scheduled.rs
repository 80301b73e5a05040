//! Scheduled statuses: `POST /api/v1/statuses` with `scheduled_at` answers a ScheduledStatus;
//! `GET /api/v1/scheduled_statuses[/:id]`, `PUT` (new `scheduled_at`), `DELETE`. When the
//! time comes a task posts it through `Store::post` (so it reaches homes and streams).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::time::Duration;

use crate::auth::require_user;
use crate::error::{ApiError, ApiResult};
use crate::paging::{self, PageQuery};
use crate::params::Params;
use crate::userstate::Scheduled;
use crate::{Shared, clock, uploads};

/// Mastodon refuses a `scheduled_at` less than 5 minutes ahead.
pub const MIN_AHEAD_MS: u64 = 5 * 60_000;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/scheduled_statuses", get(list))
        .route(
            "/api/v1/scheduled_statuses/{id}",
            get(show).put(update).delete(remove),
        )
}

fn render(state: &Shared, s: &Scheduled) -> Value {
    let store = state.store.read().unwrap();
    let now = clock::now_ms();
    let media: Vec<Value> = s
        .raw
        .all("media_ids")
        .iter()
        .filter_map(|m| store.media.get(m))
        .map(|m| uploads::render(&state.origin, m, now))
        .collect();
    json!({ "id": s.id.to_string(), "scheduled_at": clock::rfc3339(s.at_ms), "params": s.params, "media_attachments": media })
}

fn params_json(p: &Params, at_ms: u64) -> Value {
    let poll = if p.all("poll[options]").is_empty() {
        Value::Null
    } else {
        json!({ "options": p.all("poll[options]"), "expires_in": p.get("poll[expires_in]"), "multiple": p.flag("poll[multiple]"), "hide_totals": p.flag("poll[hide_totals]") })
    };
    json!({
        "text": p.get("status").unwrap_or(""), "poll": poll, "media_ids": p.all("media_ids"),
        "sensitive": p.flag("sensitive"), "spoiler_text": p.get("spoiler_text").unwrap_or(""),
        "visibility": p.get("visibility").unwrap_or("public"), "in_reply_to_id": p.get("in_reply_to_id"),
        "language": p.get("language"), "application_id": 1, "scheduled_at": clock::rfc3339(at_ms),
        "idempotency": null, "with_rate_limit": false,
    })
}

fn parse_at(p: &Params, now: u64) -> ApiResult<u64> {
    let at = p
        .get("scheduled_at")
        .and_then(clock::parse_rfc3339)
        .ok_or_else(|| ApiError::unprocessable("Validation failed: Scheduled at is invalid"))?;
    if at < now + MIN_AHEAD_MS {
        return Err(ApiError::unprocessable(
            "Validation failed: Scheduled at The scheduled date must be in the future",
        ));
    }
    Ok(at)
}

/// Validates and stores a scheduled status and arms its timer.
pub fn schedule(state: &Shared, user: &str, mut p: Params, now: u64) -> ApiResult<Json<Value>> {
    let at = parse_at(&p, now)?;
    p.0.remove("scheduled_at");
    let s = {
        let mut store = state.store.write().unwrap();
        store.content(&state.origin, user, &p, now)?;
        let id = store.next_small_id();
        let s = Scheduled {
            id,
            at_ms: at,
            params: params_json(&p, at),
            raw: p,
        };
        store.us(user).scheduled.push(s.clone());
        s
    };
    arm(state.clone(), user.to_string(), s.id, s.at_ms);
    Ok(Json(render(state, &s)))
}

/// Publishes scheduled status `id` at `at_ms` unless it was deleted or moved meanwhile.
fn arm(state: Shared, user: String, id: u64, at_ms: u64) {
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(at_ms.saturating_sub(clock::now_ms()))).await;
        let now = clock::now_ms();
        let mut store = state.store.write().unwrap();
        let us = store.us(&user);
        let Some(pos) = us
            .scheduled
            .iter()
            .position(|s| s.id == id && s.at_ms == at_ms)
        else {
            return;
        };
        let s = us.scheduled.remove(pos);
        let _ = store.post(&state.origin, &user, &s.raw, now);
        let events = std::mem::take(&mut store.outbox);
        drop(store);
        state.hub.publish(events);
    });
}

fn find(state: &Shared, user: &str, id: &str) -> ApiResult<Scheduled> {
    let store = state.store.read().unwrap();
    store
        .per_user
        .get(user)
        .and_then(|u| u.scheduled.iter().find(|s| s.id.to_string() == id))
        .cloned()
        .ok_or_else(ApiError::not_found)
}

async fn list(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:statuses")?;
    let mut all: Vec<Scheduled> = state
        .store
        .read()
        .unwrap()
        .per_user
        .get(&user)
        .map(|u| u.scheduled.clone())
        .unwrap_or_default();
    all.sort_by_key(|s| std::cmp::Reverse(s.id));
    let ids: Vec<u64> = all.iter().map(|s| s.id).collect();
    let (page, older) = paging::page(&ids, PageQuery::from_params(&p, 20, 40));
    let link = paging::link_header(&state.origin, uri.path(), uri.query(), &page, older);
    let items = page
        .iter()
        .filter_map(|i| all.iter().find(|s| s.id == *i))
        .map(|s| render(&state, s))
        .collect();
    Ok(paging::respond(items, link))
}

async fn show(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "read:statuses")?;
    Ok(Json(render(&state, &find(&state, &user, &id)?)))
}

async fn update(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:statuses")?;
    let mut s = find(&state, &user, &id)?;
    s.at_ms = parse_at(&p, clock::now_ms())?;
    s.params["scheduled_at"] = json!(clock::rfc3339(s.at_ms));
    {
        let mut store = state.store.write().unwrap();
        if let Some(x) = store.us(&user).scheduled.iter_mut().find(|x| x.id == s.id) {
            *x = s.clone();
        }
    }
    arm(state.clone(), user, s.id, s.at_ms);
    Ok(Json(render(&state, &s)))
}

async fn remove(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:statuses")?;
    let s = find(&state, &user, &id)?;
    state
        .store
        .write()
        .unwrap()
        .us(&user)
        .scheduled
        .retain(|x| x.id != s.id);
    Ok(Json(json!({})))
}
