//! Instance discovery: `/api/v1|v2/instance`, nodeinfo, host-meta, webfinger, the RFC 8414
//! OAuth metadata and `/api/v1/custom_emojis`.
//!
//! The instance documents are the real mastodon.social fixtures rewritten to this origin, so
//! every field Mastodon sends is present. Live feeds are `public` here (mastodon.social has
//! them disabled) so the local and federated timelines have something to show.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::collections::HashMap;

use crate::error::ApiError;
use crate::{Shared, media};

const V2: &str = include_str!("../../fixtures/instance_v2.json");
const V1: &str = include_str!("../../fixtures/instance_v1.json");
const NODEINFO: &str = include_str!("../../fixtures/nodeinfo_2.0.json");
const OAUTH_META: &str = include_str!("../../fixtures/oauth_authorization_server_metadata.json");

pub const TITLE: &str = "Woolly Demo";
pub const DESCRIPTION: &str =
    "A demo Mastodon-compatible instance that ships with Woolly. Everything here is made up.";

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v2/instance", get(v2))
        .route("/api/v1/instance", get(v1))
        .route("/api/v1/custom_emojis", get(custom_emojis))
        .route("/.well-known/nodeinfo", get(nodeinfo_links))
        .route("/nodeinfo/2.0", get(nodeinfo))
        .route("/.well-known/host-meta", get(host_meta))
        .route("/.well-known/webfinger", get(webfinger))
        .route(
            "/.well-known/oauth-authorization-server",
            get(oauth_metadata),
        )
}

fn contact(state: &Shared) -> Value {
    let store = state.store.read().unwrap();
    store
        .user("alice")
        .and_then(|u| store.accounts.get(&u.account_id))
        .cloned()
        .unwrap_or(Value::Null)
}

fn stream_url(state: &Shared) -> String {
    format!("ws://{}", state.domain())
}

async fn v2(State(state): State<Shared>) -> Json<Value> {
    let mut v: Value = serde_json::from_str(V2).expect("instance_v2 fixture");
    let o = &state.origin;
    v["domain"] = json!(state.domain());
    v["title"] = json!(TITLE);
    v["description"] = json!(DESCRIPTION);
    v["source_url"] = json!("https://github.com/mastodon/mastodon");
    v["usage"] = json!({ "users": { "active_month": 3 } });
    let thumb = media::image_url(o, 1200, 630, "instance-thumbnail");
    v["thumbnail"] = json!({
        "url": thumb,
        "blurhash": "UeKUpFxuo~R%0nW;WCnhF6RjaJt757oJodS$",
        "versions": { "@1x": thumb, "@2x": media::image_url(o, 2400, 1260, "instance-thumbnail") },
        "description": "A woolly mammoth made of coloured shapes.",
    });
    v["icon"] = json!([36, 48, 72, 96, 144, 192, 256, 384, 512]
        .iter()
        .map(|s| json!({ "src": media::image_url(o, *s, *s, "instance-icon"), "size": format!("{s}x{s}") }))
        .collect::<Vec<_>>());
    let c = &mut v["configuration"];
    c["urls"] = json!({
        "streaming": stream_url(&state),
        "status": null,
        "about": format!("{o}/about"),
        "privacy_policy": format!("{o}/privacy-policy"),
        "terms_of_service": null,
    });
    c["timelines_access"]["live_feeds"] = json!({ "local": "public", "remote": "public" });
    c["translation"] = json!({ "enabled": false });
    v["registrations"] = json!({
        "enabled": false, "approval_required": false, "reason_required": false,
        "message": null, "min_age": null, "url": null
    });
    v["contact"] = json!({ "email": "admin@demo.local", "account": contact(&state) });
    Json(v)
}

