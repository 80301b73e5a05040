//! Serves the built web app from a directory on its own port (a different origin from the
//! instance, so CORS is exercised for real).
//!
//! Rules: an existing file is served with its content type (a `.br`/`.gz` sibling is used when
//! the request accepts it); a path without an extension that is no file falls back to
//! `index.html` (the SPA's router takes over); a missing path with an extension is a 404.
//! `/woolly-config.json` names the demo instance as the default unless the directory has one.
//! `index.html` is `no-cache`; files whose names carry a content hash, and everything in an
//! `app-<hash>/` directory (the split build), are cached for a year.

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

struct AppDir {
    dir: PathBuf,
    config_json: String,
}

/// The router for the app port: everything goes through one fallback handler.
pub fn router(dir: PathBuf, api_origin: &str) -> Router {
    let config_json = serde_json::json!({ "default_instance": api_origin }).to_string();
    Router::new()
        .fallback(serve)
        .with_state(Arc::new(AppDir { dir, config_json }))
}

/// The content type for a file name.
pub fn content_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// Whether a file name carries a build hash (e.g. `woolly-3f9a1c2b7d.js`), so may be cached long.
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    stem.rsplit(['-', '_'])
        .next()
        .is_some_and(|h| h.len() >= 8 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        && stem.contains(['-', '_'])
}

/// Maps a URL path to a path inside the app dir; None if it tries to escape.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded: Vec<(String, String)> =
        serde_urlencoded::from_str(&format!("p={}", url_path.replace('+', "%2B"))).ok()?;
    let rel = decoded.first()?.1.trim_start_matches('/').to_string();
    let rel_path = Path::new(&rel);
    if rel_path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    Some(root.join(rel_path))
}

async fn file_response(
    path: &Path,
    name: &str,
    in_hashed_dir: bool,
    headers: &HeaderMap,
    head: bool,
) -> Option<Response> {
    let accept = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut chosen = (path.to_path_buf(), None);
    for (enc, ext) in [("br", "br"), ("gzip", "gz")] {
        let sibling = PathBuf::from(format!("{}.{ext}", path.display()));
        if accept
            .split(',')
            .any(|a| a.trim().split(';').next() == Some(enc))
            && tokio::fs::metadata(&sibling)
                .await
                .is_ok_and(|m| m.is_file())
        {
            chosen = (sibling, Some(enc));
            break;
        }
    }
    let body = tokio::fs::read(&chosen.0).await.ok()?;
    let cache = if name == "index.html" || !(in_hashed_dir || is_hashed(name)) {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    let mut res = if head {
        StatusCode::OK.into_response()
    } else {
        body.into_response()
    };
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(name)),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(enc) = chosen.1 {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(enc));
    }
    Some(res)
}

async fn serve(State(app): State<Arc<AppDir>>, req: Request) -> Response {
    let head = req.method() == Method::HEAD;
    if req.method() != Method::GET && !head {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let url_path = req.uri().path().to_string();
    let Some(mut path) = resolve(&app.dir, &url_path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if tokio::fs::metadata(&path).await.is_ok_and(|m| m.is_dir()) {
        path = path.join("index.html");
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    // The split build's modules live in `app-<hash>/`: the directory's name carries the hash.
    let in_hashed_dir = url_path
        .split('/')
        .any(|seg| seg.starts_with("app-") && is_hashed(seg));
    if let Some(res) = file_response(&path, &name, in_hashed_dir, req.headers(), head).await {
        return res;
    }
    if url_path == "/woolly-config.json" {
        return (
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            app.config_json.clone(),
        )
            .into_response();
    }
    let last = url_path.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Not found\n",
        )
            .into_response();
    }
    match file_response(
        &app.dir.join("index.html"),
        "index.html",
        false,
        req.headers(),
        head,
    )
    .await
    {
        Some(res) => res,
        None => (
            StatusCode::NOT_FOUND,
            "index.html is missing from the app directory\n",
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn hashed_names_and_split_build_directories_are_recognised() {
        assert!(is_hashed("woolly-3f9a1c2b7d.js"));
        assert!(is_hashed("app-88db4c7b699f5064"));
        assert!(!is_hashed("favicon.svg"));
        assert!(!is_hashed("woolly.js"));
        assert!(!is_hashed("app-main"));
    }
}
