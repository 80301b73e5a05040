//! Over a real socket: streaming (subprotocol token, string payloads, drop), media upload
//! processing, and search.

use crate::common::*;
use crate::social::bearer;
use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use std::net::SocketAddr;
use std::time::Duration;
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

async fn serve() -> (axum::Router, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let app = woolly_demo::router(woolly_demo::build_state(
        &origin,
        woolly_demo::Options::default(),
    ));
    let served = app.clone();
    tokio::spawn(async move {
        axum::serve(
            listener,
            served.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    (app, origin)
}

async fn next_frame<
    S: StreamExt<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin,
>(
    ws: &mut S,
) -> Option<Value> {
    loop {
        match tokio::time::timeout(Duration::from_secs(5), ws.next())
            .await
            .ok()??
        {
            Ok(Message::Text(t)) => return Some(serde_json::from_str(&t).unwrap()),
            Ok(Message::Close(_)) | Err(_) => return None,
            _ => {}
        }
    }
}

#[test]
fn frames_carry_string_payloads() {
    let f = woolly_demo::streaming::frame(&["user".into()], "update", Some("{\"id\":\"1\"}"));
    assert_eq!(
        f,
        r#"{"event":"update","payload":"{\"id\":\"1\"}","stream":["user"]}"#
    );
    let f = woolly_demo::streaming::frame(&["user".into()], "filters_changed", None);
    assert!(!f.contains("payload"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streaming_user_updates_deletes_and_drop() {
    let (app, origin) = serve().await;
    let token = login(&app, "alice").await;
    let ws_url = format!(
        "{}/api/v1/streaming?stream=user",
        origin.replace("http", "ws")
    );
    let mut req = ws_url.clone().into_client_request().unwrap();
    req.headers_mut()
        .insert("sec-websocket-protocol", token.parse().unwrap());
    let (mut ws, res) = tokio_tungstenite::connect_async(req).await.unwrap();
    assert_eq!(
        res.headers().get("sec-websocket-protocol").unwrap(),
        token.as_str()
    );
    ws.send(Message::Text(
        r#"{"type":"subscribe","stream":"hashtag","tag":"demotag"}"#.into(),
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let s = call(
        &app,
        "POST",
        "/__demo/statuses",
        &[],
        r#"{"username":"bob","text":"Live! #demotag"}"#,
    )
    .await
    .json();
    let id = s["id"].as_str().unwrap().to_string();
    let mut streams = Vec::new();
    for _ in 0..2 {
        let f = next_frame(&mut ws).await.expect("a frame");
        assert_eq!(f["event"], "update");
        let payload: Value =
            serde_json::from_str(f["payload"].as_str().expect("payload is a string")).unwrap();
        assert_eq!(payload["id"], id.as_str());
        streams.push(f["stream"].clone());
    }
    assert!(streams.contains(&serde_json::json!(["user"])));
    assert!(streams.contains(&serde_json::json!(["hashtag", "demotag"])));
    // bob favourites alice's post → a notification frame
    let mine = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &[("authorization", &format!("Bearer {token}"))],
        "status=mine",
    )
    .await
    .json();
    let f = next_frame(&mut ws).await.unwrap();
    assert_eq!(f["event"], "update");
    let body = format!(
        r#"{{"username":"bob","action":"favourite","status_id":"{}"}}"#,
        mine["id"].as_str().unwrap()
    );
    call(&app, "POST", "/__demo/act", &[], &body).await;
    let f = next_frame(&mut ws).await.unwrap();
    assert_eq!(f["event"], "notification");
    let n: Value = serde_json::from_str(f["payload"].as_str().unwrap()).unwrap();
    assert_eq!(n["type"], "favourite");
    call(
        &app,
        "DELETE",
        &format!("/api/v1/statuses/{}", mine["id"].as_str().unwrap()),
        &[("authorization", &format!("Bearer {token}"))],
        "",
    )
    .await;
    let f = next_frame(&mut ws).await.unwrap();
    assert_eq!(f["event"], "delete");
    assert_eq!(f["payload"], mine["id"]);
    let r = call(&app, "POST", "/__demo/stream/drop", &[], "")
        .await
        .json();
    assert_eq!(r["dropped"], 1);
    assert!(next_frame(&mut ws).await.is_none(), "closed");
    // a bad token is refused
    let mut req = ws_url.into_client_request().unwrap();
    req.headers_mut()
        .insert("sec-websocket-protocol", "nope".parse().unwrap());
    assert!(tokio_tungstenite::connect_async(req).await.is_err());
}

fn multipart(file: &[u8], ct: &str) -> (String, Vec<u8>) {
    let b = "XBOUNDARYX";
    let mut body = Vec::new();
    body.extend(
        format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nA red dot\r\n"
        )
        .bytes(),
    );
    body.extend(
        format!("--{b}\r\nContent-Disposition: form-data; name=\"focus\"\r\n\r\n0.5,-0.25\r\n")
            .bytes(),
    );
    body.extend(format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: {ct}\r\n\r\n").bytes());
    body.extend(file);
    body.extend(format!("\r\n--{b}--\r\n").bytes());
    (format!("multipart/form-data; boundary={b}"), body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn media_upload_processes_then_serves_and_attaches() {
    use axum::body::{Body, to_bytes};
    use tower::ServiceExt;
    let app = router();
    let auth = bearer(&app, "alice").await;
    call(
        &app,
        "POST",
        "/__demo/config",
        &[],
        r#"{"media_processing_ms": 400}"#,
    )
    .await;
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(200u32.to_be_bytes());
    png.extend(100u32.to_be_bytes());
    png.extend([0u8; 20]);
    let (ct, body) = multipart(&png, "image/png");
    let req = axum::http::Request::post("/api/v2/media")
        .header("authorization", &auth)
        .header("content-type", ct)
        .body(Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), 202);
    let m: Value =
        serde_json::from_slice(&to_bytes(res.into_body(), usize::MAX).await.unwrap()).unwrap();
    assert!(m["url"].is_null());
    assert_eq!(m["description"], "A red dot");
    assert_eq!(m["meta"]["focus"]["y"], -0.25);
    assert_eq!(m["meta"]["original"]["width"], 200);
    let id = m["id"].as_str().unwrap();
    let h = [("authorization", auth.as_str())];
    assert_eq!(
        call(&app, "GET", &format!("/api/v1/media/{id}"), &h, "")
            .await
            .status,
        206
    );
    let early = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &h,
        &format!("status=pic&media_ids[]={id}"),
    )
    .await;
    assert_eq!(early.status, 422);
    tokio::time::sleep(Duration::from_millis(450)).await;
    let done = call(&app, "GET", &format!("/api/v1/media/{id}"), &h, "").await;
    assert_eq!(done.status, 200);
    let url = done.json()["url"].as_str().unwrap().to_string();
    let file = call(&app, "GET", url.trim_start_matches(ORIGIN), &[], "").await;
    assert_eq!(file.header("content-type").as_deref(), Some("image/png"));
    assert_eq!(file.body, png);
    let u = call(
        &app,
        "PUT",
        &format!("/api/v1/media/{id}"),
        &h,
        "description=Better&focus=0.1,0.2",
    )
    .await
    .json();
    assert_eq!(u["description"], "Better");
    let s = call(
        &app,
        "POST",
        "/api/v1/statuses",
        &h,
        &format!("status=pic&media_ids[]={id}"),
    )
    .await;
    assert_eq!(s.status, 200, "{}", s.text());
    assert_eq!(s.json()["media_attachments"][0]["id"], id);
}

#[tokio::test]
async fn search_autocompletes_accounts_and_hashtags() {
    let app = router();
    let auth = bearer(&app, "alice").await;
    let h = [("authorization", auth.as_str())];
    let r = call(
        &app,
        "GET",
        "/api/v2/search?q=%40luc&type=accounts&limit=5",
        &h,
        "",
    )
    .await
    .json();
    assert_eq!(r["accounts"][0]["acct"], "lucy");
    let r = call(&app, "GET", "/api/v2/search?q=%23ru&type=hashtags", &h, "")
        .await
        .json();
    assert!(
        r["hashtags"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["name"].as_str().unwrap().starts_with("ru"))
    );
    assert!(r["hashtags"][0]["history"][0]["uses"].is_string());
}
