//! Shared helpers for the in-process tests: a seeded router, a one-shot request helper, and
//! the full OAuth sign-in flow (PKCE S256) as a browser client performs it.

#![allow(dead_code)]

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tower::ServiceExt;

pub const ORIGIN: &str = "http://127.0.0.1:3000";
pub const REDIRECT: &str = "http://127.0.0.1:8080/oauth/callback";

pub fn router() -> Router {
    woolly_demo::router(woolly_demo::build_state(
        ORIGIN,
        woolly_demo::Options::default(),
    ))
}

pub struct Res {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Res {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    }
}

/// Sends one request. `body` is form-urlencoded unless it starts with `{` or `[` (JSON).
pub async fn call(
    app: &Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Res {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if !body.is_empty() {
        let ct = if body.starts_with('{') || body.starts_with('[') {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        req = req.header("content-type", ct);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::from(body.to_string())).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Res {
        status,
        headers,
        body,
    }
}

pub fn enc(s: &str) -> String {
    serde_urlencoded::to_string([("v", s)]).unwrap()[2..].to_string()
}

pub fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Registers an app; returns (client_id, client_secret).
pub async fn register(app: &Router) -> (String, String) {
    let body = format!(
        "client_name=Woolly&redirect_uris={}&scopes=read+write+push",
        enc(REDIRECT)
    );
    let r = call(app, "POST", "/api/v1/apps", &[], &body).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    (
        j["client_id"].as_str().unwrap().into(),
        j["client_secret"].as_str().unwrap().into(),
    )
}

/// Signs in `user` through /oauth/authorize with a PKCE challenge; returns the code.
pub async fn authorize(
    app: &Router,
    client_id: &str,
    user: &str,
    verifier: &str,
    state: &str,
) -> String {
    let form = format!(
        "response_type=code&client_id={client_id}&redirect_uri={}&scope=read+write&state={}&code_challenge={}&code_challenge_method=S256&username={user}&password=woolly&decision=authorize",
        enc(REDIRECT),
        enc(state),
        challenge(verifier)
    );
    let r = call(app, "POST", "/oauth/authorize", &[], &form).await;
    assert_eq!(r.status, 302, "{}", r.text());
    let loc = r.header("location").unwrap();
    assert!(loc.starts_with(&format!("{REDIRECT}?code=")), "{loc}");
    assert!(loc.ends_with(&format!("&state={}", enc(state))), "{loc}");
    let code = loc
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    code.to_string()
}

pub async fn exchange(app: &Router, client: &(String, String), code: &str, verifier: &str) -> Res {
    let body = format!(
        "grant_type=authorization_code&code={code}&client_id={}&client_secret={}&redirect_uri={}&code_verifier={verifier}",
        client.0,
        client.1,
        enc(REDIRECT)
    );
    call(app, "POST", "/oauth/token", &[], &body).await
}

/// The whole flow; returns a bearer token for `user`.
pub async fn login(app: &Router, user: &str) -> String {
    let client = register(app).await;
    let verifier = "a-very-long-verifier-string-with-enough-entropy-0123456789";
    let code = authorize(app, &client.0, user, verifier, "xyz").await;
    let r = exchange(app, &client, &code, verifier).await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["access_token"].as_str().unwrap().to_string()
}

/// Extracts the URL of `rel` from a Link header.
pub fn link(header: &str, rel: &str) -> Option<String> {
    header
        .split(", ")
        .find(|p| p.ends_with(&format!("rel=\"{rel}\"")))
        .map(|p| {
            p.split('>')
                .next()
                .unwrap()
                .trim_start_matches('<')
                .to_string()
        })
}
