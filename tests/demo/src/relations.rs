//! Relationships between a demo user and any account: follow (locked accounts → a pending
//! request), unfollow, block, mute (with `duration` and `notifications`), endorse, note, and
//! `GET /api/v1/accounts/relationships?id[]=…`.
//!
//! The state changes are `Store` methods so `/__demo/act` can use them too. Following
//! merges the account's statuses into the home; unfollowing and blocking take them out;
//! muted and blocked accounts' statuses are filtered out of timelines at read time.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::require_user;
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::store::{FollowRec, Store};
use crate::userstate::{FollowOpts, Mute};
use crate::{Shared, clock};

pub const ACCOUNT_ACTIONS: &[&str] = &[
    "follow",
    "unfollow",
    "block",
    "unblock",
    "mute",
    "unmute",
    "endorse",
    "unendorse",
    "pin",
    "unpin",
    "note",
    "remove_from_followers",
];

pub fn routes() -> Router<Shared> {
    let mut r = Router::new().route("/api/v1/accounts/relationships", get(relationships));
    for a in ACCOUNT_ACTIONS {
        r = r.route(&format!("/api/v1/accounts/{{id}}/{a}"), post(action));
    }
    r
}

fn add_count(store: &mut Store, account: &str, field: &str, delta: i64) {
    if let Some(a) = store.accounts.get_mut(account) {
        a[field] = json!((a[field].as_i64().unwrap_or(0) + delta).max(0));
    }
}

impl Store {
    pub fn follows_edge(&self, from: &str, to: &str) -> bool {
        self.follows.iter().any(|f| f.from == from && f.to == to)
    }

    /// Adds the edge `from` → `to` (and keeps a demo user's home and `follows` in step).
    pub fn add_follow(&mut self, from: &str, to: &str) {
        if self.follows_edge(from, to) {
            return;
        }
        let cursor = self.next_seq();
        self.follows.push(FollowRec {
            cursor,
            from: from.into(),
            to: to.into(),
        });
        add_count(self, from, "following_count", 1);
        add_count(self, to, "followers_count", 1);
        if let Some(name) = self.username_of(from) {
            if let Some(u) = self.users.iter_mut().find(|u| u.username == name) {
                u.follows.insert(to.to_string());
            }
            self.us(&name).requested.remove(to);
            let mut add: Vec<u64> = self
                .statuses
                .values()
                .filter(|s| s.account_id == to && s.visibility != "direct")
                .map(|s| s.id)
                .collect();
            let home = self.homes.entry(name).or_default();
            add.extend(home.iter().copied());
            add.sort_unstable_by(|a, b| b.cmp(a));
            add.dedup();
            *home = add;
        }
    }

    /// Removes the edge `from` → `to`; a demo user's home loses `to`'s statuses.
    pub fn remove_follow(&mut self, from: &str, to: &str) {
        let before = self.follows.len();
        self.follows.retain(|f| !(f.from == from && f.to == to));
        if self.follows.len() < before {
            add_count(self, from, "following_count", -1);
            add_count(self, to, "followers_count", -1);
        }
        if let Some(name) = self.username_of(from) {
            if let Some(u) = self.users.iter_mut().find(|u| u.username == name) {
                u.follows.remove(to);
            }
            let drop: std::collections::HashSet<u64> = self
                .statuses
                .values()
                .filter(|s| s.account_id == to)
                .map(|s| s.id)
                .collect();
            if let Some(h) = self.homes.get_mut(&name) {
                h.retain(|id| !drop.contains(id));
            }
            let us = self.us(&name);
            us.requested.remove(to);
            us.follow_opts.remove(to);
        }
    }

