//! Single statuses: show, context (thread), polls (show, vote); the routes of posting
//! (`posting.rs`), editing and deleting (`edits.rs`) are mounted here too.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::{optional_user, require_user};
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::store::{StatusRec, Store};
use crate::{Shared, clock};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/statuses", post(crate::posting::create))
        .route(
            "/api/v1/statuses/{id}",
            get(show)
                .put(crate::edits::edit)
                .delete(crate::edits::delete),
        )
        .route("/api/v1/statuses/{id}/context", get(context))
        .route("/api/v1/polls/{id}", get(poll))
        .route("/api/v1/polls/{id}/votes", post(vote))
}

fn parse_id(id: &str) -> ApiResult<u64> {
    id.parse().map_err(|_| ApiError::not_found())
}

/// Whether `viewer` may see a status (private: followers and author; direct: author and
/// those who have it in their home, i.e. the mentioned).
pub fn visible(store: &Store, s: &StatusRec, viewer: Option<&str>) -> bool {
    match s.visibility.as_str() {
        "public" | "unlisted" => true,
        _ => viewer.and_then(|v| store.user(v)).is_some_and(|u| {
            u.account_id == s.account_id
                || store
                    .homes
                    .get(&u.username)
                    .is_some_and(|h| h.contains(&s.id))
        }),
    }
}

async fn show(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let viewer = optional_user(&state, &headers, &uri)?;
    let id = parse_id(&id)?;
    let store = state.store.read().unwrap();
    let rec = store.statuses.get(&id).ok_or_else(ApiError::not_found)?;
    if !visible(&store, rec, viewer.as_deref()) {
        return Err(ApiError::not_found());
    }
    store
        .render_status(id, viewer.as_deref(), clock::now_ms())
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

/// Ancestors oldest-first; descendants depth-first in thread order (each reply followed by
/// its own replies), as Mastodon returns them.
async fn context(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let viewer = optional_user(&state, &headers, &uri)?;
    let id = parse_id(&id)?;
    let store = state.store.read().unwrap();
    let rec = store.statuses.get(&id).ok_or_else(ApiError::not_found)?;
    if !visible(&store, rec, viewer.as_deref()) {
        return Err(ApiError::not_found());
    }
    let now = clock::now_ms();
    let mut ancestors = Vec::new();
    let mut cur = rec.in_reply_to;
    while let Some(pid) = cur {
        let Some(p) = store.statuses.get(&pid) else {
            break;
        };
        if visible(&store, p, viewer.as_deref()) {
            ancestors.push(pid);
        }
        cur = p.in_reply_to;
    }
    ancestors.reverse();
    let mut children: std::collections::HashMap<u64, Vec<u64>> = Default::default();
    for s in store.statuses.values() {
        if let Some(parent) = s.in_reply_to
            && visible(&store, s, viewer.as_deref())
            && !viewer
                .as_deref()
                .is_some_and(|v| store.hidden_for(v, s.id, now))
        {
            children.entry(parent).or_default().push(s.id);
        }
    }
    let mut descendants = Vec::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if n != id {
            descendants.push(n);
        }
        if let Some(kids) = children.get_mut(&n) {
            kids.sort_unstable_by(|a, b| b.cmp(a));
            stack.extend(kids.iter().copied());
        }
    }
    Ok(Json(json!({
        "ancestors": store.render_many(&ancestors, viewer.as_deref(), now),
        "descendants": store.render_many(&descendants, viewer.as_deref(), now),
    })))
}

async fn poll(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let viewer = optional_user(&state, &headers, &uri)?;
    let store = state.store.read().unwrap();
    store
        .render_poll(&id, viewer.as_deref(), clock::now_ms())
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

async fn vote(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:statuses")?;
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    let author_is_user = {
        let poll = store.polls.get(&id).ok_or_else(ApiError::not_found)?;
        store
            .user(&user)
            .is_some_and(|u| u.account_id == poll.author_id)
    };
    let poll = store.polls.get_mut(&id).ok_or_else(ApiError::not_found)?;
    if poll.expires_at.is_some_and(|e| e <= now) {
        return Err(ApiError::unprocessable(
            "Validation failed: The poll has already ended",
        ));
    }
    if author_is_user || poll.votes.contains_key(&user) {
        return Err(ApiError::unprocessable(
            "Validation failed: You have already voted on this poll",
        ));
    }
    let mut choices: Vec<usize> = Vec::new();
    for c in p.all("choices") {
        let i: usize = c
            .parse()
            .map_err(|_| ApiError::unprocessable("Validation failed: Choice is invalid"))?;
        if i >= poll.titles.len() || choices.contains(&i) {
            return Err(ApiError::unprocessable(
                "Validation failed: Choice is invalid",
            ));
        }
        choices.push(i);
    }
    if choices.is_empty() || (!poll.multiple && choices.len() > 1) {
        return Err(ApiError::unprocessable(
            "Validation failed: Choice is invalid",
        ));
    }
    for &i in &choices {
        poll.counts[i] += 1;
    }
    poll.votes.insert(user.clone(), choices);
    store
        .render_poll(&id, Some(&user), now)
        .map(Json)
        .ok_or_else(ApiError::not_found)
}
