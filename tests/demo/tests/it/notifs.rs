//! Notifications (v1, v2 grouped, the 404 switch, actions by others), follow requests,
//! markers and conversations.

use crate::common::*;
use crate::social::{bearer, facts};

#[tokio::test]
async fn v2_groups_favourites_with_integer_most_recent_id() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let r = call(
        &app,
        "GET",
        "/api/v2/notifications?limit=40&expand_accounts=partial_avatars",
        &h,
        "",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    let groups = j["notification_groups"].as_array().unwrap();
    assert!(groups.len() >= 10);
    let fav = groups
        .iter()
        .find(|g| g["type"] == "favourite" && g["notifications_count"].as_u64().unwrap() >= 6)
        .expect("a big favourite group");
    assert!(fav["most_recent_notification_id"].is_u64());
    assert!(fav["page_min_id"].is_string());
    assert!(fav["group_key"].as_str().unwrap().starts_with("favourite-"));
    let sid = fav["status_id"].as_str().unwrap();
    assert!(
        j["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == sid)
    );
    assert!(!j["partial_accounts"].as_array().unwrap().is_empty());
    assert!(
        groups
            .iter()
            .any(|g| g["group_key"].as_str().unwrap().starts_with("ungrouped-"))
    );
    let r = call(
        &app,
        "GET",
        "/api/v2/notifications?limit=10&expand_accounts=partial_avatars",
        &h,
        "",
    )
    .await;
    assert_eq!(
        r.json()["notification_groups"].as_array().unwrap().len(),
        10
    );
    let next = link(&r.header("link").unwrap(), "next").unwrap();
    assert!(
        next.contains("limit=10") && !next.contains("expand_accounts"),
        "{next}"
    );
    let types: std::collections::HashSet<&str> =
        groups.iter().map(|g| g["type"].as_str().unwrap()).collect();
    let all = call(&app, "GET", "/api/v1/notifications?limit=80", &h, "")
        .await
        .json();
    let v1_types: std::collections::HashSet<String> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["type"].as_str().unwrap().to_string())
        .collect();
    for t in [
        "mention",
        "status",
        "reblog",
        "follow",
        "follow_request",
        "favourite",
        "poll",
        "update",
        "quote",
        "admin.sign_up",
        "admin.report",
        "severed_relationships",
        "moderation_warning",
    ] {
        assert!(v1_types.contains(t), "missing {t}");
    }
    assert!(!types.is_empty());
    let m = call(&app, "GET", "/api/v1/notifications?types[]=mention", &h, "")
        .await
        .json();
    assert!(m.as_array().unwrap().iter().all(|n| n["type"] == "mention"));
    let c = call(&app, "GET", "/api/v2/notifications/unread_count", &h, "")
        .await
        .json();
    assert!(c["count"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn v2_can_be_switched_off_and_others_actions_notify() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    call(
        &app,
        "POST",
        "/__demo/config",
        &[],
        r#"{"grouped_notifications": false}"#,
    )
    .await;
    assert_eq!(
        call(&app, "GET", "/api/v2/notifications", &h, "")
            .await
            .status,
        404
    );
    assert_eq!(
        call(&app, "GET", "/api/v1/notifications", &h, "")
            .await
            .status,
        200
    );
    let f = facts(&app).await;
    let sid = f["alice_public_status_id"].as_str().unwrap();
    let body = format!(r#"{{"username":"bob","action":"favourite","status_id":"{sid}"}}"#);
    let r = call(&app, "POST", "/__demo/act", &[], &body).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let n = call(&app, "GET", "/api/v1/notifications?limit=1", &h, "")
        .await
        .json();
    assert_eq!(n[0]["type"], "favourite");
    assert_eq!(n[0]["account"]["username"], "bob");
    assert_eq!(n[0]["status"]["id"], sid);
    let id = n[0]["id"].as_str().unwrap().to_string();
    call(
        &app,
        "POST",
        &format!("/api/v1/notifications/{id}/dismiss"),
        &h,
        "",
    )
    .await;
    let n = call(&app, "GET", "/api/v1/notifications?limit=1", &h, "")
        .await
        .json();
    assert_ne!(n[0]["id"], id.as_str());
}

#[tokio::test]
async fn follow_requests_can_be_authorized() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let reqs = call(&app, "GET", "/api/v1/follow_requests", &h, "")
        .await
        .json();
    assert_eq!(reqs.as_array().unwrap().len(), 2);
    let id = reqs[0]["id"].as_str().unwrap().to_string();
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/follow_requests/{id}/authorize"),
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(r["followed_by"], true);
    assert_eq!(
        call(&app, "GET", "/api/v1/follow_requests", &h, "")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn markers_round_trip_with_versions() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let m = call(
        &app,
        "GET",
        "/api/v1/markers?timeline[]=home&timeline[]=notifications",
        &h,
        "",
    )
    .await
    .json();
    let v = m["home"]["version"].as_u64().unwrap();
    assert!(m["notifications"]["last_read_id"].is_string());
    let r = call(
        &app,
        "POST",
        "/api/v1/markers",
        &h,
        "home[last_read_id]=12345",
    )
    .await
    .json();
    assert_eq!(r["home"]["last_read_id"], "12345");
    assert_eq!(r["home"]["version"].as_u64().unwrap(), v + 1);
    let r = call(
        &app,
        "POST",
        "/api/v1/markers",
        &h,
        r#"{"home":{"last_read_id":"777"}}"#,
    )
    .await
    .json();
    assert_eq!(r["home"]["version"].as_u64().unwrap(), v + 2);
    let m = call(&app, "GET", "/api/v1/markers?timeline[]=home", &h, "")
        .await
        .json();
    assert_eq!(m["home"]["last_read_id"], "777");
    assert!(m.get("notifications").is_none());
}

#[tokio::test]
async fn conversations_list_unread_and_read() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let list = call(&app, "GET", "/api/v1/conversations", &h, "")
        .await
        .json();
    let list = list.as_array().unwrap();
    assert!(list.len() >= 3);
    let unread = list.iter().find(|c| c["unread"] == true).unwrap();
    assert_eq!(unread["last_status"]["visibility"], "direct");
    assert!(
        unread["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["username"] != "alice")
    );
    let id = unread["id"].as_str().unwrap();
    let r = call(
        &app,
        "POST",
        &format!("/api/v1/conversations/{id}/read"),
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(r["unread"], false);
}