async fn v1(State(state): State<Shared>) -> Response {
    let mut v: Value = serde_json::from_str(V1).expect("instance_v1 fixture");
    let o = &state.origin;
    v["uri"] = json!(state.domain());
    v["title"] = json!(TITLE);
    v["short_description"] = json!(DESCRIPTION);
    v["description"] = json!(DESCRIPTION);
    v["email"] = json!("admin@demo.local");
    v["urls"] = json!({ "streaming_api": stream_url(&state) });
    let (users, statuses) = {
        let s = state.store.read().unwrap();
        (s.users.len(), s.statuses.len())
    };
    v["stats"] = json!({ "user_count": users, "status_count": statuses, "domain_count": 12 });
    v["thumbnail"] = json!(media::image_url(o, 1200, 630, "instance-thumbnail"));
    v["registrations"] = json!(false);
    v["invites_enabled"] = json!(false);
    v["contact_account"] = contact(&state);
    // Mastodon 4.4+ marks v1 deprecated (RFC 9745).
    let mut res = Json(v).into_response();
    res.headers_mut()
        .insert("deprecation", HeaderValue::from_static("@1668384000"));
    res
}

async fn custom_emojis(State(state): State<Shared>) -> Json<Value> {
    Json(state.store.read().unwrap().custom_emojis.clone())
}

async fn nodeinfo_links(State(state): State<Shared>) -> Json<Value> {
    Json(json!({ "links": [{
        "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
        "href": format!("{}/nodeinfo/2.0", state.origin),
    }]}))
}

async fn nodeinfo(State(state): State<Shared>) -> Response {
    let mut v: Value = serde_json::from_str(NODEINFO).expect("nodeinfo fixture");
    let version: Value = serde_json::from_str::<Value>(V2).expect("v2")["version"].clone();
    v["software"]["name"] = json!("mastodon");
    v["software"]["version"] = version;
    v["openRegistrations"] = json!(false);
    let users = state.store.read().unwrap().users.len();
    v["usage"]["users"] = json!({ "total": users, "activeMonth": users, "activeHalfyear": users });
    v["metadata"] = json!({ "nodeName": TITLE, "nodeDescription": DESCRIPTION });
    let mut res = Json(v).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.0#\"",
        ),
    );
    res
}

async fn host_meta(State(state): State<Shared>) -> Response {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n  <Link rel=\"lrdd\" template=\"{}/.well-known/webfinger?resource={{uri}}\"/>\n</XRD>\n",
        state.origin
    );
    (
        [(header::CONTENT_TYPE, "application/xrd+xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

async fn webfinger(
    State(state): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let resource = q.get("resource").cloned().unwrap_or_default();
    let acct = resource.strip_prefix("acct:").unwrap_or(&resource);
    let (name, host) = acct.split_once('@').unwrap_or((acct, state.domain()));
    let store = state.store.read().unwrap();
    let Some(user) = store.user(name).filter(|_| host == state.domain()) else {
        return ApiError::not_found().into_response();
    };
    let o = &state.origin;
    let body = json!({
        "subject": format!("acct:{}@{}", user.username, state.domain()),
        "aliases": [format!("{o}/@{}", user.username), format!("{o}/users/{}", user.username)],
        "links": [
            { "rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": format!("{o}/@{}", user.username) },
            { "rel": "self", "type": "application/activity+json", "href": format!("{o}/users/{}", user.username) },
        ],
    });
    (
        [(header::CONTENT_TYPE, "application/jrd+json; charset=utf-8")],
        Json(body).0.to_string(),
    )
        .into_response()
}

/// RFC 8414 metadata (Mastodon 4.3+). Switched off, the demo answers 404 like older servers
/// and GoToSocial, which is how clients detect that there is no PKCE.
async fn oauth_metadata(State(state): State<Shared>, _h: HeaderMap) -> Response {
    if !state.config.lock().unwrap().pkce_metadata {
        return ApiError::new(StatusCode::NOT_FOUND, "Not found").into_response();
    }
    let mut v: Value = serde_json::from_str(OAUTH_META).expect("oauth metadata fixture");
    let o = &state.origin;
    v["issuer"] = json!(format!("{o}/"));
    v["authorization_endpoint"] = json!(format!("{o}/oauth/authorize"));
    v["token_endpoint"] = json!(format!("{o}/oauth/token"));
    v["revocation_endpoint"] = json!(format!("{o}/oauth/revoke"));
    v["userinfo_endpoint"] = json!(format!("{o}/oauth/userinfo"));
    v["app_registration_endpoint"] = json!(format!("{o}/api/v1/apps"));
    Json(v).into_response()
}
