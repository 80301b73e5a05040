//! Protocol details: CORS, rate-limit and request-id headers, errors, instance, fault injection.

use crate::common::*;

#[tokio::test]
async fn cors_on_get_and_preflight() {
    let app = router();
    let r = call(
        &app,
        "GET",
        "/api/v2/instance",
        &[("origin", "http://127.0.0.1:8080")],
        "",
    )
    .await;
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    let expose = r.header("access-control-expose-headers").unwrap();
    for h in [
        "Link",
        "X-RateLimit-Limit",
        "X-RateLimit-Remaining",
        "X-RateLimit-Reset",
        "X-Request-Id",
    ] {
        assert!(expose.contains(h), "{expose}");
    }
    assert!(r.header("access-control-allow-credentials").is_none());
    let r = call(
        &app,
        "OPTIONS",
        "/api/v1/timelines/home",
        &[
            ("origin", "http://127.0.0.1:8080"),
            ("access-control-request-method", "GET"),
            (
                "access-control-request-headers",
                "authorization, idempotency-key, content-type",
            ),
        ],
        "",
    )
    .await;
    assert!(r.status == 200 || r.status == 204, "{}", r.status);
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    assert_eq!(
        r.header("access-control-allow-headers").as_deref(),
        Some("authorization, idempotency-key, content-type")
    );
    let methods = r.header("access-control-allow-methods").unwrap();
    for m in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
        assert!(methods.contains(m));
    }
}

#[tokio::test]
async fn rate_limit_headers_count_down_and_429() {
    let app = router();
    let a = call(&app, "GET", "/api/v1/instance", &[], "").await;
    let b = call(&app, "GET", "/api/v1/instance", &[], "").await;
    assert_eq!(a.header("x-ratelimit-limit").as_deref(), Some("3000"));
    let rem = |r: &Res| {
        r.header("x-ratelimit-remaining")
            .unwrap()
            .parse::<u32>()
            .unwrap()
    };
    assert_eq!(rem(&a) - 1, rem(&b));
    let reset = a.header("x-ratelimit-reset").unwrap();
    assert!(
        reset.len() == 27 && reset.ends_with('Z') && reset.as_bytes()[19] == b'.',
        "{reset}"
    );
    assert!(a.header("x-request-id").is_some());
    assert_eq!(a.header("deprecation").as_deref(), Some("@1668384000"));
    call(&app, "POST", "/__demo/config", &[], r#"{"rate_limit":2}"#).await;
    let r = call(&app, "GET", "/api/v1/instance", &[], "").await;
    assert_eq!(r.status, 429);
    assert_eq!(r.json()["error"], "Too many requests");
}

#[tokio::test]
async fn errors_are_mastodon_shaped() {
    let app = router();
    let r = call(&app, "GET", "/api/v1/timelines/home", &[], "").await;
    assert_eq!(r.status, 401);
    assert_eq!(
        r.header("www-authenticate").as_deref(),
        Some(
            "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\""
        )
    );
    let r = call(&app, "GET", "/api/v1/statuses/123", &[], "").await;
    assert_eq!(
        (r.status.as_u16(), r.json()["error"].clone()),
        (404, serde_json::json!("Record not found"))
    );
    let r = call(
        &app,
        "GET",
        "/api/v1/timelines/home",
        &[("authorization", "Bearer nope")],
        "",
    )
    .await;
    assert_eq!(r.status, 401);
}

#[tokio::test]
async fn instance_is_rewritten_to_this_origin() {
    let app = router();
    let j = call(&app, "GET", "/api/v2/instance", &[], "").await.json();
    assert_eq!(j["domain"], "127.0.0.1:3000");
    assert_eq!(j["title"], "Woolly Demo");
    assert_eq!(
        j["configuration"]["urls"]["streaming"],
        "ws://127.0.0.1:3000"
    );
    assert_eq!(
        j["configuration"]["timelines_access"]["live_feeds"]["local"],
        "public"
    );
    assert!(j["api_versions"]["mastodon"].is_u64());
    assert!(!j.to_string().contains("files.mastodon.social"));
    let v1 = call(&app, "GET", "/api/v1/instance", &[], "").await.json();
    assert_eq!(v1["urls"]["streaming_api"], "ws://127.0.0.1:3000");
    let emojis = call(&app, "GET", "/api/v1/custom_emojis", &[], "")
        .await
        .json();
    assert!(
        emojis
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["url"].as_str().unwrap().starts_with(ORIGIN))
    );
    let r = call(&app, "GET", "/.well-known/host-meta", &[], "").await;
    assert!(
        r.text()
            .contains("http://127.0.0.1:3000/.well-known/webfinger?resource={uri}")
    );
}

#[tokio::test]
async fn fail_next_fails_matching_requests_once() {
    let app = router();
    let body = r#"{"fail_next":{"path_prefix":"/api/v2/instance","status":503,"count":1}}"#;
    call(&app, "POST", "/__demo/config", &[], body).await;
    let r = call(&app, "GET", "/api/v2/instance", &[], "").await;
    assert_eq!(r.status, 503);
    assert!(r.json()["error"].is_string());
    assert_eq!(
        call(&app, "GET", "/api/v2/instance", &[], "").await.status,
        200
    );
}
