//! Test control under `/__demo/` (not Mastodon API; documented in the crate docs) and the
//! fault-injection middleware it drives.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use std::time::Duration;

use crate::error::ApiError;
use crate::{Config, Shared};

/// Fail (or delay) the next `count` requests that match: path starts with `path_prefix`,
/// ends with `path_suffix`, equals `path`, method is `method` (each optional).
#[derive(Debug, Clone, Deserialize)]
pub struct FailRule {
    #[serde(default)]
    pub path_prefix: String,
    #[serde(default)]
    pub path_suffix: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub method: Option<String>,
    /// Run the request first (its effects happen, e.g. the status is created), then delay
    /// and answer per `status` (absent = the real response, late).
    #[serde(default)]
    pub commit: bool,
    /// HTTP status to answer; `0` = hang for `delay_ms` (default 30 s) then 504; absent = only delay.
    /// A `429` carries `X-RateLimit-Reset` `reset_in_ms` (default 2 s) ahead.
    pub status: Option<u16>,
    /// With `commit` (or alone: the request runs first either way): `"truncate"` answers the
    /// real status and headers with half the body; `"drop"` sends the headers, then breaks the
    /// connection mid-body (the browser sees a network error).
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub reset_in_ms: Option<u64>,
    #[serde(default = "one")]
    pub count: u32,
    #[serde(default)]
    pub delay_ms: u64,
}

fn one() -> u32 {
    1
}

impl FailRule {
    fn matches(&self, method: &str, path: &str) -> bool {
        self.count > 0
            && path.starts_with(&self.path_prefix)
            && self
                .path_suffix
                .as_deref()
                .is_none_or(|s| path.ends_with(s))
            && self.path.as_deref().is_none_or(|p| p == path)
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
    }
}

#[derive(Debug, Deserialize)]
struct ConfigBody {
    pkce_metadata: Option<bool>,
    rate_limit: Option<u32>,
    rate_window_secs: Option<u64>,
    fail_next: Option<FailRule>,
    grouped_notifications: Option<bool>,
    media_processing_ms: Option<u64>,
    /// `false`: ignore `Idempotency-Key` (as GoToSocial does); `true`: remember it (Mastodon).
    idempotency: Option<bool>,
}

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/__demo/config", post(set_config))
        .route("/__demo/reset", post(reset))
        .route("/__demo/state", get(summary))
        .merge(crate::control_act::routes())
}

async fn set_config(State(state): State<Shared>, Json(body): Json<ConfigBody>) -> Json<Value> {
    {
        let mut c = state.config.lock().unwrap();
        if let Some(v) = body.pkce_metadata {
            c.pkce_metadata = v;
        }
        if let Some(v) = body.rate_limit {
            c.rate_limit = v;
        }
        if let Some(v) = body.rate_window_secs {
            c.rate_window_ms = v.max(1) * 1000;
        }
        if let Some(rule) = body.fail_next {
            c.fail_rules.push(rule);
        }
        if let Some(v) = body.grouped_notifications {
            c.grouped_notifications = v;
        }
        if let Some(v) = body.media_processing_ms {
            c.media_processing_ms = v;
        }
        if let Some(v) = body.idempotency {
            c.idempotency = v;
        }
    }
    summary(State(state)).await
}

async fn reset(State(state): State<Shared>) -> Json<Value> {
    *state.store.write().unwrap() = state.seed.clone();
    *state.config.lock().unwrap() = Config::from_options(&state.options);
    state.rate.lock().unwrap().counters.clear();
    summary(State(state)).await
}

