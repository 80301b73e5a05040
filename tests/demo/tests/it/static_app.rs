//! The static app server: files, content types, SPA fallback, config, precompressed siblings.

use axum::body::{Body, to_bytes};
use axum::http::Request;
use tower::ServiceExt;

async fn get(app: &axum::Router, path: &str, accept: &str) -> (u16, String, String, Vec<u8>) {
    let req = Request::get(path)
        .header("accept-encoding", accept)
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let h = |n: &str| {
        res.headers()
            .get(n)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let (ct, ce) = (h("content-type"), h("content-encoding"));
    (
        res.status().as_u16(),
        ct,
        ce,
        to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec(),
    )
}

#[tokio::test]
async fn serves_files_and_falls_back_for_routes_only() {
    let dir = std::env::temp_dir().join(format!("woolly-demo-app-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join("assets/woolly-0123abcd.wasm"), b"\0asm").unwrap();
    std::fs::write(dir.join("assets/app.js"), "plain").unwrap();
    std::fs::write(dir.join("assets/app.js.gz"), "gzipped").unwrap();
    let app = woolly_demo::static_app::router(dir.clone(), "http://127.0.0.1:3000");

    let (s, ct, _, body) = get(&app, "/", "").await;
    assert_eq!(
        (s, ct.as_str(), body.as_slice()),
        (
            200,
            "text/html; charset=utf-8",
            b"<!doctype html><title>app</title>".as_slice()
        )
    );
    let (s, ct, ..) = get(&app, "/assets/woolly-0123abcd.wasm", "").await;
    assert_eq!((s, ct.as_str()), (200, "application/wasm"));
    let (s, _, ce, body) = get(&app, "/assets/app.js", "gzip, deflate, br").await;
    assert_eq!(
        (s, ce.as_str(), body.as_slice()),
        (200, "gzip", b"gzipped".as_slice())
    );
    let (_, ct, ce, body) = get(&app, "/assets/app.js", "").await;
    assert_eq!(
        (ct.as_str(), ce.as_str(), body.as_slice()),
        ("text/javascript; charset=utf-8", "", b"plain".as_slice())
    );
    let (s, ct, _, body) = get(&app, "/home/deep/route", "").await;
    assert_eq!((s, ct.as_str()), (200, "text/html; charset=utf-8"));
    assert!(
        String::from_utf8(body)
            .unwrap()
            .contains("<title>app</title>")
    );
    assert_eq!(get(&app, "/assets/missing.js", "").await.0, 404);
    assert_eq!(get(&app, "/../etc/passwd", "").await.0, 404);
    let (s, ct, _, body) = get(&app, "/woolly-config.json", "").await;
    assert_eq!((s, ct.as_str()), (200, "application/json"));
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"default_instance":"http://127.0.0.1:3000"}"#
    );
    std::fs::remove_dir_all(dir).unwrap();
}
