//! Test control that makes other people act (not Mastodon API; documented in the crate
//! docs): `/__demo/statuses`, `/__demo/act`, `/__demo/stream/emit`, `/__demo/stream/drop`.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;

use crate::actions::ACTIONS;
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::relations::ACCOUNT_ACTIONS;
use crate::store::Store;
use crate::streaming::{Event, Payload};
use crate::{Shared, clock};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/__demo/statuses", post(create_status))
        .route("/__demo/act", post(act))
        .route("/__demo/stream/emit", post(emit))
        .route("/__demo/stream/drop", post(drop_streams))
}

fn params(pairs: &[(&str, Option<&str>)]) -> Params {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in pairs {
        if let Some(v) = v {
            map.insert((*k).into(), vec![(*v).into()]);
        }
    }
    Params(map)
}

#[derive(Debug, Deserialize)]
struct NewStatus {
    username: String,
    text: String,
    #[serde(default)]
    visibility: Option<String>,
    #[serde(default)]
    spoiler_text: Option<String>,
    #[serde(default)]
    in_reply_to_id: Option<String>,
    #[serde(default)]
    language: Option<String>,
}

/// Posts as a demo user through the same path as `POST /api/v1/statuses`.
async fn create_status(
    State(state): State<Shared>,
    Json(b): Json<NewStatus>,
) -> ApiResult<Json<Value>> {
    let p = params(&[
        ("status", Some(&b.text)),
        ("visibility", b.visibility.as_deref()),
        ("spoiler_text", b.spoiler_text.as_deref()),
        ("in_reply_to_id", b.in_reply_to_id.as_deref()),
        ("language", b.language.as_deref()),
    ]);
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    if store.user(&b.username).is_none() {
        return Err(ApiError::not_found());
    }
    let id = store.post(&state.origin, &b.username, &p, now)?;
    let v = store
        .render_status(id, Some(&b.username), now)
        .ok_or_else(ApiError::not_found)?;
    let events = std::mem::take(&mut store.outbox);
    drop(store);
    state.hub.publish(events);
    Ok(Json(v))
}

#[derive(Debug, Deserialize)]
struct ActBody {
    /// Demo username, or the acct of any other account (favourite/reblog/follow only).
    username: String,
    action: String,
    #[serde(default)]
    status_id: Option<String>,
    /// Target account id, or `target` as a username/acct.
    #[serde(default)]
    account_id: Option<String>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    visibility: Option<String>,
    #[serde(default)]
    params: HashMap<String, String>,
}

fn account_by_acct(store: &Store, acct: &str) -> Option<String> {
    store.user(acct).map(|u| u.account_id.clone()).or_else(|| {
        store
            .accounts
            .values()
            .find(|a| {
                a["acct"]
                    .as_str()
                    .is_some_and(|x| x.eq_ignore_ascii_case(acct))
            })
            .and_then(|a| a["id"].as_str().map(str::to_string))
    })
}

