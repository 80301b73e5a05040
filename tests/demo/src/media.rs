//! Generated media: every avatar, header, emoji, image, video and audio URL the demo hands
//! out points here, so the client works with no internet.
//!
//! URL patterns (all on the instance origin):
//! - `/media/avatar/<key>.svg`, `/media/header/<key>.svg`: coloured initials / a banner
//! - `/media/emoji/<shortcode>.svg` (also the `static_url`)
//! - `/media/image/<w>x<h>/<seed>.svg`: a picture of the given size made of coloured shapes
//! - `/media/video/<seed>.mp4`, `/media/audio/<seed>.mp3`: tiny placeholders (not playable)

use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::Shared;

pub fn avatar_url(origin: &str, key: &str) -> String {
    format!("{origin}/media/avatar/{}.svg", slug(key))
}
pub fn header_url(origin: &str, key: &str) -> String {
    format!("{origin}/media/header/{}.svg", slug(key))
}
pub fn emoji_url(origin: &str, shortcode: &str) -> String {
    format!("{origin}/media/emoji/{}.svg", slug(shortcode))
}
pub fn image_url(origin: &str, w: u32, h: u32, seed: &str) -> String {
    format!("{origin}/media/image/{w}x{h}/{}.svg", slug(seed))
}
pub fn video_url(origin: &str, seed: &str) -> String {
    format!("{origin}/media/video/{}.mp4", slug(seed))
}
pub fn audio_url(origin: &str, seed: &str) -> String {
    format!("{origin}/media/audio/{}.mp3", slug(seed))
}

/// Keeps `[A-Za-z0-9_-]`, maps anything else to `-`, so keys are safe in a path.
pub fn slug(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    if out.is_empty() { "x".into() } else { out }
}

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/media/avatar/{file}", get(avatar))
        .route("/media/header/{file}", get(banner))
        .route("/media/emoji/{file}", get(emoji))
        .route("/media/image/{size}/{file}", get(image))
        .route(
            "/media/video/{file}",
            get(|| async { placeholder("video/mp4") }),
        )
        .route(
            "/media/audio/{file}",
            get(|| async { placeholder("audio/mpeg") }),
        )
}

/// FNV-1a, for stable colours per key.
fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

fn hue(s: &str, salt: u64) -> u64 {
    ((hash(s) ^ salt).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) % 360
}

fn svg(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}

fn stem(file: &str) -> &str {
    file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file)
}

async fn avatar(Path(file): Path<String>) -> Response {
    let key = stem(&file);
    let initial: String = key
        .chars()
        .find(|c| c.is_ascii_alphanumeric())
        .unwrap_or('?')
        .to_uppercase()
        .collect();
    let h = hue(key, 1) % 360;
    svg(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"120\" viewBox=\"0 0 120 120\"><rect width=\"120\" height=\"120\" fill=\"hsl({h},55%,48%)\"/><circle cx=\"96\" cy=\"24\" r=\"30\" fill=\"hsl({},60%,62%)\" opacity=\".6\"/><text x=\"60\" y=\"78\" font-family=\"system-ui,sans-serif\" font-size=\"56\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#fff\">{initial}</text></svg>",
        (h + 40) % 360
    ))
}

async fn banner(Path(file): Path<String>) -> Response {
    let key = stem(&file);
    let (a, b) = (hue(key, 2) % 360, hue(key, 3) % 360);
    svg(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1500\" height=\"500\" viewBox=\"0 0 1500 500\"><defs><linearGradient id=\"g\" x1=\"0\" x2=\"1\"><stop offset=\"0\" stop-color=\"hsl({a},60%,55%)\"/><stop offset=\"1\" stop-color=\"hsl({b},60%,45%)\"/></linearGradient></defs><rect width=\"1500\" height=\"500\" fill=\"url(#g)\"/><path d=\"M0 420 Q375 300 750 400 T1500 360 V500 H0Z\" fill=\"#fff\" opacity=\".25\"/></svg>"
    ))
}

async fn emoji(Path(file): Path<String>) -> Response {
    let key = stem(&file);
    let h = hue(key, 4) % 360;
    let letter: String = key.chars().next().unwrap_or('?').to_uppercase().collect();
    svg(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\"><circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"hsl({h},70%,55%)\"/><circle cx=\"23\" cy=\"26\" r=\"5\" fill=\"#fff\"/><circle cx=\"41\" cy=\"26\" r=\"5\" fill=\"#fff\"/><text x=\"32\" y=\"52\" font-family=\"system-ui,sans-serif\" font-size=\"18\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#fff\">{letter}</text></svg>"
    ))
}

async fn image(Path((size, file)): Path<(String, String)>) -> Response {
    let (w, h) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)))
        .unwrap_or((640, 480));
    let (w, h) = (w.clamp(1, 8000), h.clamp(1, 8000));
    let key = stem(&file);
    let sky = hue(key, 5) % 360;
    let sun = hue(key, 6) % 360;
    let r = w.min(h) / 6;
    svg(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"><rect width=\"{w}\" height=\"{h}\" fill=\"hsl({sky},45%,70%)\"/><circle cx=\"{}\" cy=\"{}\" r=\"{r}\" fill=\"hsl({sun},85%,60%)\"/><path d=\"M0 {} L{} {} L{} {} L{w} {} V{h} H0Z\" fill=\"hsl({},35%,35%)\"/></svg>",
        w * 3 / 4,
        h / 3,
        h * 3 / 4,
        w / 3,
        h / 2,
        w * 2 / 3,
        h * 2 / 3,
        h * 7 / 12,
        (sky + 120) % 360
    ))
}

fn placeholder(content_type: &'static str) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, content_type)],
        Vec::<u8>::new(),
    )
        .into_response()
}
