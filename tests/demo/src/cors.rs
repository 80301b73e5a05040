//! CORS and `X-Request-Id` for every route of the instance.
//!
//! Mastodon (`config/initializers/cors.rb`) allows any origin without credentials, exposes the
//! paging and rate-limit headers, and allows any request header, so preflights echo
//! `Access-Control-Request-Headers`. Preflights are answered here, before routing, because a
//! `GET`-only route would otherwise answer `OPTIONS` with 405.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicU64, Ordering};

const EXPOSE: &str =
    "Link, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-Request-Id";
const METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

static REQUEST_SEQ: AtomicU64 = AtomicU64::new(1);

pub async fn layer(req: Request, next: Next) -> Response {
    let request_id = format!(
        "{:08x}-demo-{:06}",
        crate::clock::now_ms() & 0xffff_ffff,
        REQUEST_SEQ.fetch_add(1, Ordering::Relaxed)
    );
    let preflight = req.method() == Method::OPTIONS;
    let requested = req
        .headers()
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned();
    let mut res = if preflight {
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static(METHODS),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            requested.unwrap_or(HeaderValue::from_static(
                "Authorization, Content-Type, Idempotency-Key",
            )),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("7200"),
        );
        r
    } else {
        next.run(req).await
    };
    apply(res.headers_mut());
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        res.headers_mut().entry("x-request-id").or_insert(v);
    }
    res
}

fn apply(h: &mut HeaderMap) {
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSE),
    );
    h.append(header::VARY, HeaderValue::from_static("Origin"));
}
