//! Polls. `voted` and `own_votes` appear only with a user token; option titles are plain text
//! with `:shortcodes:` from the poll's own `emojis[]`.

use serde::Deserialize;

use super::emoji::CustomEmoji;

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Poll {
    pub id: String,
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default)]
    pub expired: bool,
    #[serde(default)]
    pub multiple: bool,
    #[serde(default)]
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
    #[serde(default)]
    pub votes_count: Option<u64>,
}
