//! Media uploads: `POST /api/v2/media` (202 with `url: null` while "processing"),
//! `POST /api/v1/media`, `GET /api/v1/media/:id` (206 until processed, then 200),
//! `PUT /api/v1/media/:id` (description, focus), and the uploaded bytes served back at
//! `/media/uploads/<id>` with their content type.
//!
//! Processing takes `media_processing_ms` (default 1500, `/__demo/config`). Size limits are
//! the instance configuration's `image_size_limit` / `video_size_limit` (as Mastodon's).

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::require_user;
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::{Shared, clock};

/// Mastodon's `image_size_limit` and `video_size_limit` (instance_v2 fixture).
pub const IMAGE_LIMIT: usize = 16_777_216;
pub const VIDEO_LIMIT: usize = 103_809_024;

/// An uploaded file.
#[derive(Debug, Clone)]
pub struct MediaRec {
    pub id: String,
    pub owner: String,
    pub bytes: Bytes,
    pub content_type: String,
    pub kind: String,
    pub created_ms: u64,
    pub ready_ms: u64,
    pub description: Option<String>,
    pub focus: (f64, f64),
    pub size: Option<(u32, u32)>,
}

pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/api/v2/media",
            post(upload_v2).layer(DefaultBodyLimit::max(VIDEO_LIMIT + 1_000_000)),
        )
        .route(
            "/api/v1/media",
            post(upload_v1).layer(DefaultBodyLimit::max(VIDEO_LIMIT + 1_000_000)),
        )
        .route("/api/v1/media/{id}", get(show).put(update))
        .route("/media/uploads/{file}", get(serve))
}

/// Width and height of a PNG, GIF or JPEG.
pub fn image_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() >= 24 && b.starts_with(b"\x89PNG") {
        let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        return Some((be(16), be(20)));
    }
    if b.len() >= 10 && b.starts_with(b"GIF8") {
        return Some((
            u16::from_le_bytes([b[6], b[7]]) as u32,
            u16::from_le_bytes([b[8], b[9]]) as u32,
        ));
    }
    if b.len() > 4 && b[0] == 0xff && b[1] == 0xd8 {
        let mut i = 2;
        while i + 9 < b.len() {
            if b[i] != 0xff {
                return None;
            }
            let marker = b[i + 1];
            let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
            if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
                let h = u16::from_be_bytes([b[i + 5], b[i + 6]]) as u32;
                let w = u16::from_be_bytes([b[i + 7], b[i + 8]]) as u32;
                return Some((w, h));
            }
            i += 2 + len;
        }
    }
    None
}

fn meta_dim(w: u32, h: u32) -> Value {
    let aspect = if h == 0 {
        1.0
    } else {
        (w as f64 / h as f64 * 1000.0).round() / 1000.0
    };
    json!({ "width": w, "height": h, "size": format!("{w}x{h}"), "aspect": aspect })
}

/// The MediaAttachment entity; `url` is null until processing has finished.
pub fn render(origin: &str, m: &MediaRec, now: u64) -> Value {
    let url = format!("{origin}/media/uploads/{}", m.id);
    let mut meta = json!({ "focus": { "x": m.focus.0, "y": m.focus.1 } });
    if let Some((w, h)) = m.size {
        let (sw, sh) = if w.max(h) > 640 {
            if w >= h {
                (640, 640 * h / w.max(1))
            } else {
                (640 * w / h.max(1), 640)
            }
        } else {
            (w, h)
        };
        meta["original"] = meta_dim(w, h);
        meta["small"] = meta_dim(sw, sh);
    }
    json!({
        "id": m.id,
        "type": m.kind,
        "url": if now >= m.ready_ms { json!(url) } else { Value::Null },
        "preview_url": url,
        "remote_url": null,
        "preview_remote_url": null,
        "text_url": null,
        "meta": meta,
        "description": m.description,
        "blurhash": "UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH",
    })
}

fn parse_focus(s: &str) -> Option<(f64, f64)> {
    let (x, y) = s.split_once(',')?;
    let (x, y): (f64, f64) = (x.trim().parse().ok()?, y.trim().parse().ok()?);
    Some((x.clamp(-1.0, 1.0), y.clamp(-1.0, 1.0)))
}

