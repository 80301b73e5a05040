//! Relationships (locked/open follows, mute hiding statuses, followers paging) and thread
//! context ordering for the seeded big thread.

use crate::common::*;
use crate::social::{bearer, facts};
use serde_json::Value;

#[tokio::test]
async fn follow_locked_is_requested_open_is_following_and_mute_hides() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let f = facts(&app).await;
    let (locked, open) = (
        f["locked_account"]["id"].as_str().unwrap(),
        f["open_account"]["id"].as_str().unwrap(),
    );
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/accounts/{locked}/follow"),
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(
        (r["requested"].clone(), r["following"].clone()),
        (true.into(), false.into())
    );
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/accounts/{open}/follow"),
        &h,
        "reblogs=false&notify=true",
    )
    .await
    .json();
    assert_eq!(
        (
            r["following"].clone(),
            r["showing_reblogs"].clone(),
            r["notifying"].clone()
        ),
        (true.into(), false.into(), true.into())
    );
    let rel = call(
        &app,
        "GET",
        &format!("/api/v1/accounts/relationships?id[]={locked}&id[]={open}"),
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(rel.as_array().unwrap().len(), 2);
    let latest = call(
        &app,
        "GET",
        &format!("/api/v1/accounts/{open}/statuses?limit=1"),
        &h,
        "",
    )
    .await
    .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let above: u64 = latest.parse::<u64>().unwrap() + 1;
    let home = call(
        &app,
        "GET",
        &format!("/api/v1/timelines/home?limit=1&max_id={above}"),
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(home[0]["id"], latest.as_str(), "merged into home");
    // mute bob: his statuses leave alice's home
    let bob = f["bob_id"].as_str().unwrap();
    let has_bob = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .any(|s| s["account"]["id"] == bob || s["reblog"]["account"]["id"] == bob)
    };
    assert!(has_bob(
        &call(&app, "GET", "/api/v1/timelines/home?limit=40", &h, "")
            .await
            .json()
    ));
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/accounts/{bob}/mute"),
        &h,
        "duration=3600",
    )
    .await
    .json();
    assert_eq!(r["muting"], true);
    assert!(!r["muting_expires_at"].is_null());
    assert!(!has_bob(
        &call(&app, "GET", "/api/v1/timelines/home?limit=40", &h, "")
            .await
            .json()
    ));
    call(
        &app,
        "POST",
        &format!("/api/v1/accounts/{bob}/unmute"),
        &h,
        "",
    )
    .await;
    assert!(has_bob(
        &call(&app, "GET", "/api/v1/timelines/home?limit=40", &h, "")
            .await
            .json()
    ));
    let followers = call(
        &app,
        "GET",
        &format!(
            "/api/v1/accounts/{}/followers?limit=10",
            f["alice_id"].as_str().unwrap()
        ),
        &h,
        "",
    )
    .await;
    assert_eq!(followers.json().as_array().unwrap().len(), 10);
    assert!(link(&followers.header("link").unwrap(), "next").is_some());
}

#[tokio::test]
async fn big_thread_context_is_ordered_depth_first() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let f = facts(&app).await;
    let root = f["big_thread"]["root_id"].as_str().unwrap();
    let ctx = call(
        &app,
        "GET",
        &format!("/api/v1/statuses/{root}/context"),
        &h,
        "",
    )
    .await
    .json();
    let d = ctx["descendants"].as_array().unwrap();
    assert!(d.len() >= 220, "{}", d.len());
    let mut seen = vec![root.to_string()];
    let mut depth = std::collections::HashMap::from([(root.to_string(), 0)]);
    for s in d {
        let parent = s["in_reply_to_id"].as_str().unwrap().to_string();
        assert!(seen.contains(&parent), "parent before child");
        depth.insert(s["id"].as_str().unwrap().into(), depth[&parent] + 1);
        seen.push(s["id"].as_str().unwrap().into());
    }
    assert!(depth.values().max().unwrap() > &5);
    let deep = f["big_thread"]["deepest_id"].as_str().unwrap();
    let ctx = call(
        &app,
        "GET",
        &format!("/api/v1/statuses/{deep}/context"),
        &h,
        "",
    )
    .await
    .json();
    let a = ctx["ancestors"].as_array().unwrap();
    assert_eq!(a[0]["id"], root, "oldest first");
    for w in a.windows(2) {
        assert_eq!(w[1]["in_reply_to_id"], w[0]["id"]);
    }
}
