//! Own-status changes and their records: `PUT /api/v1/statuses/:id` (edit: new content,
//! `edited_at`, a history version), `DELETE /api/v1/statuses/:id` (answers the deleted status
//! with `text` for delete & redraft), `GET …/history` (StatusEdit[], oldest first) and
//! `GET …/source`.
//!
//! Seeded statuses that carry `edited_at` get a synthesized history of 2–3 versions; statuses
//! edited through the API keep their real versions.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::{optional_user, require_user};
use crate::compose::strip_html;
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::store::Store;
use crate::streaming::status_events;
use crate::{Shared, clock, statuses};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/statuses/{id}/history", get(history))
        .route("/api/v1/statuses/{id}/source", get(source))
}

/// One StatusEdit version of a stored status as it is now.
fn version(store: &Store, id: u64, at: &str) -> Value {
    let s = &store.statuses[&id];
    let poll = s.poll_id.as_ref().and_then(|p| store.polls.get(p)).map(|p| {
        json!({ "options": p.titles.iter().map(|t| json!({ "title": t })).collect::<Vec<_>>() })
    });
    let mut v = json!({
        "content": s.json["content"], "spoiler_text": s.json["spoiler_text"], "sensitive": s.json["sensitive"],
        "created_at": at, "account": store.accounts.get(&s.account_id),
        "media_attachments": s.json["media_attachments"], "emojis": s.json["emojis"],
    });
    if let Some(p) = poll {
        v["poll"] = p;
    }
    v
}

/// The edit history, oldest first; synthesized for seeded edited statuses.
pub fn history_of(store: &Store, id: u64) -> Vec<Value> {
    if let Some(h) = store.history.get(&id) {
        return h.clone();
    }
    let s = &store.statuses[&id];
    let created = s.json["created_at"].as_str().unwrap_or("").to_string();
    let current = version(store, id, s.json["edited_at"].as_str().unwrap_or(&created));
    let Some(edited) = s.json["edited_at"].as_str().and_then(clock::parse_rfc3339) else {
        return vec![current];
    };
    let start = clock::parse_rfc3339(&created).unwrap_or(edited);
    let content = s.json["content"].as_str().unwrap_or("");
    let first = content.replacen("</p>", " (first draft, with a typo: teh)</p>", 1);
    let mut out = vec![json!({ "content": first, "created_at": created })];
    if id.is_multiple_of(2) {
        let mid = content.replacen("</p>", " (second try)</p>", 1);
        out.push(
            json!({ "content": mid, "created_at": clock::rfc3339(start + (edited - start) / 2) }),
        );
    }
    for v in &mut out {
        for k in [
            "spoiler_text",
            "sensitive",
            "account",
            "media_attachments",
            "emojis",
        ] {
            v[k] = current[k].clone();
        }
    }
    out.push(current);
    out
}

fn visible_status(store: &Store, id: &str, viewer: Option<&str>) -> ApiResult<u64> {
    let id: u64 = id.parse().map_err(|_| ApiError::not_found())?;
    let rec = store.statuses.get(&id).ok_or_else(ApiError::not_found)?;
    if !statuses::visible(store, rec, viewer) {
        return Err(ApiError::not_found());
    }
    Ok(id)
}

async fn history(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let viewer = optional_user(&state, &headers, &uri)?;
    let store = state.store.read().unwrap();
    let id = visible_status(&store, &id, viewer.as_deref())?;
    Ok(Json(json!(history_of(&store, id))))
}

/// The plain text of a status (as posted, or recovered from its HTML).
pub fn source_text(store: &Store, id: u64) -> String {
    store
        .sources
        .get(&id)
        .cloned()
        .unwrap_or_else(|| strip_html(store.statuses[&id].json["content"].as_str().unwrap_or("")))
}

