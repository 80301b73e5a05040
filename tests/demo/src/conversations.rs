//! Direct conversations (`/api/v1/conversations`) and reading-position markers
//! (`/api/v1/markers`).
//!
//! A conversation is kept per participant: the other accounts, the latest status and an
//! unread flag. Lists page by the latest status id, as Mastodon's Link headers do. Markers
//! keep `last_read_id`, a `version` that increments on every save, and `updated_at`.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::require_user;
use crate::error::{ApiError, ApiResult};
use crate::paging::{self, PageQuery};
use crate::params::Params;
use crate::store::Store;
use crate::streaming::{Event, Payload};
use crate::userstate::{Conv, Marker};
use crate::{Shared, clock};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/conversations", get(list))
        .route("/api/v1/conversations/{id}", axum::routing::delete(remove))
        .route("/api/v1/conversations/{id}/read", post(read))
        .route("/api/v1/markers", get(markers).post(save_markers))
}

impl Store {
    /// Files direct status `id` into each demo participant's conversation (the one holding
    /// its parent, else the one with the same participants, else a new one) and queues a
    /// `conversation` event on their `direct` stream.
    pub fn update_conversations(&mut self, id: u64, now: u64) {
        let _ = now;
        let Some(s) = self.statuses.get(&id) else {
            return;
        };
        let mut people: Vec<String> = vec![s.account_id.clone()];
        for m in s.json["mentions"].as_array().into_iter().flatten() {
            if let Some(a) = m["id"].as_str().filter(|a| !people.iter().any(|p| p == a)) {
                people.push(a.to_string());
            }
        }
        let (author, parent) = (s.account_id.clone(), s.in_reply_to);
        for account in people.clone() {
            let Some(name) = self.username_of(&account) else {
                continue;
            };
            let mut others: Vec<String> =
                people.iter().filter(|p| **p != account).cloned().collect();
            others.sort();
            let pos = self.us(&name).conversations.iter().position(|c| {
                parent.is_some_and(|p| c.statuses.contains(&p)) || {
                    let mut a = c.accounts.clone();
                    a.sort();
                    a == others
                }
            });
            let conv_id = match pos {
                Some(i) => {
                    let c = &mut self.us(&name).conversations[i];
                    c.last_status = id;
                    c.statuses.insert(id);
                    c.unread = account != author;
                    c.id
                }
                None => {
                    let cid = self.next_small_id();
                    self.us(&name).conversations.push(Conv {
                        id: cid,
                        accounts: others,
                        last_status: id,
                        unread: account != author,
                        statuses: [id].into_iter().collect(),
                    });
                    cid
                }
            };
            self.outbox.push(Event::for_user(
                &name,
                "direct",
                "conversation",
                Payload::Conversation(conv_id),
            ));
        }
    }
}

/// The Conversation entity as `user` sees it.
pub fn render(store: &Store, user: &str, c: &Conv, now: u64) -> Value {
    json!({
        "id": c.id.to_string(),
        "unread": c.unread,
        "accounts": c.accounts.iter().filter_map(|a| store.accounts.get(a).cloned()).collect::<Vec<_>>(),
        "last_status": store.render_status(c.last_status, Some(user), now),
    })
}

pub fn render_by_id(store: &Store, user: &str, id: u64, now: u64) -> Option<Value> {
    let c = store
        .per_user
        .get(user)?
        .conversations
        .iter()
        .find(|c| c.id == id)?;
    Some(render(store, user, c, now))
}

async fn list(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:statuses")?;
    let store = state.store.read().unwrap();
    let now = clock::now_ms();
    let mut convs: Vec<&Conv> = store
        .per_user
        .get(&user)
        .map(|u| {
            u.conversations
                .iter()
                .filter(|c| store.statuses.contains_key(&c.last_status))
                .collect()
        })
        .unwrap_or_default();
    convs.sort_by_key(|c| std::cmp::Reverse(c.last_status));
    let ids: Vec<u64> = convs.iter().map(|c| c.last_status).collect();
    let (page, older) = paging::page(&ids, PageQuery::from_params(&p, 20, 40));
    let link = paging::link_header(&state.origin, uri.path(), uri.query(), &page, older);
    let items = page
        .iter()
        .filter_map(|l| convs.iter().find(|c| c.last_status == *l))
        .map(|c| render(&store, &user, c, now))
        .collect();
    Ok(paging::respond(items, link))
}

async fn read(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:conversations")?;
    let id: u64 = id.parse().map_err(|_| ApiError::not_found())?;
    let mut store = state.store.write().unwrap();
    let c = store
        .us(&user)
        .conversations
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(ApiError::not_found)?;
    c.unread = false;
    render_by_id(&store, &user, id, clock::now_ms())
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

async fn remove(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:conversations")?;
    let id: u64 = id.parse().map_err(|_| ApiError::not_found())?;
    state
        .store
        .write()
        .unwrap()
        .us(&user)
        .conversations
        .retain(|c| c.id != id);
    Ok(Json(json!({})))
}

fn marker_json(m: &Marker) -> Value {
    json!({ "last_read_id": m.last_read_id, "version": m.version, "updated_at": clock::rfc3339(m.updated_ms) })
}

async fn markers(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "read:statuses")?;
    let store = state.store.read().unwrap();
    let mut out = json!({});
    if let Some(us) = store.per_user.get(&user) {
        for t in p.all("timeline") {
            if let Some(m) = us.markers.get(t) {
                out[t] = marker_json(m);
            }
        }
    }
    Ok(Json(out))
}

async fn save_markers(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:statuses")?;
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    let mut out = json!({});
    for t in ["home", "notifications"] {
        let nested = p.get(t).and_then(|s| serde_json::from_str::<Value>(s).ok());
        let id = p
            .get(&format!("{t}[last_read_id]"))
            .map(str::to_string)
            .or_else(|| {
                nested
                    .as_ref()
                    .and_then(|n| n["last_read_id"].as_str().map(str::to_string))
            });
        let Some(id) = id else { continue };
        let us = store.us(&user);
        let version = us.markers.get(t).map(|m| m.version + 1).unwrap_or(1);
        let m = Marker {
            last_read_id: id,
            version,
            updated_ms: now,
        };
        out[t] = marker_json(&m);
        us.markers.insert(t.to_string(), m);
    }
    Ok(Json(out))
}
