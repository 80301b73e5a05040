//! Status actions, posting (idempotency, failure switches, validation), edits, relationships
//! and threads.

use crate::common::*;
use serde_json::Value;

pub async fn facts(app: &axum::Router) -> Value {
    call(app, "GET", "/__demo/state", &[], "").await.json()["facts"].clone()
}

pub async fn bearer(app: &axum::Router, user: &str) -> String {
    format!("Bearer {}", login(app, user).await)
}

#[tokio::test]
async fn favourite_and_unfavourite_change_counts_and_persist() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let id = facts(&app).await["bob_status_id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = call(&app, "GET", &format!("/api/v1/statuses/{id}"), &h, "")
        .await
        .json();
    let n = before["favourites_count"].as_u64().unwrap();
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/statuses/{id}/favourite"),
        &h,
        "",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["favourited"], true);
    assert_eq!(r.json()["favourites_count"].as_u64().unwrap(), n + 1);
    let again = call(&app, "GET", &format!("/api/v1/statuses/{id}"), &h, "")
        .await
        .json();
    assert_eq!(again["favourited"], true);
    let favs = call(&app, "GET", "/api/v1/favourites?limit=5", &h, "").await;
    assert_eq!(favs.json()[0]["id"], id.as_str());
    let next = link(&favs.header("link").unwrap(), "next").unwrap();
    assert!(!next.contains(&id), "cursor is internal: {next}");
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/statuses/{id}/unfavourite"),
        &h,
        "",
    )
    .await;
    assert_eq!(r.json()["favourited"], false);
    assert_eq!(r.json()["favourites_count"].as_u64().unwrap(), n);
    // bookmark round trip
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/statuses/{id}/bookmark"),
        &h,
        "",
    )
    .await;
    assert_eq!(r.json()["bookmarked"], true);
    let b = call(&app, "GET", "/api/v1/bookmarks", &h, "").await.json();
    assert_eq!(b[0]["id"], id.as_str());
}

#[tokio::test]
async fn reblog_returns_the_wrapper_and_unreblog_the_original() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let id = facts(&app).await["bob_status_id"]
        .as_str()
        .unwrap()
        .to_string();
    let n = call(&app, "GET", &format!("/api/v1/statuses/{id}"), &h, "")
        .await
        .json()["reblogs_count"]
        .as_u64()
        .unwrap();
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/statuses/{id}/reblog"),
        &h,
        "visibility=unlisted",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let w = r.json();
    assert_ne!(w["id"], id.as_str());
    assert_eq!(w["content"], "");
    assert_eq!(w["visibility"], "unlisted");
    assert_eq!(w["reblogged"], true);
    assert!(w["uri"].as_str().unwrap().ends_with("/activity"));
    assert_eq!(w["account"]["username"], "alice");
    assert_eq!(w["reblog"]["id"], id.as_str());
    assert_eq!(w["reblog"]["reblogged"], true);
    assert_eq!(w["reblog"]["reblogs_count"].as_u64().unwrap(), n + 1);
    let home = call(&app, "GET", "/api/v1/timelines/home?limit=1", &h, "")
        .await
        .json();
    assert_eq!(home[0]["id"], w["id"]);
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/statuses/{id}/unreblog"),
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(r["id"], id.as_str());
    assert_eq!(r["reblogged"], false);
    assert_eq!(r["reblogs_count"].as_u64().unwrap(), n);
    let gone = call(
        &app,
        "GET",
        &format!("/api/v1/statuses/{}", w["id"].as_str().unwrap()),
        &h,
        "",
    )
    .await;
    assert_eq!(gone.status, 404);
}