async fn source(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "read:statuses")?;
    let store = state.store.read().unwrap();
    let id = visible_status(&store, &id, Some(&user))?;
    Ok(Json(json!({
        "id": id.to_string(),
        "text": source_text(&store, id),
        "spoiler_text": store.statuses[&id].json["spoiler_text"],
    })))
}

fn own(store: &Store, user: &str, id: &str) -> ApiResult<u64> {
    let id: u64 = id.parse().map_err(|_| ApiError::not_found())?;
    let me = store
        .user(user)
        .map(|u| u.account_id.clone())
        .unwrap_or_default();
    match store.statuses.get(&id) {
        Some(s) if s.account_id == me && s.reblog_of.is_none() => Ok(id),
        _ => Err(ApiError::not_found()),
    }
}

/// `PUT /api/v1/statuses/:id`.
pub async fn edit(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:statuses")?;
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    let id = own(&store, &user, &id)?;
    let c = store.content(&state.origin, &user, &p, now)?;
    let mut versions = history_of(&store, id);
    let rec = store.statuses[&id].clone();
    let mut v = rec.json.clone();
    let poll_id = match (&c.poll, &rec.poll_id) {
        (Some(_), Some(old)) => Some(old.clone()),
        (Some(_), None) => Some((store.polls.len() + 1).to_string()),
        (None, _) => None,
    };
    let tags = store.apply_content(&state.origin, &mut v, &c, poll_id.as_deref());
    v["edited_at"] = json!(clock::rfc3339(now));
    let s = store.statuses.get_mut(&id).expect("own status");
    s.json = v;
    s.tags = tags;
    s.poll_id = poll_id;
    s.has_media = !c.media.is_empty();
    store.sources.insert(id, c.text.clone());
    versions.push(version(&store, id, &clock::rfc3339(now)));
    store.history.insert(id, versions);
    let mut events = status_events(&store, id, "status.update");
    let me = store
        .user(&user)
        .map(|u| u.account_id.clone())
        .unwrap_or_default();
    let boosters: Vec<String> = store
        .per_user
        .iter()
        .filter(|(_, u)| u.reblogs.contains_key(&id))
        .map(|(n, _)| n.clone())
        .collect();
    for b in boosters {
        store.notify(&b, "update", &me, Some(id), now, Value::Null);
    }
    events.append(&mut store.outbox);
    let out = store
        .render_status(id, Some(&user), now)
        .ok_or_else(ApiError::not_found)?;
    drop(store);
    state.hub.publish(events);
    Ok(Json(out))
}

/// `DELETE /api/v1/statuses/:id`: the deleted status with `text` (and its poll and media).
pub async fn delete(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:statuses")?;
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    let id = own(&store, &user, &id)?;
    let mut out = store
        .render_status(id, Some(&user), now)
        .ok_or_else(ApiError::not_found)?;
    out["text"] = json!(source_text(&store, id));
    let rec = store.statuses[&id].clone();
    if let Some(parent) = rec.in_reply_to
        && let Some(p) = store.statuses.get_mut(&parent)
    {
        p.json["replies_count"] = json!(
            p.json["replies_count"]
                .as_u64()
                .unwrap_or(1)
                .saturating_sub(1)
        );
    }
    if let Some(acc) = store.accounts.get_mut(&rec.account_id) {
        acc["statuses_count"] = json!(
            acc["statuses_count"]
                .as_u64()
                .unwrap_or(1)
                .saturating_sub(1)
        );
    }
    let wrappers: Vec<u64> = store
        .statuses
        .values()
        .filter(|s| s.reblog_of == Some(id))
        .map(|s| s.id)
        .collect();
    for w in wrappers {
        store.remove_status(w);
    }
    for us in store.per_user.values_mut() {
        us.reblogs.remove(&id);
        us.pinned.retain(|x| *x != id);
    }
    store.remove_status(id);
    let events = std::mem::take(&mut store.outbox);
    drop(store);
    state.hub.publish(events);
    Ok(Json(out))
}
