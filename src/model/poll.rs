//! Polls. `voted` and `own_votes` appear only with a user token; option titles are plain text
//! with `:shortcodes:` from the poll's own `emojis[]`.

use serde::Deserialize;

use super::id::{null_as_default, string_or_number};

use super::emoji::CustomEmoji;

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Poll {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub expired: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub multiple: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub votes_count: u64,
    #[serde(default)]
    pub voters_count: Option<u64>,
    #[serde(default)]
    pub options: Vec<PollOption>,
    #[serde(default)]
    pub emojis: Vec<CustomEmoji>,
    #[serde(default)]
    pub voted: Option<bool>,
    #[serde(default)]
    pub own_votes: Option<Vec<u32>>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct PollOption {
    pub title: String,
    /// Null when the results are hidden until the poll ends.
    #[serde(default, deserialize_with = "null_as_default")]
    pub votes_count: Option<u64>,
}
