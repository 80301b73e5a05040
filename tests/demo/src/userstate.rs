//! Per-user state that Mastodon keeps beside statuses and accounts: favourites, bookmarks,
//! boosts, pins, muted threads, the follow graph's options, blocks, mutes, domain blocks,
//! notifications, markers, conversations, idempotency keys and scheduled statuses.
//!
//! Lists that Mastodon pages by internal record ids (favourites, bookmarks, blocks, follow
//! requests, domain blocks) keep `(cursor, item)` pairs, oldest first; cursors come from
//! [`crate::store::Store::next_seq`] and never appear in response bodies, only in `Link`.

use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Options of an outgoing follow (`reblogs`, `notify`, `languages`).
#[derive(Debug, Clone)]
pub struct FollowOpts {
    pub reblogs: bool,
    pub notify: bool,
    pub languages: Option<Vec<String>>,
}

impl Default for FollowOpts {
    fn default() -> Self {
        Self {
            reblogs: true,
            notify: false,
            languages: None,
        }
    }
}

/// A mute of an account: whether notifications are muted too, and when it ends (ms).
#[derive(Debug, Clone, Default)]
pub struct Mute {
    pub cursor: u64,
    pub notifications: bool,
    pub expires_at: Option<u64>,
}

/// One notification. `id` is a small integer, as Mastodon's notification ids are.
#[derive(Debug, Clone)]
pub struct Notif {
    pub id: u64,
    pub kind: String,
    pub account_id: String,
    pub status_id: Option<u64>,
    pub created_ms: u64,
    /// `report`, `event` or `moderation_warning` objects for the types that carry them.
    pub extra: Value,
}

/// Types Mastodon groups in `/api/v2/notifications`.
pub const GROUPABLE: &[&str] = &["favourite", "follow", "reblog", "admin.sign_up"];

impl Notif {
    /// Mastodon's group key: `<type>-<status>-<hour>` / `<type>-<hour>` for groupable types,
    /// `ungrouped-<id>` otherwise (or when the type is left out of `grouped_types`).
    pub fn group_key(&self, grouped_types: Option<&[String]>) -> String {
        let groupable = GROUPABLE.contains(&self.kind.as_str())
            && grouped_types.is_none_or(|g| g.iter().any(|t| t == &self.kind));
        if !groupable {
            return format!("ungrouped-{}", self.id);
        }
        let hour = self.created_ms / 3_600_000;
        match self.status_id {
            Some(s) => format!("{}-{s}-{hour}", self.kind),
            None => format!("{}-{hour}", self.kind),
        }
    }
}

/// A reading-position marker.
#[derive(Debug, Clone)]
pub struct Marker {
    pub last_read_id: String,
    pub version: u64,
    pub updated_ms: u64,
}

/// A direct conversation as one participant sees it.
#[derive(Debug, Clone)]
pub struct Conv {
    pub id: u64,
    /// Other participants' account ids.
    pub accounts: Vec<String>,
    pub last_status: u64,
    pub unread: bool,
    /// Status ids that belong to this conversation (its thread).
    pub statuses: HashSet<u64>,
}

/// A status waiting for its `scheduled_at`.
#[derive(Debug, Clone)]
pub struct Scheduled {
    pub id: u64,
    pub at_ms: u64,
    /// The ScheduledStatus `params` object.
    pub params: Value,
    /// The request parameters, replayed through `Store::post` when the time comes.
    pub raw: crate::params::Params,
}

/// Everything per demo user beyond `User` itself.
#[derive(Debug, Clone, Default)]
pub struct UserState {
    pub favourites: Vec<(u64, u64)>,
    pub bookmarks: Vec<(u64, u64)>,
    /// Original status id -> this user's boost wrapper id.
    pub reblogs: HashMap<u64, u64>,
    pub muted_threads: HashSet<u64>,
    pub pinned: Vec<u64>,
    pub follow_opts: HashMap<String, FollowOpts>,
    /// Outgoing follow requests still pending (account ids).
    pub requested: HashSet<String>,
    /// Incoming follow requests: (cursor, account id).
    pub follow_requests: Vec<(u64, String)>,
    pub blocking: Vec<(u64, String)>,
    pub muting: HashMap<String, Mute>,
    pub domain_blocks: Vec<(u64, String)>,
    pub endorsed: HashSet<String>,
    pub notes: HashMap<String, String>,
    /// Oldest first.
    pub notifications: Vec<Notif>,
    pub markers: HashMap<String, Marker>,
    pub conversations: Vec<Conv>,
    /// Idempotency-Key -> (status id, created ms).
    pub idempotency: HashMap<String, (u64, u64)>,
    pub scheduled: Vec<Scheduled>,
}

impl UserState {
    pub fn is_blocking(&self, account_id: &str) -> bool {
        self.blocking.iter().any(|(_, a)| a == account_id)
    }

    /// An active (not expired) mute of `account_id`.
    pub fn mute_of(&self, account_id: &str, now: u64) -> Option<&Mute> {
        self.muting
            .get(account_id)
            .filter(|m| m.expires_at.is_none_or(|e| e > now))
    }

    pub fn blocks_domain(&self, domain: &str) -> bool {
        self.domain_blocks
            .iter()
            .any(|(_, d)| d.eq_ignore_ascii_case(domain))
    }

    pub fn has_favourite(&self, id: u64) -> bool {
        self.favourites.iter().any(|(_, s)| *s == id)
    }

    pub fn has_bookmark(&self, id: u64) -> bool {
        self.bookmarks.iter().any(|(_, s)| *s == id)
    }
}
