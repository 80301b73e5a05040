//! Creating and rendering notifications (the model side; the endpoints are in
//! `notifications.rs`).
//!
//! [`Store::notify`] applies Mastodon's suppression rules (never for your own actions, not
//! from blocked accounts or accounts muted with notifications, not in muted threads) and
//! queues a `notification` streaming event for the recipient.

use serde_json::{Value, json};

use crate::clock;
use crate::store::Store;
use crate::streaming::{Event, Payload};
use crate::userstate::Notif;

impl Store {
    /// Notifies demo user `user` that `actor` did `kind` (on `status`). Returns the id.
    pub fn notify(
        &mut self,
        user: &str,
        kind: &str,
        actor: &str,
        status: Option<u64>,
        now: u64,
        extra: Value,
    ) -> Option<u64> {
        let own = self.user(user)?.account_id.clone();
        if own == actor && !kind.starts_with("admin.") && kind != "moderation_warning" {
            return None;
        }
        if let Some(us) = self.per_user.get(user)
            && (us.is_blocking(actor) || us.mute_of(actor, now).is_some_and(|m| m.notifications))
        {
            return None;
        }
        if let Some(s) = status
            && matches!(kind, "mention" | "favourite" | "reblog" | "quote")
            && self.thread_muted(user, s)
        {
            return None;
        }
        let id = self.next_small_id();
        self.us(user).notifications.push(Notif {
            id,
            kind: kind.into(),
            account_id: actor.into(),
            status_id: status,
            created_ms: now,
            extra,
        });
        self.outbox.push(Event {
            user: Some(user.into()),
            streams: vec![vec!["user".into()], vec!["user:notification".into()]],
            event: "notification".into(),
            payload: Payload::Notification(id),
        });
        Some(id)
    }

    /// Notifies the author of `status` if the author is a demo user.
    pub fn notify_author(&mut self, status: u64, kind: &str, actor: &str, now: u64) {
        let Some(author) = self.statuses.get(&status).map(|s| s.account_id.clone()) else {
            return;
        };
        if let Some(name) = self.username_of(&author) {
            self.notify(&name, kind, actor, Some(status), now, Value::Null);
        }
    }

    /// Notifications `user` can see (not from blocked or notification-muted accounts),
    /// oldest first.
    pub fn visible_notifications(&self, user: &str, now: u64) -> Vec<&Notif> {
        let Some(us) = self.per_user.get(user) else {
            return Vec::new();
        };
        us.notifications
            .iter()
            .filter(|n| {
                !us.is_blocking(&n.account_id)
                    && !us
                        .mute_of(&n.account_id, now)
                        .is_some_and(|m| m.notifications)
                    && n.status_id.is_none_or(|s| self.statuses.contains_key(&s))
            })
            .collect()
    }
}

/// Whether a notification type carries a status.
pub fn has_status(kind: &str) -> bool {
    matches!(
        kind,
        "mention"
            | "status"
            | "reblog"
            | "favourite"
            | "poll"
            | "update"
            | "quote"
            | "quoted_update"
    )
}

/// A v1 Notification entity.
pub fn render(store: &Store, user: &str, n: &Notif, now: u64) -> Value {
    let mut v = json!({
        "id": n.id.to_string(),
        "type": n.kind,
        "created_at": clock::rfc3339(n.created_ms),
        "group_key": n.group_key(None),
        "account": store.accounts.get(&n.account_id).cloned().unwrap_or(Value::Null),
    });
    if let Some(s) = n.status_id.filter(|_| has_status(&n.kind)) {
        v["status"] = store
            .render_status(s, Some(user), now)
            .unwrap_or(Value::Null);
    }
    if let Some(obj) = n.extra.as_object() {
        for (k, x) in obj {
            v[k] = x.clone();
        }
    }
    v
}

/// Renders notification `id` of `user` (for streaming).
pub fn render_by_id(store: &Store, user: &str, id: u64, now: u64) -> Option<Value> {
    let n = store
        .per_user
        .get(user)?
        .notifications
        .iter()
        .find(|n| n.id == id)?;
    Some(render(store, user, n, now))
}
