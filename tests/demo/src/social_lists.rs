//! Account lists paged by internal record ids (Mastodon's Link cursors never appear in the
//! bodies): followers, following, blocks, mutes, domain blocks, follow requests (with
//! authorize/reject), endorsements; and reports.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::{optional_user, require_user};
use crate::error::{ApiError, ApiResult};
use crate::paging::{self, PageQuery};
use crate::params::Params;
use crate::{Shared, clock};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/accounts/{id}/followers", get(followers))
        .route("/api/v1/accounts/{id}/following", get(following))
        .route("/api/v1/blocks", get(blocks))
        .route("/api/v1/mutes", get(mutes))
        .route("/api/v1/endorsements", get(endorsements))
        .route(
            "/api/v1/domain_blocks",
            get(domain_blocks).post(block_domain).delete(unblock_domain),
        )
        .route("/api/v1/follow_requests", get(follow_requests))
        .route("/api/v1/follow_requests/{id}/authorize", post(authorize))
        .route("/api/v1/follow_requests/{id}/reject", post(reject))
        .route("/api/v1/reports", post(report))
}

/// Pages `(cursor, item)` pairs given oldest first; returns the page's items and the Link.
pub fn page_pairs<T: Clone>(
    state: &Shared,
    pairs: &[(u64, T)],
    uri: &Uri,
    p: &Params,
    default: usize,
    max: usize,
) -> (Vec<T>, Option<String>) {
    let cursors: Vec<u64> = pairs.iter().rev().map(|(c, _)| *c).collect();
    let (page, older) = paging::page(&cursors, PageQuery::from_params(p, default, max));
    let link = paging::link_header(&state.origin, uri.path(), uri.query(), &page, older);
    let items = page
        .iter()
        .filter_map(|c| pairs.iter().find(|(x, _)| x == c))
        .map(|(_, t)| t.clone())
        .collect();
    (items, link)
}

fn accounts_page(state: &Shared, pairs: &[(u64, String)], uri: &Uri, p: &Params) -> Response {
    let (ids, link) = page_pairs(state, pairs, uri, p, 40, 80);
    let store = state.store.read().unwrap();
    paging::respond(
        ids.iter()
            .filter_map(|a| store.accounts.get(a).cloned())
            .collect(),
        link,
    )
}

async fn graph(
    state: Shared,
    id: String,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
    followers: bool,
) -> ApiResult<Response> {
    optional_user(&state, &headers, &uri)?;
    let pairs: Vec<(u64, String)> = {
        let store = state.store.read().unwrap();
        if !store.accounts.contains_key(&id) {
            return Err(ApiError::not_found());
        }
        let mut v: Vec<(u64, String)> = store
            .follows
            .iter()
            .filter(|f| if followers { f.to == id } else { f.from == id })
            .map(|f| {
                (
                    f.cursor,
                    if followers {
                        f.from.clone()
                    } else {
                        f.to.clone()
                    },
                )
            })
            .collect();
        v.sort_by_key(|(c, _)| *c);
        v
    };
    Ok(accounts_page(&state, &pairs, &uri, &p))
}

async fn followers(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    graph(state, id, headers, uri, p, true).await
}

async fn following(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    graph(state, id, headers, uri, p, false).await
}

async fn blocks(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:blocks")?;
    let pairs = state
        .store
        .read()
        .unwrap()
        .per_user
        .get(&user)
        .map(|u| u.blocking.clone())
        .unwrap_or_default();
    Ok(accounts_page(&state, &pairs, &uri, &p))
}

async fn mutes(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:mutes")?;
    let now = clock::now_ms();
    let mut pairs: Vec<(u64, String)> = state
        .store
        .read()
        .unwrap()
        .per_user
        .get(&user)
        .map(|u| {
            u.muting
                .iter()
                .filter(|(_, m)| m.expires_at.is_none_or(|e| e > now))
                .map(|(a, m)| (m.cursor, a.clone()))
                .collect()
        })
        .unwrap_or_default();
    pairs.sort_by_key(|(c, _)| *c);
    Ok(accounts_page(&state, &pairs, &uri, &p))
}

