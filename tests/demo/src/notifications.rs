//! Notification endpoints: v1 (flat, `types[]`/`exclude_types[]`, Link paging), v2 grouped
//! (Mastodon 4.3: `expand_accounts`, `grouped_types[]`, integer `most_recent_notification_id`,
//! Link URLs that drop `expand_accounts`), unread count, clear/dismiss, policy and requests.
//!
//! `{"grouped_notifications": false}` in `/__demo/config` makes every `/api/v2/notifications`
//! route answer 404, like a server older than 4.3.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::collections::HashSet;

use crate::auth::require_user;
use crate::error::{ApiError, ApiResult};
use crate::notify::{has_status, render};
use crate::paging::{self, PageQuery};
use crate::params::Params;
use crate::userstate::Notif;
use crate::{Shared, clock};

pub use crate::notify::render_by_id;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/notifications", get(list_v1))
        .route("/api/v1/notifications/clear", post(clear))
        .route("/api/v1/notifications/requests", get(requests))
        .route("/api/v1/notifications/{id}", get(show_v1))
        .route("/api/v1/notifications/{id}/dismiss", post(dismiss))
        .route("/api/v2/notifications", get(list_v2))
        .route("/api/v2/notifications/unread_count", get(unread_count))
        .route("/api/v2/notifications/policy", get(policy).patch(policy))
        .route("/api/v2/notifications/{key}/dismiss", post(dismiss_group))
}

fn v2_enabled(state: &Shared) -> ApiResult<()> {
    if state.config.lock().unwrap().grouped_notifications {
        Ok(())
    } else {
        Err(ApiError::new(StatusCode::NOT_FOUND, "Not found"))
    }
}

/// The notifications matching `types[]` / `exclude_types[]`, newest first.
fn filtered<'a>(
    store: &'a crate::store::Store,
    user: &str,
    p: &Params,
    now: u64,
) -> Vec<&'a Notif> {
    let types = p.all("types");
    let exclude = p.all("exclude_types");
    let mut list: Vec<&Notif> = store
        .visible_notifications(user, now)
        .into_iter()
        .filter(|n| types.is_empty() || types.iter().any(|t| t == &n.kind))
        .filter(|n| !exclude.iter().any(|t| t == &n.kind))
        .collect();
    list.reverse();
    list
}

async fn list_v1(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:notifications")?;
    let store = state.store.read().unwrap();
    let now = clock::now_ms();
    let all = filtered(&store, &user, &p, now);
    let ids: Vec<u64> = all.iter().map(|n| n.id).collect();
    let (page, older) = paging::page(&ids, PageQuery::from_params(&p, 40, 80));
    let link = paging::link_header(&state.origin, uri.path(), uri.query(), &page, older);
    let items = page
        .iter()
        .filter_map(|id| all.iter().find(|n| n.id == *id))
        .map(|n| render(&store, &user, n, now))
        .collect();
    Ok(paging::respond(items, link))
}

async fn show_v1(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "read:notifications")?;
    let id: u64 = id.parse().map_err(|_| ApiError::not_found())?;
    let store = state.store.read().unwrap();
    render_by_id(&store, &user, id, clock::now_ms())
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

async fn clear(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:notifications")?;
    state.store.write().unwrap().us(&user).notifications.clear();
    Ok(Json(json!({})))
}

async fn dismiss(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:notifications")?;
    let id: u64 = id.parse().map_err(|_| ApiError::not_found())?;
    let mut store = state.store.write().unwrap();
    let list = &mut store.us(&user).notifications;
    let before = list.len();
    list.retain(|n| n.id != id);
    if list.len() == before {
        return Err(ApiError::not_found());
    }
    Ok(Json(json!({})))
}

async fn dismiss_group(
    State(state): State<Shared>,
    Path(key): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    v2_enabled(&state)?;
    let user = require_user(&state, &headers, &uri, "write:notifications")?;
    state
        .store
        .write()
        .unwrap()
        .us(&user)
        .notifications
        .retain(|n| n.group_key(None) != key);
    Ok(Json(json!({})))
}