#[tokio::test]
async fn idempotency_key_returns_the_same_status() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let k1 = [
        ("authorization", auth.as_str()),
        ("idempotency-key", "key-1"),
    ];
    let a = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &k1,
        "status=Hello+%40bob+%23Woolly+https%3A%2F%2Fexample.com%2Fx",
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text());
    let b = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &k1,
        "status=Hello+%40bob+%23Woolly+https%3A%2F%2Fexample.com%2Fx",
    )
    .await;
    assert_eq!(a.json()["id"], b.json()["id"]);
    let k2 = [
        ("authorization", auth.as_str()),
        ("idempotency-key", "key-2"),
    ];
    let c = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &k2,
        "{\"status\":\"Hello again\"}",
    )
    .await;
    assert_ne!(a.json()["id"], c.json()["id"]);
    let s = a.json();
    assert_eq!(s["mentions"][0]["username"], "bob");
    assert_eq!(s["tags"][0]["name"], "woolly");
    assert!(
        s["content"]
            .as_str()
            .unwrap()
            .contains("class=\"u-url mention\"")
    );
    assert!(
        s["content"]
            .as_str()
            .unwrap()
            .contains("<span class=\"invisible\">https://</span>")
    );
    let home = call(
        &app,
        "GET",
        "/api/v1/timelines/home?limit=2",
        &[("authorization", auth.as_str())],
        "",
    )
    .await
    .json();
    assert_eq!(home[0]["id"], c.json()["id"]);
    assert_eq!(home[1]["id"], s["id"]);
    let bob = bearer(&app, "bob").await;
    let bob_home = call(
        &app,
        "GET",
        "/api/v1/timelines/home?limit=2",
        &[("authorization", bob.as_str())],
        "",
    )
    .await
    .json();
    assert_eq!(bob_home[0]["id"], c.json()["id"], "followers get it too");
}

#[tokio::test]
async fn a_timed_out_post_is_created_once_and_the_retry_gets_it() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let cfg = r#"{"fail_next":{"path":"/api/v1/statuses","method":"POST","status":0,"delay_ms":200,"commit":true}}"#;
    call(&app, "POST", "/__demo/config", &[], cfg).await;
    let h = [
        ("authorization", auth.as_str()),
        ("idempotency-key", "retry-me"),
    ];
    let first = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &h,
        "status=Only+once+please",
    )
    .await;
    assert_eq!(first.status, 504);
    let retry = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &h,
        "status=Only+once+please",
    )
    .await;
    assert_eq!(retry.status, 200);
    let home = call(
        &app,
        "GET",
        "/api/v1/timelines/home?limit=5",
        &[("authorization", auth.as_str())],
        "",
    )
    .await
    .json();
    let n = home
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["content"] == "<p>Only once please</p>")
        .count();
    assert_eq!(n, 1);
    assert_eq!(home[0]["id"], retry.json()["id"]);
    // A plain 500 on the next post, and a failing favourite via path_suffix.
    call(
        &app,
        "POST",
        "/__demo/config",
        &[],
        r#"{"fail_next":{"path":"/api/v1/statuses","method":"POST","status":500}}"#,
    )
    .await;
    let r = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &[("authorization", auth.as_str())],
        "status=x",
    )
    .await;
    assert_eq!(r.status, 500);
    call(&app, "POST", "/__demo/config", &[], r#"{"fail_next":{"path_prefix":"/api/v1/statuses/","path_suffix":"/favourite","status":500}}"#).await;
    let id = retry.json()["id"].as_str().unwrap().to_string();
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/statuses/{id}/favourite"),
        &[("authorization", auth.as_str())],
        "",
    )
    .await;
    assert_eq!(r.status, 500);
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/statuses/{id}/favourite"),
        &[("authorization", auth.as_str())],
        "",
    )
    .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn validation_edit_history_source_and_delete() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let r = call(&app, "POST", "/api/v1/statuses", &h, "status=++").await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"], "Validation failed: Text can't be blank");
    let long = "a".repeat(501);
    assert_eq!(
        call(
            &app,
            "POST",
            "/api/v1/statuses",
            &h,
            &format!("status={long}")
        )
        .await
        .status,
        422
    );
    let url = format!("https://example.com/{}", "p".repeat(100));
    let fits = format!("{} {}", "b".repeat(470), url);
    assert_eq!(
        call(
            &app,
            "POST",
            "/api/v1/statuses",
            &h,
            &format!("status={}", enc(&fits))
        )
        .await
        .status,
        200
    );
    let s = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &h,
        "status=First+words&poll[options][]=Yes&poll[options][]=No&poll[expires_in]=3600",
    )
    .await
    .json();
    assert_eq!(s["poll"]["options"].as_array().unwrap().len(), 2);
    let id = s["id"].as_str().unwrap().to_string();
    let e = call(
        &app,
        "PUT",
        &format!("/api/v1/statuses/{id}"),
        &h,
        "status=Second+words",
    )
    .await;
    assert_eq!(e.status, 200, "{}", e.text());
    assert!(!e.json()["edited_at"].is_null());
    let hist = call(
        &app,
        "GET",
        &format!("/api/v1/statuses/{id}/history"),
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(hist.as_array().unwrap().len(), 2);
    assert_eq!(hist[0]["content"], "<p>First words</p>");
    assert_eq!(hist[1]["content"], "<p>Second words</p>");
    let src = call(
        &app,
        "GET",
        &format!("/api/v1/statuses/{id}/source"),
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(src["text"], "Second words");
    let d = call(&app, "DELETE", &format!("/api/v1/statuses/{id}"), &h, "")
        .await
        .json();
    assert_eq!(d["text"], "Second words");
    assert_eq!(
        call(&app, "GET", &format!("/api/v1/statuses/{id}"), &h, "")
            .await
            .status,
        404
    );
    let edited = facts(&app).await["edited_status_id"]
        .as_str()
        .unwrap()
        .to_string();
    let hist = call(
        &app,
        "GET",
        &format!("/api/v1/statuses/{edited}/history"),
        &h,
        "",
    )
    .await
    .json();
    assert!((2..=3).contains(&hist.as_array().unwrap().len()));
}

/// Counts alice's statuses whose content is exactly `<p>{text}</p>`.
async fn own_posts_with(app: &axum::Router, auth: &str, text: &str) -> usize {
    let alice = facts(app).await["alice_id"].as_str().unwrap().to_string();
    let mine = call(
        app,
        "GET",
        &format!("/api/v1/accounts/{alice}/statuses?limit=40"),
        &[("authorization", auth)],
        "",
    )
    .await
    .json();
    let want = format!("<p>{text}</p>");
    mine.as_array()
        .unwrap()
        .iter()
        .filter(|s| s["content"] == want.as_str())
        .count()
}

#[tokio::test]
async fn a_server_that_ignores_idempotency_keys_posts_every_retry() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    call(
        &app,
        "POST",
        "/__demo/config",
        &[],
        r#"{"idempotency":false}"#,
    )
    .await;
    let h = [
        ("authorization", auth.as_str()),
        ("idempotency-key", "same-key"),
    ];
    let a = call(&app, "POST", "/api/v1/statuses", &h, "status=Twice+then").await;
    let b = call(&app, "POST", "/api/v1/statuses", &h, "status=Twice+then").await;
    assert_ne!(a.json()["id"], b.json()["id"]);
    assert_eq!(own_posts_with(&app, &auth, "Twice then").await, 2);
}