pub async fn summary(State(state): State<Shared>) -> Json<Value> {
    let store = state.store.read().unwrap();
    let c = state.config.lock().unwrap();
    let homes: serde_json::Map<String, Value> = store
        .homes
        .iter()
        .map(|(k, v)| (k.clone(), json!(v.len())))
        .collect();
    Json(json!({
        "origin": state.origin,
        "statuses": store.statuses.len(),
        "accounts": store.accounts.len(),
        "homes": homes,
        "polls": store.polls.len(),
        "config": {
            "pkce_metadata": c.pkce_metadata,
            "rate_limit": c.rate_limit,
            "rate_window_secs": c.rate_window_ms / 1000,
            "pending_failures": c.fail_rules.iter().map(|r| json!({
                "path_prefix": r.path_prefix, "path_suffix": r.path_suffix, "path": r.path,
                "method": r.method, "commit": r.commit, "status": r.status, "count": r.count,
                "delay_ms": r.delay_ms, "body": r.body
            })).collect::<Vec<_>>(),
            "grouped_notifications": c.grouped_notifications,
            "media_processing_ms": c.media_processing_ms,
            "idempotency": c.idempotency,
        },
        "streaming_connections": state.hub.connections(),
        "facts": store.facts,
        "users": store.users.iter().map(|u| json!({"username": u.username, "id": u.account_id})).collect::<Vec<_>>(),
    }))
}

/// Applies pending `fail_next` rules. Control routes are never failed.
pub async fn fail_layer(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let method = req.method().as_str().to_string();
    if path.starts_with("/__demo/") {
        return next.run(req).await;
    }
    let rule = {
        let mut c = state.config.lock().unwrap();
        let pos = c.fail_rules.iter().position(|r| r.matches(&method, &path));
        pos.map(|i| {
            let r = c.fail_rules[i].clone();
            c.fail_rules[i].count -= 1;
            if c.fail_rules[i].count == 0 {
                c.fail_rules.remove(i);
            }
            r
        })
    };
    let Some(rule) = rule else {
        return next.run(req).await;
    };
    if let Some(kind) = rule.body.as_deref() {
        let real = next.run(req).await;
        tokio::time::sleep(Duration::from_millis(rule.delay_ms)).await;
        return broken_body(real, kind).await;
    }
    if rule.commit {
        let real = next.run(req).await;
        let ms = match (rule.status, rule.delay_ms) {
            (Some(0), 0) => 30_000,
            (_, ms) => ms,
        };
        tokio::time::sleep(Duration::from_millis(ms)).await;
        return match rule.status {
            None => real,
            Some(0) => {
                ApiError::new(StatusCode::GATEWAY_TIMEOUT, "Gateway Timeout").into_response()
            }
            Some(code) => {
                let status =
                    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                ApiError::new(status, status.canonical_reason().unwrap_or("Error")).into_response()
            }
        };
    }
    match rule.status {
        None => {
            tokio::time::sleep(Duration::from_millis(rule.delay_ms)).await;
            next.run(req).await
        }
        Some(0) => {
            let ms = if rule.delay_ms == 0 {
                30_000
            } else {
                rule.delay_ms
            };
            tokio::time::sleep(Duration::from_millis(ms)).await;
            ApiError::new(StatusCode::GATEWAY_TIMEOUT, "Gateway Timeout").into_response()
        }
        Some(code) => {
            tokio::time::sleep(Duration::from_millis(rule.delay_ms)).await;
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let message = status.canonical_reason().unwrap_or("Error");
            let mut res = ApiError::new(status, message).into_response();
            if code == 429 {
                let reset = crate::clock::now_ms() + rule.reset_in_ms.unwrap_or(2_000);
                if let Ok(v) = HeaderValue::from_str(&crate::clock::rfc3339_micros(reset)) {
                    res.headers_mut().insert("x-ratelimit-reset", v);
                }
            }
            res
        }
    }
}

/// The real answer `real`, torn: half its body (`"truncate"`), or the headers and then a broken
/// connection (`"drop"`).
async fn broken_body(real: Response, kind: &str) -> Response {
    let (mut parts, body) = real.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let body = if kind == "drop" {
        // The headers and half the body go out first (a browser that got nothing would resend
        // the request by itself), then the connection breaks.
        let half = bytes.slice(..bytes.len() / 2);
        let chunks = futures_util::stream::unfold(Some(half), |first| async move {
            match first {
                Some(half) => Some((Ok(half), None)),
                None => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    Some((
                        Err(std::io::Error::other("dropped by the demo's fault rule")),
                        None,
                    ))
                }
            }
        });
        Body::from_stream(chunks)
    } else {
        Body::from(bytes.slice(..bytes.len() / 2))
    };
    Response::from_parts(parts, body)
}
