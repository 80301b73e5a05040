//! Timelines: paging the whole home by Link headers, min_id, accounts apart, statuses' shape.

use crate::common::*;
use serde_json::Value;
use std::collections::HashSet;

/// Compares snowflake ids as Mastodon clients must: by (length, text), never as floats.
fn newer(a: &str, b: &str) -> bool {
    (a.len(), a) > (b.len(), b)
}

#[tokio::test]
async fn link_paging_walks_the_whole_home_newest_first() {
    let app = router();
    let auth = format!("Bearer {}", login(&app, "alice").await);
    let mut url = "/api/v1/timelines/home?limit=40".to_string();
    let mut seen = HashSet::new();
    let mut last: Option<String> = None;
    let mut pages = 0;
    loop {
        let r = call(&app, "GET", &url, &[("authorization", &auth)], "").await;
        assert_eq!(r.status, 200);
        let items = r.json();
        for s in items.as_array().unwrap() {
            let id = s["id"].as_str().expect("string id").to_string();
            if let Some(prev) = &last {
                assert!(newer(prev, &id), "{prev} then {id}");
            }
            assert!(seen.insert(id.clone()), "duplicate {id}");
            last = Some(id);
        }
        pages += 1;
        let Some(next) = r.header("link").and_then(|l| link(&l, "next")) else {
            break;
        };
        assert!(
            next.starts_with(&format!("{ORIGIN}/api/v1/timelines/home?limit=40&max_id=")),
            "{next}"
        );
        url = next.trim_start_matches(ORIGIN).to_string();
        assert!(pages < 200);
    }
    assert!(seen.len() >= 2000, "only {}", seen.len());
    let state = call(&app, "GET", "/__demo/state", &[], "").await.json();
    assert_eq!(
        state["homes"]["alice"].as_u64().unwrap() as usize,
        seen.len(),
        "no gaps"
    );
}