/// One group being assembled: its key and member notifications (newest first).
struct Group<'a> {
    key: String,
    members: Vec<&'a Notif>,
}

/// Groups newest-first notifications into at most `limit` groups, in order of each group's
/// most recent notification; stops at the first notification that would open group
/// `limit + 1`. Returns the groups and whether older notifications remain.
fn group<'a>(
    list: &[&'a Notif],
    limit: usize,
    grouped: Option<&[String]>,
) -> (Vec<Group<'a>>, bool) {
    let mut groups: Vec<Group> = Vec::new();
    for (i, n) in list.iter().enumerate() {
        let key = n.group_key(grouped);
        if let Some(g) = groups.iter_mut().find(|g| g.key == key) {
            g.members.push(n);
        } else if groups.len() == limit {
            return (groups, i < list.len());
        } else {
            groups.push(Group {
                key,
                members: vec![n],
            });
        }
    }
    (groups, false)
}

fn partial(a: &Value) -> Value {
    json!({
        "id": a["id"], "acct": a["acct"], "locked": a["locked"], "bot": a["bot"], "url": a["url"],
        "avatar": a["avatar"], "avatar_static": a["avatar_static"],
        "avatar_description": a["avatar_description"],
    })
}

async fn list_v2(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    v2_enabled(&state)?;
    let user = require_user(&state, &headers, &uri, "read:notifications")?;
    let store = state.store.read().unwrap();
    let now = clock::now_ms();
    let q = PageQuery::from_params(&p, 40, 80);
    let grouped_types: Option<Vec<String>> = p.0.get("grouped_types").cloned();
    let all: Vec<&Notif> = filtered(&store, &user, &p, now)
        .into_iter()
        .filter(|n| q.max_id.is_none_or(|m| n.id < m) && q.since_id.is_none_or(|s| n.id > s))
        .collect();
    // With min_id the page is the groups right above the cursor: take the oldest ones.
    let (groups, older) = if let Some(min) = q.min_id {
        let mut above: Vec<&Notif> = all.into_iter().filter(|n| n.id > min).collect();
        above.reverse();
        let (mut g, _) = group(&above, q.limit, grouped_types.as_deref());
        g.reverse();
        for x in &mut g {
            x.members.reverse();
        }
        (g, true)
    } else {
        group(&all, q.limit, grouped_types.as_deref())
    };
    let full = p.get("expand_accounts") != Some("partial_avatars");
    let mut full_ids: Vec<String> = Vec::new();
    let mut partial_ids: Vec<String> = Vec::new();
    let mut status_ids: Vec<u64> = Vec::new();
    let mut out_groups = Vec::new();
    for g in &groups {
        let newest = g.members[0];
        let mut samples: Vec<String> = Vec::new();
        for m in &g.members {
            if !samples.contains(&m.account_id) && samples.len() < 8 {
                samples.push(m.account_id.clone());
            }
        }
        for (i, a) in samples.iter().enumerate() {
            let target = if full || i == 0 {
                &mut full_ids
            } else {
                &mut partial_ids
            };
            if !target.contains(a) {
                target.push(a.clone());
            }
        }
        let mut v = json!({
            "group_key": g.key,
            "notifications_count": g.members.len(),
            "type": newest.kind,
            "most_recent_notification_id": newest.id,
            "page_min_id": g.members.last().map(|m| m.id.to_string()),
            "page_max_id": newest.id.to_string(),
            "latest_page_notification_at": clock::rfc3339(newest.created_ms),
            "sample_account_ids": samples,
        });
        if let Some(s) = newest.status_id.filter(|_| has_status(&newest.kind)) {
            v["status_id"] = json!(s.to_string());
            if !status_ids.contains(&s) {
                status_ids.push(s);
            }
        }
        if let Some(obj) = newest.extra.as_object() {
            for (k, x) in obj {
                v[k] = x.clone();
            }
        }
        out_groups.push(v);
    }
    let statuses: Vec<Value> = status_ids
        .iter()
        .filter_map(|s| store.render_status(*s, Some(&user), now))
        .collect();
    for s in &statuses {
        for a in [&s["account"]["id"], &s["reblog"]["account"]["id"]] {
            if let Some(a) = a.as_str().map(str::to_string) {
                partial_ids.retain(|x| x != &a);
                if !full_ids.contains(&a) {
                    full_ids.push(a);
                }
            }
        }
    }
    let seen: HashSet<&String> = full_ids.iter().collect();
    partial_ids.retain(|a| !seen.contains(a));
    let accounts: Vec<Value> = full_ids
        .iter()
        .filter_map(|a| store.accounts.get(a).cloned())
        .collect();
    let mut body =
        json!({ "accounts": accounts, "statuses": statuses, "notification_groups": out_groups });
    if !full {
        body["partial_accounts"] = json!(
            partial_ids
                .iter()
                .filter_map(|a| store.accounts.get(a))
                .map(partial)
                .collect::<Vec<_>>()
        );
    }
    // Link: next = below the oldest notification of the page; prev = above the newest.
    let ids: Vec<u64> = groups
        .iter()
        .flat_map(|g| g.members.iter().map(|m| m.id))
        .collect();
    let (newest, oldest) = (ids.iter().max().copied(), ids.iter().min().copied());
    let kept: Vec<&str> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|kv| {
            let k = kv.split('=').next().unwrap_or("");
            !kv.is_empty() && !matches!(k, "max_id" | "min_id" | "since_id" | "expand_accounts")
        })
        .collect();
    let url = |c: String| {
        let mut q = kept.clone();
        q.push(&c);
        format!("{}{}?{}", state.origin, uri.path(), q.join("&"))
    };
    let link = match (newest, oldest) {
        (Some(n), Some(o)) => {
            let prev = format!("<{}>; rel=\"prev\"", url(format!("min_id={n}")));
            Some(if older {
                format!("<{}>; rel=\"next\", {prev}", url(format!("max_id={o}")))
            } else {
                prev
            })
        }
        _ => None,
    };
    let mut res = axum::response::IntoResponse::into_response(Json(body));
    if let Some(v) = link.and_then(|l| axum::http::HeaderValue::from_str(&l).ok()) {
        res.headers_mut().insert(axum::http::header::LINK, v);
    }
    Ok(res)
}

