//! Timelines: home (per user), public (local/remote/only_media), hashtag, list; and the lists.
//!
//! Each handler picks an id list from the store, pages it with `paging.rs` and renders the
//! statuses for the caller. A disabled live feed would answer `[]` with 200 in Mastodon; the
//! demo's feeds are all public.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::{optional_user, require_user};
use crate::error::{ApiError, ApiResult};
use crate::paging::{self, PageQuery};
use crate::params::Params;
use crate::store::{ListRec, Store};
use crate::{Shared, clock};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/timelines/home", get(home))
        .route("/api/v1/timelines/public", get(public))
        .route("/api/v1/timelines/tag/{hashtag}", get(tag))
        .route("/api/v1/timelines/list/{id}", get(list_timeline))
        .route("/api/v1/lists", get(lists))
        .route("/api/v1/lists/{id}", get(list))
}

/// Pages `ids` and renders the response with its `Link` header.
pub fn respond_page(
    state: &Shared,
    store: &Store,
    ids: &[u64],
    uri: &Uri,
    p: &Params,
    viewer: Option<&str>,
) -> Response {
    // Muted, blocked and domain-blocked authors vanish from the viewer's timelines, and so
    // do boosts by accounts followed with `reblogs: false`.
    let now = clock::now_ms();
    let ids: Vec<u64> = match viewer {
        Some(v) => {
            let no_boosts = store.per_user.get(v).map(|u| {
                u.follow_opts
                    .iter()
                    .filter(|(_, o)| !o.reblogs)
                    .map(|(a, _)| a.as_str())
                    .collect::<Vec<_>>()
            });
            ids.iter()
                .copied()
                .filter(|id| !store.hidden_for(v, *id, now))
                .filter(|id| {
                    let s = &store.statuses[id];
                    s.reblog_of.is_none()
                        || !no_boosts
                            .as_ref()
                            .is_some_and(|n| n.contains(&s.account_id.as_str()))
                })
                .collect()
        }
        None => ids.to_vec(),
    };
    let (page, older) = paging::page(&ids, PageQuery::from_params(p, 20, 40));
    let link = paging::link_header(&state.origin, uri.path(), uri.query(), &page, older);
    paging::respond(store.render_many(&page, viewer, now), link)
}

async fn home(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:statuses")?;
    let store = state.store.read().unwrap();
    let ids = store.homes.get(&user).cloned().unwrap_or_default();
    Ok(respond_page(&state, &store, &ids, &uri, &p, Some(&user)))
}

async fn public(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let viewer = optional_user(&state, &headers, &uri)?;
    let store = state.store.read().unwrap();
    let (local, remote, media) = (p.flag("local"), p.flag("remote"), p.flag("only_media"));
    let ids: Vec<u64> = store
        .public_ids()
        .into_iter()
        .filter(|id| {
            let s = &store.statuses[id];
            let is_local = store.is_local(&s.account_id);
            (!local || is_local) && (!remote || !is_local) && (!media || s.has_media)
        })
        .collect();
    Ok(respond_page(
        &state,
        &store,
        &ids,
        &uri,
        &p,
        viewer.as_deref(),
    ))
}

async fn tag(
    State(state): State<Shared>,
    Path(tag): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let viewer = optional_user(&state, &headers, &uri)?;
    let store = state.store.read().unwrap();
    let tag = tag.to_lowercase();
    let (local, media) = (p.flag("local"), p.flag("only_media"));
    let mut ids: Vec<u64> = store
        .statuses
        .values()
        .filter(|s| s.reblog_of.is_none() && s.visibility == "public" && s.tags.contains(&tag))
        .filter(|s| (!local || store.is_local(&s.account_id)) && (!media || s.has_media))
        .map(|s| s.id)
        .collect();
    ids.sort_unstable_by(|a, b| b.cmp(a));
    Ok(respond_page(
        &state,
        &store,
        &ids,
        &uri,
        &p,
        viewer.as_deref(),
    ))
}

fn list_json(l: &ListRec) -> Value {
    json!({ "id": l.id, "title": l.title, "replies_policy": "list", "exclusive": false })
}

fn find_list<'a>(store: &'a Store, user: &str, id: &str) -> ApiResult<&'a ListRec> {
    store
        .lists
        .iter()
        .find(|l| l.id == id && l.owner == user)
        .ok_or_else(ApiError::not_found)
}

async fn lists(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "read:lists")?;
    let store = state.store.read().unwrap();
    Ok(Json(Value::Array(
        store
            .lists
            .iter()
            .filter(|l| l.owner == user)
            .map(list_json)
            .collect(),
    )))
}

async fn list(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "read:lists")?;
    let store = state.store.read().unwrap();
    Ok(Json(list_json(find_list(&store, &user, &id)?)))
}

async fn list_timeline(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:lists")?;
    let store = state.store.read().unwrap();
    let list = find_list(&store, &user, &id)?;
    let mut ids: Vec<u64> = store
        .statuses
        .values()
        .filter(|s| list.members.contains(&s.account_id) && s.visibility != "direct")
        .map(|s| s.id)
        .collect();
    ids.sort_unstable_by(|a, b| b.cmp(a));
    Ok(respond_page(&state, &store, &ids, &uri, &p, Some(&user)))
}
