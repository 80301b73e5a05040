//! The in-memory instance: accounts, statuses, timelines, polls and lists, plus rendering of
//! statuses for a given viewer.
//!
//! Statuses are stored once, keyed by their numeric id; timelines hold ids sorted newest-first.
//! A stored status keeps its JSON without the parts that depend on the viewer or on other
//! records (`account`, `reblog`, `poll`); [`Store::render_status`] puts them back. OAuth state
//! lives in `oauth.rs`, not here, so a `/__demo/reset` does not log anybody out.

use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

use crate::clock;
use crate::streaming::Event;
use crate::uploads::MediaRec;
use crate::userstate::UserState;

/// One follow edge of the whole graph (`cursor` pages followers/following lists).
#[derive(Debug, Clone)]
pub struct FollowRec {
    pub cursor: u64,
    pub from: String,
    pub to: String,
}

/// One status as stored. `json` is the Mastodon Status minus `account`, `reblog` and `poll`.
#[derive(Debug, Clone)]
pub struct StatusRec {
    pub id: u64,
    pub json: Value,
    pub account_id: String,
    pub reblog_of: Option<u64>,
    pub poll_id: Option<String>,
    pub in_reply_to: Option<u64>,
    pub visibility: String,
    /// Lower-cased hashtag names, for the tag timeline.
    pub tags: Vec<String>,
    pub has_media: bool,
}

/// A poll and who voted for what.
#[derive(Debug, Clone)]
pub struct PollRec {
    pub id: String,
    pub author_id: String,
    pub expires_at: Option<u64>,
    pub multiple: bool,
    pub titles: Vec<String>,
    pub counts: Vec<u64>,
    /// Voters who are not demo users (only counted).
    pub other_voters: u64,
    /// Demo username -> chosen option indices.
    pub votes: HashMap<String, Vec<usize>>,
    pub emojis: Value,
}

/// A demo user who can sign in.
#[derive(Debug, Clone)]
pub struct User {
    pub username: String,
    pub account_id: String,
    /// Account ids this user follows (their statuses reach the home timeline).
    pub follows: HashSet<String>,
    /// The CredentialAccount `source` object.
    pub source: Value,
}

/// A list owned by a demo user.
#[derive(Debug, Clone)]
pub struct ListRec {
    pub id: String,
    pub owner: String,
    pub title: String,
    pub members: HashSet<String>,
}

/// Everything `/__demo/reset` restores.
#[derive(Debug, Default, Clone)]
pub struct Store {
    pub accounts: HashMap<String, Value>,
    pub users: Vec<User>,
    pub statuses: HashMap<u64, StatusRec>,
    /// username -> status ids, newest first.
    pub homes: HashMap<String, Vec<u64>>,
    pub polls: HashMap<String, PollRec>,
    pub lists: Vec<ListRec>,
    pub custom_emojis: Value,
    /// The last id handed out, so new statuses always sort after the seed.
    pub last_id: u64,
    /// username -> favourites, bookmarks, relationships, notifications, markers, ….
    pub per_user: HashMap<String, UserState>,
    /// Every follow edge (demo users' follows are mirrored in `User::follows`).
    pub follows: Vec<FollowRec>,
    /// Internal cursor sequence (favourites, bookmarks, follows, blocks, …).
    pub seq: u64,
    /// Notification (and conversation, report, scheduled status) id sequence.
    pub notif_seq: u64,
    /// Status id -> StatusEdit versions, oldest first (for statuses edited through the API).
    pub history: HashMap<u64, Vec<Value>>,
    /// Status id -> the plain text it was posted with.
    pub sources: HashMap<u64, String>,
    /// Status id -> the status it quotes.
    pub quotes: HashMap<u64, u64>,
    pub media: HashMap<String, MediaRec>,
    /// Seeded facts tests can rely on (`GET /__demo/state` → `facts`).
    pub facts: Value,
    /// Streaming events produced by mutations, published once the store lock is released.
    pub outbox: Vec<Event>,
}

/// Snowflake-like id as Mastodon makes them: milliseconds shifted left 16 bits plus a sequence.
/// Sorting these numerically equals sorting their decimal strings by (length, text).
pub fn snowflake(ms: u64, seq: u64) -> u64 {
    (ms << 16) + (seq & 0xffff)
}

impl Store {
    pub fn user(&self, username: &str) -> Option<&User> {
        self.users.iter().find(|u| u.username == username)
    }