async fn unread_count(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    v2_enabled(&state)?;
    let user = require_user(&state, &headers, &uri, "read:notifications")?;
    let store = state.store.read().unwrap();
    let now = clock::now_ms();
    let marker: u64 = store
        .per_user
        .get(&user)
        .and_then(|u| u.markers.get("notifications"))
        .and_then(|m| m.last_read_id.parse().ok())
        .unwrap_or(0);
    let limit = p
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(100usize)
        .clamp(1, 1000);
    let grouped: Option<Vec<String>> = p.0.get("grouped_types").cloned();
    let unread: Vec<&Notif> = filtered(&store, &user, &p, now)
        .into_iter()
        .filter(|n| n.id > marker)
        .collect();
    let keys: HashSet<String> = unread
        .iter()
        .map(|n| n.group_key(grouped.as_deref()))
        .collect();
    Ok(Json(json!({ "count": keys.len().min(limit) })))
}

async fn policy(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    v2_enabled(&state)?;
    require_user(&state, &headers, &uri, "read:notifications")?;
    Ok(Json(json!({
        "for_not_following": "accept", "for_not_followers": "accept", "for_new_accounts": "accept",
        "for_private_mentions": "accept", "for_limited_accounts": "filter",
        "summary": { "pending_requests_count": 0, "pending_notifications_count": 0 },
    })))
}

async fn requests(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    require_user(&state, &headers, &uri, "read:notifications")?;
    Ok(Json(json!([])))
}