/// Another user acts: status actions, account actions, `post`/`reply`/`mention` with `text`.
async fn act(State(state): State<Shared>, Json(b): Json<ActBody>) -> ApiResult<Json<Value>> {
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    let actor = account_by_acct(&store, &b.username).ok_or_else(ApiError::not_found)?;
    let demo = store.user(&b.username).is_some();
    let status: Option<u64> = b.status_id.as_deref().and_then(|s| s.parse().ok());
    let target = b
        .account_id
        .clone()
        .or_else(|| b.target.as_deref().and_then(|t| account_by_acct(&store, t)));
    let mut p = Params::default();
    for (k, v) in &b.params {
        p.0.insert(k.trim_end_matches("[]").into(), vec![v.clone()]);
    }
    let a = b.action.as_str();
    let out = if ACTIONS.contains(&a) && demo {
        let id = store.act(
            &b.username,
            a,
            status.ok_or_else(ApiError::not_found)?,
            &p,
            now,
        )?;
        store
            .render_status(id, Some(&b.username), now)
            .unwrap_or(Value::Null)
    } else if ACCOUNT_ACTIONS.contains(&a) && demo {
        let t = target.ok_or_else(ApiError::not_found)?;
        store.account_act(&b.username, a, &t, &p, now)?;
        store.relationship(&b.username, &t, now)
    } else if matches!(a, "post" | "reply" | "mention") && demo {
        let text = b.text.clone().unwrap_or_else(|| "Hello!".into());
        let sid = status.map(|s| s.to_string());
        let p = params(&[
            ("status", Some(&text)),
            ("visibility", b.visibility.as_deref()),
            ("in_reply_to_id", sid.as_deref()),
        ]);
        let id = store.post(&state.origin, &b.username, &p, now)?;
        store
            .render_status(id, Some(&b.username), now)
            .unwrap_or(Value::Null)
    } else if matches!(a, "favourite" | "reblog") {
        let s = status
            .filter(|s| store.statuses.contains_key(s))
            .ok_or_else(ApiError::not_found)?;
        let field = if a == "favourite" {
            "favourites_count"
        } else {
            "reblogs_count"
        };
        let rec = store.statuses.get_mut(&s).expect("checked");
        rec.json[field] = json!(rec.json[field].as_u64().unwrap_or(0) + 1);
        store.notify_author(s, a, &actor, now);
        store.render_status(s, None, now).unwrap_or(Value::Null)
    } else if a == "follow" {
        let t = target.ok_or_else(ApiError::not_found)?;
        let name = store.username_of(&t).ok_or_else(ApiError::not_found)?;
        if store.accounts[&t]["locked"].as_bool().unwrap_or(false) {
            let c = store.next_seq();
            store.us(&name).follow_requests.push((c, actor.clone()));
            store.notify(&name, "follow_request", &actor, None, now, Value::Null);
        } else {
            store.add_follow(&actor, &t);
            store.notify(&name, "follow", &actor, None, now, Value::Null);
        }
        store.relationship(&name, &actor, now)
    } else {
        return Err(ApiError::unprocessable("Unknown action for this account"));
    };
    let events = std::mem::take(&mut store.outbox);
    drop(store);
    state.hub.publish(events);
    Ok(Json(out))
}

#[derive(Debug, Deserialize)]
struct EmitBody {
    #[serde(default)]
    username: Option<String>,
    #[serde(default = "user_stream")]
    stream: String,
    #[serde(default)]
    tag: Option<String>,
    #[serde(default)]
    list: Option<String>,
    event: String,
    #[serde(default)]
    status_id: Option<String>,
    #[serde(default)]
    notification_id: Option<String>,
    /// A raw payload string (sent as is).
    #[serde(default)]
    payload: Option<String>,
}

fn user_stream() -> String {
    "user".into()
}

/// Emits one scripted event to the matching open sockets.
async fn emit(State(state): State<Shared>, Json(b): Json<EmitBody>) -> ApiResult<Json<Value>> {
    let mut key = vec![b.stream.clone()];
    if let Some(t) = b.tag.as_deref().or(b.list.as_deref()) {
        key.push(t.trim_start_matches('#').to_lowercase());
    }
    let payload = if let Some(p) = b.payload.clone() {
        Payload::Text(p)
    } else if b.event == "delete" {
        Payload::Text(b.status_id.clone().unwrap_or_default())
    } else if let Some(n) = b.notification_id.as_deref().and_then(|n| n.parse().ok()) {
        Payload::Notification(n)
    } else if let Some(s) = b.status_id.as_deref().and_then(|s| s.parse().ok()) {
        Payload::Status(s)
    } else {
        Payload::None
    };
    let sockets = state.hub.connections();
    state.hub.publish(vec![Event {
        user: b.username,
        streams: vec![key],
        event: b.event,
        payload,
    }]);
    Ok(Json(json!({ "connections": sockets })))
}

/// Closes every open streaming socket.
async fn drop_streams(State(state): State<Shared>) -> Json<Value> {
    Json(json!({ "dropped": state.hub.drop_all() }))
}
