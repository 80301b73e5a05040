//! Accounts: `verify_credentials`, lookup by id or acct, an account's statuses, and the
//! OIDC `/oauth/userinfo` (Mastodon 4.4+, `profile` scope).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::{Caller, caller, has_scope, optional_user};
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::{Shared, timelines};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/api/v1/accounts/verify_credentials",
            get(verify_credentials),
        )
        .route("/api/v1/accounts/lookup", get(lookup))
        .route("/api/v1/accounts/{id}", get(show))
        .route("/api/v1/accounts/{id}/statuses", get(statuses))
        .route("/oauth/userinfo", get(userinfo).post(userinfo))
}

/// The signed-in user, allowing the `profile` scope too (it grants exactly this).
fn profile_user(state: &Shared, headers: &HeaderMap, uri: &Uri) -> ApiResult<String> {
    match caller(state, headers, uri)? {
        Caller::Anonymous => Err(ApiError::invalid_token()),
        Caller::App(_) => Err(ApiError::requires_user()),
        Caller::User(name, t) => {
            if has_scope(&t.scopes, "read:accounts") || has_scope(&t.scopes, "profile") {
                Ok(name)
            } else {
                Err(ApiError::outside_scopes())
            }
        }
    }
}

async fn verify_credentials(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = profile_user(&state, &headers, &uri)?;
    let store = state.store.read().unwrap();
    store
        .credential_account(&user)
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

async fn show(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    optional_user(&state, &headers, &uri)?;
    let store = state.store.read().unwrap();
    store
        .accounts
        .get(&id)
        .cloned()
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

async fn lookup(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    optional_user(&state, &headers, &uri)?;
    let acct = p
        .get("acct")
        .unwrap_or("")
        .trim_start_matches('@')
        .to_lowercase();
    // `alice@127.0.0.1:3000` names a local account as well.
    let local_suffix = format!("@{}", state.domain());
    let acct = acct.strip_suffix(&local_suffix).unwrap_or(&acct);
    let store = state.store.read().unwrap();
    store
        .accounts
        .values()
        .find(|a| {
            a["acct"]
                .as_str()
                .is_some_and(|x| x.eq_ignore_ascii_case(acct))
        })
        .cloned()
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

async fn statuses(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let viewer = optional_user(&state, &headers, &uri)?;
    let store = state.store.read().unwrap();
    if !store.accounts.contains_key(&id) {
        return Err(ApiError::not_found());
    }
    let own = viewer
        .as_deref()
        .and_then(|v| store.user(v))
        .is_some_and(|u| u.account_id == id);
    let (no_replies, no_reblogs, media) = (
        p.flag("exclude_replies"),
        p.flag("exclude_reblogs"),
        p.flag("only_media"),
    );
    // Followers see followers-only statuses too.
    let follower = viewer
        .as_deref()
        .and_then(|v| store.user(v))
        .is_some_and(|u| u.follows.contains(&id));
    let mut ids: Vec<u64> = if p.flag("pinned") {
        store
            .username_of(&id)
            .and_then(|n| store.per_user.get(&n))
            .map(|u| u.pinned.clone())
            .unwrap_or_default()
    } else {
        store
            .statuses
            .values()
            .filter(|s| s.account_id == id)
            .filter(|s| {
                own || matches!(s.visibility.as_str(), "public" | "unlisted")
                    || (follower && s.visibility == "private")
            })
            .filter(|s| !no_replies || s.json["in_reply_to_id"].is_null())
            .filter(|s| !no_reblogs || s.reblog_of.is_none())
            .filter(|s| !media || s.has_media)
            .map(|s| s.id)
            .collect()
    };
    ids.sort_unstable_by(|a, b| b.cmp(a));
    Ok(timelines::respond_page(
        &state,
        &store,
        &ids,
        &uri,
        &p,
        viewer.as_deref(),
    ))
}

async fn userinfo(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = profile_user(&state, &headers, &uri)?;
    let store = state.store.read().unwrap();
    let acc = store
        .credential_account(&user)
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(json!({
        "iss": format!("{}/", state.origin),
        "sub": acc["uri"],
        "name": acc["display_name"],
        "preferred_username": acc["username"],
        "profile": acc["url"],
        "picture": acc["avatar"],
    })))
}
