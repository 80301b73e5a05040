//! Mastodon's rate-limit headers and 429s, per token (or per client address) and window.
//!
//! Every `/api/` response carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
//! `X-RateLimit-Reset` (ISO 8601 with microseconds, the end of the current window; windows
//! are aligned to multiples of their length, as Rack::Attack's are).

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::SocketAddr;

use crate::{Shared, clock, error::ApiError};

/// Counters per client key: (window start ms, requests in that window).
#[derive(Debug, Default)]
pub struct RateState {
    pub counters: HashMap<String, (u64, u32)>,
}

pub async fn layer(State(state): State<Shared>, req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let key = match req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        Some(auth) => format!("token:{auth}"),
        None => match req.extensions().get::<ConnectInfo<SocketAddr>>() {
            Some(ConnectInfo(addr)) => format!("ip:{}", addr.ip()),
            None => "ip:unknown".to_string(),
        },
    };
    let (limit, window) = {
        let c = state.config.lock().unwrap();
        (c.rate_limit, c.rate_window_ms.max(1000))
    };
    let now = clock::now_ms();
    let start = now - now % window;
    let used = {
        let mut r = state.rate.lock().unwrap();
        let entry = r.counters.entry(key).or_insert((start, 0));
        if entry.0 != start {
            *entry = (start, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        entry.1
    };
    let remaining = limit.saturating_sub(used);
    let mut res = if used > limit {
        ApiError::new(StatusCode::TOO_MANY_REQUESTS, "Too many requests").into_response()
    } else {
        next.run(req).await
    };
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: &'static str, v: String| {
        if let Ok(v) = HeaderValue::from_str(&v) {
            h.insert(k, v);
        }
    };
    set(h, "x-ratelimit-limit", limit.to_string());
    set(h, "x-ratelimit-remaining", remaining.to_string());
    set(
        h,
        "x-ratelimit-reset",
        clock::rfc3339_micros(start + window),
    );
    res
}
