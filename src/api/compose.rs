//! Writing: `POST /api/v1/statuses` (with `Idempotency-Key`), edits and their `/source`, delete
//! for a redraft,
//! media upload (`/api/v2/media`, 202 while processing) and its polling and update,
//! search for autocomplete, and the instance's custom emoji.

use serde::Deserialize;

use super::{error::ApiError, http::Client, query::encode_component};
use crate::model::{
    CustomEmoji, MediaAttachment, Status,
    misc::{SearchResults, StatusSource},
};

/// What `POST /api/v1/statuses` answers: the status, or a scheduled status when
/// `scheduled_at` was given.
#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(untagged)]
pub enum Posted {
    Status(Box<Status>),
    Scheduled(ScheduledStatus),
}

/// `ScheduledStatus` (only what Woolly shows).
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct ScheduledStatus {
    #[serde(deserialize_with = "crate::model::id::string_or_number")]
    pub id: String,
    pub scheduled_at: String,
}

/// `POST /api/v1/statuses`. Mastodon remembers `Idempotency-Key` for an hour: repeating the
/// request with the same key returns the first status instead of posting twice.
/// <https://docs.joinmastodon.org/methods/statuses/#create>
pub async fn post(
    client: &Client,
    params: &[(&str, &str)],
    idempotency_key: &str,
) -> Result<Posted, ApiError> {
    client
        .post_form_with_headers(
            "/api/v1/statuses",
            params,
            &[("Idempotency-Key", idempotency_key)],
        )
        .await
}

/// `PUT /api/v1/statuses/:id` (an edit).
pub async fn edit(client: &Client, id: &str, params: &[(&str, &str)]) -> Result<Status, ApiError> {
    client
        .put_form(
            &format!("/api/v1/statuses/{}", encode_component(id)),
            params,
        )
        .await
}

/// What `DELETE /api/v1/statuses/:id` answers that a redraft needs: the source text.
#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Deleted {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub spoiler_text: Option<String>,
}

/// `DELETE /api/v1/statuses/:id` for delete & redraft (the answer carries `text`).
pub async fn delete(client: &Client, id: &str) -> Result<Deleted, ApiError> {
    client
        .delete(&format!("/api/v1/statuses/{}", encode_component(id)))
        .await
}

/// `GET /api/v1/statuses/:id/source`: the plain text to edit.
pub async fn source(client: &Client, id: &str) -> Result<StatusSource, ApiError> {
    client
        .get(&format!("/api/v1/statuses/{}/source", encode_component(id)))
        .await
}

/// `POST /api/v2/media` (multipart `file`). A 202 answer has `url: null`: poll [`media`].
pub async fn upload_media(
    client: &Client,
    file: &web_sys::File,
    on_progress: impl Fn(f64, f64) + 'static,
) -> Result<MediaAttachment, ApiError> {
    let form = web_sys::FormData::new().map_err(|_| ApiError::new(super::ErrorKind::Network))?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| ApiError::new(super::ErrorKind::Network))?;
    client.upload("/api/v2/media", &form, on_progress).await
}

/// `GET /api/v1/media/:id`: 206 (still processing, `url` null) or 200.
pub async fn media(client: &Client, id: &str) -> Result<MediaAttachment, ApiError> {
    client
        .get(&format!("/api/v1/media/{}", encode_component(id)))
        .await
}

/// `PUT /api/v1/media/:id` with the alt text and focal point (`"x,y"`).
pub async fn update_media(
    client: &Client,
    id: &str,
    description: &str,
    focus: &str,
) -> Result<MediaAttachment, ApiError> {
    client
        .put_form(
            &format!("/api/v1/media/{}", encode_component(id)),
            &[("description", description), ("focus", focus)],
        )
        .await
}

/// `GET /api/v2/search?type=accounts|hashtags` for `@`/`#` autocomplete (no remote lookup).
pub async fn search(client: &Client, q: &str, kind: &str) -> Result<SearchResults, ApiError> {
    client
        .get(&format!(
            "/api/v2/search?q={}&type={kind}&limit=6&resolve=false",
            encode_component(q)
        ))
        .await
}

/// `GET /api/v1/custom_emojis`.
pub async fn custom_emojis(client: &Client) -> Result<Vec<CustomEmoji>, ApiError> {
    client.get("/api/v1/custom_emojis").await
}
