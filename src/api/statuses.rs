//! Status endpoints: one status, its thread context, poll votes, the per-status actions
//! (favourite, boost, bookmark, mute, pin, delete) and edit history/source.

use super::{error::ApiError, http::Client, query::encode_component};
use crate::model::{
    Poll, Status,
    misc::{Context, StatusEdit, StatusSource},
};

/// `GET /api/v1/statuses/:id`.
pub async fn get(client: &Client, id: &str) -> Result<Status, ApiError> {
    client
        .get(&format!("/api/v1/statuses/{}", encode_component(id)))
        .await
}

/// `GET /api/v1/statuses/:id/context`.
pub async fn context(client: &Client, id: &str) -> Result<Context, ApiError> {
    client
        .get(&format!(
            "/api/v1/statuses/{}/context",
            encode_component(id)
        ))
        .await
}

/// `POST /api/v1/polls/:id/votes` with `choices[]` (option indexes).
pub async fn vote(client: &Client, poll_id: &str, choices: &[usize]) -> Result<Poll, ApiError> {
    let values: Vec<String> = choices.iter().map(usize::to_string).collect();
    let pairs: Vec<(&str, &str)> = values.iter().map(|v| ("choices[]", v.as_str())).collect();
    client
        .post_form(
            &format!("/api/v1/polls/{}/votes", encode_component(poll_id)),
            &pairs,
        )
        .await
}

/// `GET /api/v1/polls/:id` (refresh results).
pub async fn poll(client: &Client, poll_id: &str) -> Result<Poll, ApiError> {
    client
        .get(&format!("/api/v1/polls/{}", encode_component(poll_id)))
        .await
}

/// The per-status actions that are a bare `POST /api/v1/statuses/:id/<verb>` and answer with
/// the updated status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusVerb {
    Favourite,
    Unfavourite,
    Unreblog,
    Bookmark,
    Unbookmark,
    Mute,
    Unmute,
    Pin,
    Unpin,
}

impl StatusVerb {
    fn path(self) -> &'static str {
        match self {
            StatusVerb::Favourite => "favourite",
            StatusVerb::Unfavourite => "unfavourite",
            StatusVerb::Unreblog => "unreblog",
            StatusVerb::Bookmark => "bookmark",
            StatusVerb::Unbookmark => "unbookmark",
            StatusVerb::Mute => "mute",
            StatusVerb::Unmute => "unmute",
            StatusVerb::Pin => "pin",
            StatusVerb::Unpin => "unpin",
        }
    }
}

/// `POST /api/v1/statuses/:id/{favourite,unfavourite,unreblog,bookmark,…}`.
pub async fn act(client: &Client, id: &str, verb: StatusVerb) -> Result<Status, ApiError> {
    client
        .post_form(
            &format!("/api/v1/statuses/{}/{}", encode_component(id), verb.path()),
            &[],
        )
        .await
}

/// `POST /api/v1/statuses/:id/reblog`, optionally with a `visibility` (`public`, `unlisted`,
/// `private`). Answers with the boost wrapper, whose `reblog` is the updated original.
pub async fn reblog(
    client: &Client,
    id: &str,
    visibility: Option<&str>,
) -> Result<Status, ApiError> {
    let pairs: Vec<(&str, &str)> = visibility.map(|v| ("visibility", v)).into_iter().collect();
    client
        .post_form(
            &format!("/api/v1/statuses/{}/reblog", encode_component(id)),
            &pairs,
        )
        .await
}

/// `DELETE /api/v1/statuses/:id`: answers with the deleted status (its source for redrafts).
pub async fn delete(client: &Client, id: &str) -> Result<Status, ApiError> {
    client
        .delete(&format!("/api/v1/statuses/{}", encode_component(id)))
        .await
}

/// `GET /api/v1/statuses/:id/history`: every version, oldest first.
pub async fn history(client: &Client, id: &str) -> Result<Vec<StatusEdit>, ApiError> {
    client
        .get(&format!(
            "/api/v1/statuses/{}/history",
            encode_component(id)
        ))
        .await
}

/// `GET /api/v1/statuses/:id/source`: the plain text to edit.
pub async fn source(client: &Client, id: &str) -> Result<StatusSource, ApiError> {
    client
        .get(&format!("/api/v1/statuses/{}/source", encode_component(id)))
        .await
}
