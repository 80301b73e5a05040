//! Polls. `voted` and `own_votes` appear only with a user token; option titles are plain text
//! with `:shortcodes:` from the poll's own `emojis[]`.

use serde::Deserialize;

use super::id::null_as_default;

use super::emoji::CustomEmoji;

#[derive(Clone, Debug, PartialEq)]
pub struct Poll {
    pub id: String,
    pub expires_at: Option<String>,
    pub expired: bool,
    pub multiple: bool,
    pub votes_count: u64,
    pub voters_count: Option<u64>,
    pub options: Vec<PollOption>,
    pub emojis: Vec<CustomEmoji>,
    pub voted: Option<bool>,
    pub own_votes: Option<Vec<u32>>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct PollOption {
    pub title: String,
    /// Null when the results are hidden until the poll ends.
    #[serde(default, deserialize_with = "null_as_default")]
    pub votes_count: Option<u64>,
}