#[tokio::test]
async fn torn_answers_come_after_the_post_was_made() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let cfg = r#"{"fail_next":{"path":"/api/v1/statuses","method":"POST","body":"truncate"}}"#;
    call(&app, "POST", "/__demo/config", &[], cfg).await;
    let torn = call(&app, "POST", "/api/v1/statuses", &h, "status=Torn+answer").await;
    assert_eq!(torn.status, 200);
    assert!(
        serde_json::from_slice::<Value>(&torn.body).is_err(),
        "half a body"
    );
    assert_eq!(own_posts_with(&app, &auth, "Torn answer").await, 1);

    let cfg = r#"{"fail_next":{"path":"/api/v1/statuses","method":"POST","body":"drop"}}"#;
    call(&app, "POST", "/__demo/config", &[], cfg).await;
    use tower::ServiceExt;
    let req = axum::http::Request::post("/api/v1/statuses")
        .header("authorization", auth.as_str())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from("status=Dropped+answer"))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), 200);
    let body = axum::body::to_bytes(res.into_body(), usize::MAX).await;
    assert!(body.is_err(), "the connection breaks mid-body");
    assert_eq!(own_posts_with(&app, &auth, "Dropped answer").await, 1);

    let cfg = r#"{"fail_next":{"path":"/api/v1/statuses","method":"POST","status":429,"reset_in_ms":3000}}"#;
    call(&app, "POST", "/__demo/config", &[], cfg).await;
    let limited = call(&app, "POST", "/api/v1/statuses", &h, "status=Later").await;
    assert_eq!(limited.status, 429);
    let reset = limited.header("x-ratelimit-reset").expect("a reset time");
    let reset_ms = woolly_demo::clock::parse_rfc3339(&reset).unwrap();
    let ahead = reset_ms as i64 - woolly_demo::clock::now_ms() as i64;
    assert!((2_000..=3_100).contains(&ahead), "{ahead}");
}