    /// Finds a demo user by username or `username@demo.local` e-mail.
    pub fn user_by_login(&self, login: &str) -> Option<&User> {
        let login = login.trim().to_ascii_lowercase();
        let name = login.strip_suffix("@demo.local").unwrap_or(&login);
        self.user(name)
    }

    /// The next id for a status created now, strictly greater than every existing id.
    pub fn next_id(&mut self, now_ms: u64) -> u64 {
        let id = snowflake(now_ms, 0).max(self.last_id + 1);
        self.last_id = id;
        id
    }

    /// Inserts a status and returns its id; does not touch timelines.
    pub fn insert(&mut self, rec: StatusRec) -> u64 {
        let id = rec.id;
        self.last_id = self.last_id.max(id);
        self.statuses.insert(id, rec);
        id
    }

    /// The CredentialAccount of a demo user (Account + `source` + `role`).
    pub fn credential_account(&self, username: &str) -> Option<Value> {
        let user = self.user(username)?;
        let mut acc = self.accounts.get(&user.account_id)?.clone();
        acc["source"] = user.source.clone();
        acc["role"] = json!({
            "id": "-99", "name": "", "permissions": "65536", "color": "", "highlighted": false
        });
        Some(acc)
    }

    /// The next internal cursor.
    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// The next small integer id (notifications, conversations, reports, scheduled).
    pub fn next_small_id(&mut self) -> u64 {
        self.notif_seq += 1;
        self.notif_seq
    }

    /// The per-user state of `username` (created on first use).
    pub fn us(&mut self, username: &str) -> &mut UserState {
        self.per_user.entry(username.to_string()).or_default()
    }

    /// The demo username owning `account_id`, if it is a demo user.
    pub fn username_of(&self, account_id: &str) -> Option<String> {
        self.users
            .iter()
            .find(|u| u.account_id == account_id)
            .map(|u| u.username.clone())
    }

    /// The domain of a remote account (None for local ones).
    pub fn account_domain(&self, account_id: &str) -> Option<String> {
        self.accounts
            .get(account_id)
            .and_then(|a| a["acct"].as_str())
            .and_then(|acct| acct.split_once('@'))
            .map(|(_, d)| d.to_string())
    }

    /// Whether `viewer` has blocked, muted or domain-blocked the author of a status (or of
    /// the status it boosts): such statuses vanish from the viewer's timelines.
    pub fn hidden_for(&self, viewer: &str, id: u64, now: u64) -> bool {
        let Some(us) = self.per_user.get(viewer) else {
            return false;
        };
        let Some(rec) = self.statuses.get(&id) else {
            return true;
        };
        let mut authors = vec![rec.account_id.as_str()];
        if let Some(inner) = rec.reblog_of.and_then(|r| self.statuses.get(&r)) {
            authors.push(inner.account_id.as_str());
        }
        authors.iter().any(|a| {
            us.is_blocking(a)
                || us.mute_of(a, now).is_some()
                || self.account_domain(a).is_some_and(|d| us.blocks_domain(&d))
        })
    }

    /// Whether `viewer` muted the conversation `id` belongs to.
    pub fn thread_muted(&self, viewer: &str, id: u64) -> bool {
        let Some(us) = self.per_user.get(viewer) else {
            return false;
        };
        let mut cur = Some(id);
        for _ in 0..64 {
            let Some(c) = cur else { break };
            if us.muted_threads.contains(&c) {
                return true;
            }
            cur = self.statuses.get(&c).and_then(|s| s.in_reply_to);
        }
        false
    }

    /// A status as `viewer` (a demo username, or None for anonymous) sees it.
    pub fn render_status(&self, id: u64, viewer: Option<&str>, now_ms: u64) -> Option<Value> {
        self.render_at_depth(id, viewer, now_ms, 0)
    }