    /// Performs an account action as demo user `user`; `p` holds its parameters.
    pub fn account_act(
        &mut self,
        user: &str,
        action: &str,
        target: &str,
        p: &Params,
        now: u64,
    ) -> ApiResult<()> {
        let me = self
            .user(user)
            .ok_or_else(ApiError::not_found)?
            .account_id
            .clone();
        if !self.accounts.contains_key(target) {
            return Err(ApiError::not_found());
        }
        if me == target && action != "note" {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "This action is not allowed",
            ));
        }
        let target_user = self.username_of(target);
        match action {
            "follow" => {
                if self.us(user).is_blocking(target) {
                    return Err(ApiError::new(
                        StatusCode::FORBIDDEN,
                        "This action is not allowed",
                    ));
                }
                let opts = self.us(user).follow_opts.entry(target.into()).or_default();
                if p.get("reblogs").is_some() {
                    opts.reblogs = p.flag("reblogs");
                }
                if p.get("notify").is_some() {
                    opts.notify = p.flag("notify");
                }
                if !p.all("languages").is_empty() {
                    opts.languages = Some(p.all("languages").to_vec());
                }
                let locked = self.accounts[target]["locked"].as_bool().unwrap_or(false);
                if self.follows_edge(&me, target) {
                } else if locked {
                    if self.us(user).requested.insert(target.into())
                        && let Some(t) = &target_user
                    {
                        let c = self.next_seq();
                        self.us(t).follow_requests.push((c, me.clone()));
                        self.notify(t, "follow_request", &me, None, now, Value::Null);
                    }
                } else {
                    self.add_follow(&me, target);
                    if let Some(t) = &target_user {
                        self.notify(t, "follow", &me, None, now, Value::Null);
                    }
                }
            }
            "unfollow" => {
                self.remove_follow(&me, target);
                if let Some(t) = &target_user {
                    self.us(t).follow_requests.retain(|(_, a)| a != &me);
                }
            }
            "remove_from_followers" => self.remove_follow(target, &me),
            "block" => {
                if !self.us(user).is_blocking(target) {
                    let c = self.next_seq();
                    self.us(user).blocking.push((c, target.into()));
                }
                self.remove_follow(&me, target);
                self.remove_follow(target, &me);
            }
            "unblock" => self.us(user).blocking.retain(|(_, a)| a != target),
            "mute" => {
                let secs: u64 = p.get("duration").and_then(|d| d.parse().ok()).unwrap_or(0);
                let notifications = p.get("notifications").is_none() || p.flag("notifications");
                let cursor = self.next_seq();
                let expires_at = (secs > 0).then_some(now + secs * 1000);
                self.us(user).muting.insert(
                    target.into(),
                    Mute {
                        cursor,
                        notifications,
                        expires_at,
                    },
                );
            }
            "unmute" => {
                self.us(user).muting.remove(target);
            }
            "endorse" | "pin" => {
                self.us(user).endorsed.insert(target.into());
            }
            "unendorse" | "unpin" => {
                self.us(user).endorsed.remove(target);
            }
            "note" => {
                let comment =
                    p.0.get("comment")
                        .and_then(|v| v.last())
                        .cloned()
                        .unwrap_or_default();
                self.us(user).notes.insert(target.into(), comment);
            }
            _ => return Err(ApiError::not_found()),
        }
        Ok(())
    }

    /// The Relationship entity between demo user `user` and `account`.
    pub fn relationship(&self, user: &str, account: &str, now: u64) -> Value {
        let me = self
            .user(user)
            .map(|u| u.account_id.clone())
            .unwrap_or_default();
        let empty = Default::default();
        let us = self.per_user.get(user).unwrap_or(&empty);
        let following = self.follows_edge(&me, account);
        let opts = us
            .follow_opts
            .get(account)
            .cloned()
            .unwrap_or_else(FollowOpts::default);
        let mute = us.mute_of(account, now);
        let blocked_by = self
            .username_of(account)
            .and_then(|n| self.per_user.get(&n))
            .is_some_and(|t| t.is_blocking(&me));
        json!({
            "id": account,
            "following": following,
            "showing_reblogs": following && opts.reblogs,
            "notifying": following && opts.notify,
            "languages": if following { json!(opts.languages) } else { Value::Null },
            "followed_by": self.follows_edge(account, &me),
            "blocking": us.is_blocking(account),
            "blocked_by": blocked_by,
            "muting": mute.is_some(),
            "muting_notifications": mute.is_some_and(|m| m.notifications),
            "muting_expires_at": mute.and_then(|m| m.expires_at).map(clock::rfc3339),
            "requested": us.requested.contains(account),
            "requested_by": us.follow_requests.iter().any(|(_, a)| a == account),
            "domain_blocking": self.account_domain(account).is_some_and(|d| us.blocks_domain(&d)),
            "endorsed": us.endorsed.contains(account),
            "note": us.notes.get(account).cloned().unwrap_or_default(),
        })
    }
}

async fn action(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let action = uri.path().rsplit('/').next().unwrap_or("").to_string();
    let scope = match action.as_str() {
        "block" | "unblock" => "write:blocks",
        "mute" | "unmute" => "write:mutes",
        "note" => "write:accounts",
        _ => "write:follows",
    };
    let user = require_user(&state, &headers, &uri, scope)?;
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    store.account_act(&user, &action, &id, &p, now)?;
    let events = std::mem::take(&mut store.outbox);
    let rel = store.relationship(&user, &id, now);
    drop(store);
    state.hub.publish(events);
    Ok(Json(rel))
}

async fn relationships(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let user = require_user(&state, &headers, &uri, "read:follows")?;
    let store = state.store.read().unwrap();
    let now = clock::now_ms();
    Ok(Json(json!(
        p.all("id")
            .iter()
            .filter(|a| store.accounts.contains_key(*a))
            .map(|a| store.relationship(&user, a, now))
            .collect::<Vec<_>>()
    )))
}