#[tokio::test]
async fn min_id_returns_the_page_just_newer_newest_first() {
    let app = router();
    let auth = format!("Bearer {}", login(&app, "alice").await);
    let first: Vec<String> = ids(&call(
        &app,
        "GET",
        "/api/v1/timelines/home?limit=10",
        &[("authorization", &auth)],
        "",
    )
    .await
    .json());
    let r = call(
        &app,
        "GET",
        &format!("/api/v1/timelines/home?limit=5&max_id={}", first[9]),
        &[("authorization", &auth)],
        "",
    )
    .await;
    let prev = link(&r.header("link").unwrap(), "prev").unwrap();
    assert!(prev.contains("limit=5&min_id="), "{prev}");
    let r = call(
        &app,
        "GET",
        &format!("/api/v1/timelines/home?limit=4&min_id={}", first[9]),
        &[("authorization", &auth)],
        "",
    )
    .await;
    assert_eq!(ids(&r.json()), first[5..9].to_vec());
    let r = call(
        &app,
        "GET",
        &format!("/api/v1/timelines/home?min_id={}", first[0]),
        &[("authorization", &auth)],
        "",
    )
    .await;
    assert_eq!(r.json(), serde_json::json!([]));
    assert!(r.header("link").is_none());
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn every_home_status_is_mastodon_shaped_with_local_media() {
    let app = router();
    let auth = format!("Bearer {}", login(&app, "alice").await);
    let mut url = "/api/v1/timelines/home?limit=40".to_string();
    let (mut boosts, mut polls, mut media, mut cws) = (0, 0, 0, 0);
    for _ in 0..30 {
        let r = call(&app, "GET", &url, &[("authorization", &auth)], "").await;
        for s in r.json().as_array().unwrap() {
            for key in [
                "id",
                "created_at",
                "uri",
                "content",
                "visibility",
                "spoiler_text",
            ] {
                assert!(s[key].is_string(), "{key} in {s}");
            }
            assert!(s["account"]["id"].is_string() && s["account"]["acct"].is_string());
            assert!(s["created_at"].as_str().unwrap().ends_with('Z'));
            // Boost wrappers carry the boosted status (2.x servers also left text in `content`).
            let inner = if s["reblog"].is_object() {
                boosts += 1;
                &s["reblog"]
            } else {
                s
            };
            if inner["poll"].is_object() {
                polls += 1;
                assert!(inner["poll"]["id"].is_string());
            }
            if !inner["spoiler_text"].as_str().unwrap().is_empty() {
                cws += 1;
            }
            for m in inner["media_attachments"].as_array().unwrap() {
                media += 1;
                assert!(m["url"].as_str().unwrap().starts_with(ORIGIN), "{m}");
                assert!(m["preview_url"].as_str().unwrap().starts_with(ORIGIN));
            }
            assert!(s["account"]["avatar"].as_str().unwrap().starts_with(ORIGIN));
        }
        url = link(&r.header("link").unwrap(), "next")
            .unwrap()
            .trim_start_matches(ORIGIN)
            .to_string();
    }
    assert!(
        boosts > 10 && polls > 2 && media > 20 && cws > 5,
        "{boosts} {polls} {media} {cws}"
    );
}

#[tokio::test]
async fn accounts_have_different_homes() {
    let app = router();
    let mut firsts = Vec::new();
    for user in ["alice", "bob", "carol"] {
        let auth = format!("Bearer {}", login(&app, user).await);
        let me = call(
            &app,
            "GET",
            "/api/v1/accounts/verify_credentials",
            &[("authorization", &auth)],
            "",
        )
        .await
        .json();
        assert_eq!(me["username"], user);
        firsts.push(ids(&call(
            &app,
            "GET",
            "/api/v1/timelines/home",
            &[("authorization", &auth)],
            "",
        )
        .await
        .json()));
    }
    assert_ne!(firsts[0], firsts[1]);
    assert_ne!(firsts[1], firsts[2]);
}

#[tokio::test]
async fn context_polls_and_tags() {
    let app = router();
    let auth = format!("Bearer {}", login(&app, "bob").await);
    let h = [("authorization", auth.as_str())];
    let public = call(&app, "GET", "/api/v1/timelines/public?limit=40", &h, "")
        .await
        .json();
    assert_eq!(public.as_array().unwrap().len(), 40);
    let tagged = call(&app, "GET", "/api/v1/timelines/tag/Caturday", &h, "")
        .await
        .json();
    assert!(tagged.as_array().unwrap().iter().all(|s| {
        s["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["name"] == "caturday")
    }));
    assert!(!tagged.as_array().unwrap().is_empty());
    // Find a poll that is still open and vote on it.
    let st = call(&app, "GET", "/__demo/state", &[], "").await.json();
    let n = st["polls"].as_u64().unwrap();
    let mut voted = false;
    for id in 1..=n {
        let p = call(&app, "GET", &format!("/api/v1/polls/{id}"), &h, "")
            .await
            .json();
        if p["expired"] == false && p["voted"] == false {
            let r = call(
                &app,
                "POST",
                &format!("/api/v1/polls/{id}/votes"),
                &h,
                r#"{"choices":[0]}"#,
            )
            .await;
            assert_eq!(r.status, 200, "{}", r.text());
            assert_eq!(r.json()["voted"], true);
            assert_eq!(r.json()["own_votes"], serde_json::json!([0]));
            let again = call(
                &app,
                "POST",
                &format!("/api/v1/polls/{id}/votes"),
                &h,
                "choices[]=1",
            )
            .await;
            assert_eq!(again.status, 422);
            voted = true;
            break;
        }
    }
    assert!(voted);
    let lists = call(&app, "GET", "/api/v1/lists", &h, "").await.json();
    assert_eq!(lists.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn long_threads_have_context() {
    let app = router();
    let mut r = call(&app, "GET", "/api/v1/timelines/public?limit=40", &[], "").await;
    let mut best = 0;
    for _ in 0..40 {
        for s in r.json().as_array().unwrap() {
            let n = s["replies_count"].as_u64().unwrap_or(0);
            if n > 0 {
                let id = s["id"].as_str().unwrap();
                let c = call(
                    &app,
                    "GET",
                    &format!("/api/v1/statuses/{id}/context"),
                    &[],
                    "",
                )
                .await
                .json();
                best = best.max(c["descendants"].as_array().unwrap().len());
            }
        }
        if best >= 24 {
            break;
        }
        let Some(next) = r.header("link").and_then(|l| link(&l, "next")) else {
            break;
        };
        r = call(&app, "GET", next.trim_start_matches(ORIGIN), &[], "").await;
    }
    assert!(best >= 24, "longest thread had {best} descendants");
}