async fn read_upload(
    mut mp: Multipart,
) -> ApiResult<(Bytes, String, Option<String>, Option<(f64, f64)>)> {
    let (mut file, mut ct, mut desc, mut focus) = (None, String::new(), None, None);
    while let Some(field) = mp
        .next_field()
        .await
        .map_err(|e| ApiError::unprocessable(&format!("Validation failed: {e}")))?
    {
        match field.name().unwrap_or("") {
            "file" => {
                ct = field
                    .content_type()
                    .unwrap_or("application/octet-stream")
                    .to_string();
                let data = field.bytes().await.map_err(|_| {
                    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "Request entity too large")
                })?;
                file = Some(data);
            }
            "description" => desc = field.text().await.ok().filter(|d| !d.is_empty()),
            "focus" => focus = field.text().await.ok().and_then(|f| parse_focus(&f)),
            _ => {}
        }
    }
    let file =
        file.ok_or_else(|| ApiError::unprocessable("Validation failed: File can't be blank"))?;
    Ok((file, ct, desc, focus))
}

async fn upload(
    state: &Shared,
    headers: &HeaderMap,
    uri: &Uri,
    mp: Multipart,
    sync: bool,
) -> ApiResult<Response> {
    let user = require_user(state, headers, uri, "write:media")?;
    let (bytes, ct, desc, focus) = read_upload(mp).await?;
    let kind = match ct.split('/').next().unwrap_or("") {
        "image" if ct == "image/gif" => "gifv",
        "image" => "image",
        "video" => "video",
        "audio" => "audio",
        _ => {
            return Err(ApiError::unprocessable(
                "Validation failed: File content type is invalid",
            ));
        }
    };
    let (limit, label) = if kind == "image" {
        (IMAGE_LIMIT, "16 MB")
    } else {
        (VIDEO_LIMIT, "99 MB")
    };
    if bytes.len() > limit {
        return Err(ApiError::unprocessable(&format!(
            "Validation failed: File file size must be less than {label}"
        )));
    }
    if desc.as_ref().is_some_and(|d| d.chars().count() > 1500) {
        return Err(ApiError::unprocessable(
            "Validation failed: Description is too long (maximum is 1500 characters)",
        ));
    }
    let now = clock::now_ms();
    let delay = if sync {
        0
    } else {
        state.config.lock().unwrap().media_processing_ms
    };
    let mut store = state.store.write().unwrap();
    let id = store.next_id(now).to_string();
    let rec = MediaRec {
        id: id.clone(),
        owner: user,
        size: image_size(&bytes),
        bytes,
        content_type: ct,
        kind: kind.into(),
        created_ms: now,
        ready_ms: now + delay,
        description: desc,
        focus: focus.unwrap_or((0.0, 0.0)),
    };
    let body = render(&state.origin, &rec, now);
    store.media.insert(id, rec);
    let code = if body["url"].is_null() {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    };
    Ok((code, Json(body)).into_response())
}

async fn upload_v2(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    mp: Multipart,
) -> ApiResult<Response> {
    upload(&state, &headers, &uri, mp, false).await
}

async fn upload_v1(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    mp: Multipart,
) -> ApiResult<Response> {
    upload(&state, &headers, &uri, mp, true).await
}

async fn show(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "write:media")?;
    let store = state.store.read().unwrap();
    let m = store
        .media
        .get(&id)
        .filter(|m| m.owner == user)
        .ok_or_else(ApiError::not_found)?;
    let now = clock::now_ms();
    let code = if now >= m.ready_ms {
        StatusCode::OK
    } else {
        StatusCode::PARTIAL_CONTENT
    };
    Ok((code, Json(render(&state.origin, m, now))).into_response())
}

async fn update(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "write:media")?;
    let mut store = state.store.write().unwrap();
    let m = store
        .media
        .get_mut(&id)
        .filter(|m| m.owner == user)
        .ok_or_else(ApiError::not_found)?;
    if let Some(d) = p.0.get("description").and_then(|v| v.last()) {
        m.description = Some(d.clone()).filter(|d| !d.is_empty());
    }
    if let Some(f) = p.get("focus").and_then(parse_focus) {
        m.focus = f;
    }
    Ok(Json(render(&state.origin, m, clock::now_ms())))
}

async fn serve(State(state): State<Shared>, Path(file): Path<String>) -> Response {
    let store = state.store.read().unwrap();
    match store.media.get(&file) {
        Some(m) => (
            [
                (header::CONTENT_TYPE, m.content_type.clone()),
                (header::CACHE_CONTROL, "public, max-age=86400".to_string()),
            ],
            m.bytes.clone(),
        )
            .into_response(),
        None => ApiError::not_found().into_response(),
    }
}