async fn endorsements(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "read:accounts")?;
    let store = state.store.read().unwrap();
    let list = store
        .per_user
        .get(&user)
        .map(|u| {
            u.endorsed
                .iter()
                .filter_map(|a| store.accounts.get(a).cloned())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Ok(Json(json!(list)))
}

async fn domain_blocks(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:blocks")?;
    let pairs = state
        .store
        .read()
        .unwrap()
        .per_user
        .get(&user)
        .map(|u| u.domain_blocks.clone())
        .unwrap_or_default();
    let (domains, link) = page_pairs(&state, &pairs, &uri, &p, 100, 200);
    Ok(paging::respond(
        domains.into_iter().map(Value::String).collect(),
        link,
    ))
}

async fn block_domain(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:blocks")?;
    let domain = p
        .get("domain")
        .ok_or_else(|| ApiError::unprocessable("Validation failed: Domain can't be blank"))?
        .trim()
        .to_lowercase();
    let mut store = state.store.write().unwrap();
    if !store.us(&user).blocks_domain(&domain) {
        let c = store.next_seq();
        store.us(&user).domain_blocks.push((c, domain));
    }
    Ok(Json(json!({})))
}

async fn unblock_domain(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:blocks")?;
    let domain = p.get("domain").unwrap_or("").trim().to_lowercase();
    state
        .store
        .write()
        .unwrap()
        .us(&user)
        .domain_blocks
        .retain(|(_, d)| !d.eq_ignore_ascii_case(&domain));
    Ok(Json(json!({})))
}

async fn follow_requests(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:follows")?;
    let pairs = state
        .store
        .read()
        .unwrap()
        .per_user
        .get(&user)
        .map(|u| u.follow_requests.clone())
        .unwrap_or_default();
    Ok(accounts_page(&state, &pairs, &uri, &p))
}

async fn decide(
    state: Shared,
    id: String,
    headers: HeaderMap,
    uri: Uri,
    accept: bool,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:follows")?;
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    let me = store
        .user(&user)
        .map(|u| u.account_id.clone())
        .unwrap_or_default();
    let us = store.us(&user);
    let before = us.follow_requests.len();
    us.follow_requests.retain(|(_, a)| a != &id);
    if us.follow_requests.len() == before {
        return Err(ApiError::not_found());
    }
    if let Some(n) = store.username_of(&id) {
        store.us(&n).requested.remove(&me);
    }
    if accept {
        store.add_follow(&id, &me);
    }
    store
        .us(&user)
        .notifications
        .retain(|n| !(n.kind == "follow_request" && n.account_id == id));
    Ok(Json(store.relationship(&user, &id, now)))
}

async fn authorize(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    decide(state, id, headers, uri, true).await
}

async fn reject(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    decide(state, id, headers, uri, false).await
}

async fn report(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    require_user(&state, &headers, &uri, "write:reports")?;
    let mut store = state.store.write().unwrap();
    let target = p
        .get("account_id")
        .and_then(|a| store.accounts.get(a).cloned())
        .ok_or_else(ApiError::not_found)?;
    let category = match p.get("category") {
        Some(c @ ("spam" | "legal" | "violation" | "other")) => c.to_string(),
        Some(_) => {
            return Err(ApiError::unprocessable(
                "Validation failed: Category is not included in the list",
            ));
        }
        None => "other".into(),
    };
    let comment = p.get("comment").unwrap_or("").to_string();
    if comment.chars().count() > 1000 {
        return Err(ApiError::unprocessable(
            "Validation failed: Comment is too long (maximum is 1000 characters)",
        ));
    }
    let id = store.next_small_id();
    Ok(Json(json!({
        "id": id.to_string(), "action_taken": false, "action_taken_at": null, "category": category,
        "comment": comment, "forwarded": p.flag("forward"), "created_at": clock::rfc3339(clock::now_ms()),
        "status_ids": p.all("status_ids"), "rule_ids": if p.all("rule_ids").is_empty() { Value::Null } else { json!(p.all("rule_ids")) },
        "target_account": target,
    })))
}
