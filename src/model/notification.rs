//! Notifications: v1 (`/api/v1/notifications`, every server) and grouped v2 (Mastodon 4.3+).
//! Unknown types must be skipped by callers, not fail the list, so `kind` stays a string.

use serde::Deserialize;

use super::{account::Account, id::string_or_number, status::Status};

#[derive(Clone, Debug, PartialEq)]
pub struct Notification {
    /// An integer on old (2.x) servers.
    pub id: String,
    pub kind: String,
    pub created_at: String,
    /// 4.3+; absent on older servers.
    pub group_key: Option<String>,
    pub account: Account,
    pub status: Option<Status>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupedNotifications {
    pub accounts: Vec<Account>,
    pub partial_accounts: Vec<PartialAccount>,
    pub statuses: Vec<Status>,
    pub notification_groups: Vec<NotificationGroup>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NotificationGroup {
    pub group_key: String,
    pub notifications_count: u64,
    pub kind: String,
    /// A JSON integer in real responses, unlike every other id.
    pub most_recent_notification_id: String,
    pub page_min_id: Option<String>,
    pub page_max_id: Option<String>,
    pub latest_page_notification_at: Option<String>,
    pub sample_account_ids: Vec<String>,
    pub status_id: Option<String>,
}

/// `expand_accounts=partial_avatars`: just enough to draw an avatar.
#[derive(Clone, Debug, PartialEq)]
pub struct PartialAccount {
    pub id: String,
    pub acct: String,
    pub url: Option<String>,
    pub avatar: String,
    pub avatar_static: String,
    pub locked: bool,
    pub bot: bool,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct NotificationRequest {
    pub id: String,
    /// A string on Mastodon ("5").
    #[serde(deserialize_with = "string_or_number")]
    pub notifications_count: String,
    pub account: Account,
    #[serde(default)]
    pub last_status: Option<Status>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct NotificationPolicy {
    #[serde(default)]
    pub for_not_following: String,
    #[serde(default)]
    pub for_not_followers: String,
    #[serde(default)]
    pub for_new_accounts: String,
    #[serde(default)]
    pub for_private_mentions: String,
    #[serde(default)]
    pub for_limited_accounts: String,
}
