//! Direct conversations (`/api/v1/conversations`): the list with unread state, and marking
//! one read.

use super::{error::ApiError, http::Client, page::Page, query::encode_component};
use crate::model::misc::Conversation;

/// `GET /api/v1/conversations`: the first page, or the `Link` URL `link`.
pub async fn list(client: &Client, link: Option<&str>) -> Result<Page<Conversation>, ApiError> {
    client
        .get_page(link.unwrap_or("/api/v1/conversations"))
        .await
}

/// `POST /api/v1/conversations/:id/read`.
pub async fn read(client: &Client, id: &str) -> Result<Conversation, ApiError> {
    let path = format!("/api/v1/conversations/{}/read", encode_component(id));
    client.post_form(&path, &[]).await
}
