//! The smaller entities: thread context, conversations, relationships, lists, markers, tags,
//! filters, announcements, search results, NodeInfo, status source and edit history.

use serde::Deserialize;

use super::id::string_or_number;

use super::{account::Account, emoji::CustomEmoji, media::MediaAttachment, status::Status};

#[derive(Clone, Debug, PartialEq)]
pub struct Context {
    pub ancestors: Vec<Status>,
    pub descendants: Vec<Status>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Conversation {
    pub id: String,
    pub unread: bool,
    pub accounts: Vec<Account>,
    pub last_status: Option<Status>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Relationship {
    pub id: String,
    pub following: bool,
    pub showing_reblogs: bool,
    pub notifying: bool,
    pub followed_by: bool,
    pub blocking: bool,
    pub blocked_by: bool,
    pub muting: bool,
    pub muting_notifications: bool,
    pub muting_expires_at: Option<String>,
    pub requested: bool,
    pub requested_by: bool,
    pub domain_blocking: bool,
    pub endorsed: bool,
    pub note: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct List {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub replies_policy: Option<String>,
    #[serde(default)]
    pub exclusive: Option<bool>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Markers {
    #[serde(default)]
    pub home: Option<Marker>,
    #[serde(default)]
    pub notifications: Option<Marker>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Marker {
    pub last_read_id: String,
    #[serde(default)]
    pub version: u64,
    #[serde(default)]
    pub updated_at: String,
}

/// A hashtag. `history` counts are strings on the wire.
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Hashtag {
    pub name: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub history: Vec<TagHistory>,
    #[serde(default)]
    pub following: Option<bool>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct TagHistory {
    pub day: String,
    pub uses: String,
    pub accounts: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Filter {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default)]
    pub filter_action: String,
    #[serde(default)]
    pub keywords: Vec<FilterKeyword>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct FilterKeyword {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub keyword: String,
    #[serde(default)]
    pub whole_word: bool,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct FilterStatus {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub status_id: String,
}

/// `/api/v1/filters` (deprecated v1 filter).
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct FilterV1 {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub phrase: String,
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub whole_word: bool,
    #[serde(default)]
    pub irreversible: bool,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Announcement {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub content: String,
    #[serde(default)]
    pub read: Option<bool>,
    #[serde(default)]
    pub published_at: Option<String>,
    #[serde(default)]
    pub emojis: Vec<CustomEmoji>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct SearchResults {
    #[serde(default)]
    pub accounts: Vec<Account>,
    #[serde(default)]
    pub statuses: Vec<Status>,
    #[serde(default)]
    pub hashtags: Vec<Hashtag>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct NodeInfo {
    pub software: NodeInfoSoftware,
    #[serde(default, rename = "openRegistrations")]
    pub open_registrations: Option<bool>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct NodeInfoSoftware {
    pub name: String,
    #[serde(default)]
    pub version: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct StatusSource {
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub spoiler_text: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct StatusEdit {
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub spoiler_text: String,
    #[serde(default)]
    pub sensitive: bool,
    pub created_at: String,
    pub account: Account,
    #[serde(default)]
    pub media_attachments: Vec<MediaAttachment>,
    #[serde(default)]
    pub emojis: Vec<CustomEmoji>,
}

/// `/oauth/userinfo` (4.4+, OIDC claims).
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct UserInfo {
    pub iss: String,
    pub sub: String,
    #[serde(default)]
    pub preferred_username: Option<String>,
}