    fn render_at_depth(
        &self,
        id: u64,
        viewer: Option<&str>,
        now_ms: u64,
        depth: u8,
    ) -> Option<Value> {
        let rec = self.statuses.get(&id)?;
        let mut v = rec.json.clone();
        v["account"] = self
            .accounts
            .get(&rec.account_id)
            .cloned()
            .unwrap_or(Value::Null);
        v["reblog"] = match rec.reblog_of {
            Some(inner) => self
                .render_at_depth(inner, viewer, now_ms, depth)
                .unwrap_or(Value::Null),
            None => Value::Null,
        };
        if let Some(q) = self.quotes.get(&id) {
            v["quote"] = if depth == 0 {
                match self.render_at_depth(*q, viewer, now_ms, 1) {
                    Some(qs) => json!({ "state": "accepted", "quoted_status": qs }),
                    None => json!({ "state": "deleted", "quoted_status": null }),
                }
            } else {
                json!({ "state": "accepted", "quoted_status_id": q.to_string() })
            };
        }
        if let Some(name) = viewer
            && let Some(us) = self.per_user.get(name)
        {
            // A boost wrapper shows the flags of the status it boosts, as Mastodon's does.
            let fid = rec.reblog_of.unwrap_or(id);
            v["favourited"] = json!(us.has_favourite(fid));
            v["bookmarked"] = json!(us.has_bookmark(fid));
            v["reblogged"] = json!(us.reblogs.contains_key(&fid));
            v["muted"] = json!(self.thread_muted(name, fid));
            if self
                .user(name)
                .is_some_and(|u| u.account_id == rec.account_id)
            {
                v["pinned"] = json!(us.pinned.contains(&id));
            }
        }
        v["poll"] = match &rec.poll_id {
            Some(pid) => self.render_poll(pid, viewer, now_ms).unwrap_or(Value::Null),
            None => Value::Null,
        };
        Some(v)
    }

    /// A list of statuses; ids that no longer exist are skipped.
    pub fn render_many(&self, ids: &[u64], viewer: Option<&str>, now_ms: u64) -> Vec<Value> {
        ids.iter()
            .filter_map(|id| self.render_status(*id, viewer, now_ms))
            .collect()
    }

    /// A Poll. `voted`/`own_votes` only appear for a user token, as in Mastodon; the author
    /// counts as having voted on their own poll (`Poll#voted?`).
    pub fn render_poll(&self, poll_id: &str, viewer: Option<&str>, now_ms: u64) -> Option<Value> {
        let p = self.polls.get(poll_id)?;
        let voters = p.other_voters + p.votes.len() as u64;
        let mut v = json!({
            "id": p.id,
            "expires_at": p.expires_at.map(clock::rfc3339),
            "expired": p.expires_at.is_some_and(|e| e <= now_ms),
            "multiple": p.multiple,
            "votes_count": p.counts.iter().sum::<u64>(),
            "voters_count": voters,
            "options": p.titles.iter().zip(&p.counts)
                .map(|(t, c)| json!({ "title": t, "votes_count": c }))
                .collect::<Vec<_>>(),
            "emojis": p.emojis,
        });
        if let Some(name) = viewer {
            let own = p.votes.get(name).cloned().unwrap_or_default();
            let is_author = self.user(name).is_some_and(|u| u.account_id == p.author_id);
            v["voted"] = json!(is_author || !own.is_empty());
            v["own_votes"] = json!(own);
        }
        Some(v)
    }

    /// Whether a status belongs on public timelines: public, not a boost, not a reply to
    /// others (Mastodon's PublicFeed drops reblogs and, by default, replies).
    pub fn public_ids_contains(&self, id: u64) -> bool {
        let Some(s) = self.statuses.get(&id) else {
            return false;
        };
        s.visibility == "public"
            && s.reblog_of.is_none()
            && match s.in_reply_to {
                None => s.json["in_reply_to_id"].is_null(),
                Some(parent) => self
                    .statuses
                    .get(&parent)
                    .is_some_and(|p| p.account_id == s.account_id),
            }
    }

    /// Statuses eligible for public timelines, newest first.
    pub fn public_ids(&self) -> Vec<u64> {
        let mut ids: Vec<u64> = self
            .statuses
            .keys()
            .copied()
            .filter(|id| self.public_ids_contains(*id))
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids
    }

    /// Whether an account is local to this instance (its acct has no domain).
    pub fn is_local(&self, account_id: &str) -> bool {
        self.accounts
            .get(account_id)
            .and_then(|a| a["acct"].as_str())
            .is_some_and(|acct| !acct.contains('@'))
    }

    /// Adds a freshly created status to the home of its author and of every demo user who
    /// follows the author, keeping homes newest-first.
    pub fn fan_out(&mut self, id: u64) {
        let Some(author) = self.statuses.get(&id).map(|s| s.account_id.clone()) else {
            return;
        };
        let names: Vec<String> = self
            .users
            .iter()
            .filter(|u| u.account_id == author || u.follows.contains(&author))
            .map(|u| u.username.clone())
            .collect();
        for name in names {
            let home = self.homes.entry(name).or_default();
            let pos = home.partition_point(|x| *x > id);
            home.insert(pos, id);
        }
    }
}
