//! Hand-written decoding (see `model::json`) of what surrounds statuses: notifications, grouped
//! notifications, thread context, conversations and relationships.

use serde_json::Value;

use super::{account, b, list, obj, os, ou, req, s, status, strings};
use crate::model::{
    misc::{Context, Conversation, Relationship},
    notification::{GroupedNotifications, Notification, NotificationGroup, PartialAccount},
};

pub fn notification(v: &Value) -> Option<Notification> {
    Some(Notification {
        id: req(v, "id")?,
        kind: req(v, "type")?,
        created_at: req(v, "created_at")?,
        group_key: os(v, "group_key"),
        account: account(obj(v, "account")?)?,
        status: obj(v, "status").and_then(status),
    })
}

fn group(v: &Value) -> Option<NotificationGroup> {
    Some(NotificationGroup {
        group_key: req(v, "group_key")?,
        notifications_count: ou(v, "notifications_count")?,
        kind: req(v, "type")?,
        most_recent_notification_id: req(v, "most_recent_notification_id")?,
        page_min_id: os(v, "page_min_id"),
        page_max_id: os(v, "page_max_id"),
        latest_page_notification_at: os(v, "latest_page_notification_at"),
        sample_account_ids: strings(v, "sample_account_ids").unwrap_or_default(),
        status_id: os(v, "status_id"),
    })
}

fn partial_account(v: &Value) -> Option<PartialAccount> {
    Some(PartialAccount {
        id: req(v, "id")?,
        acct: req(v, "acct")?,
        url: os(v, "url"),
        avatar: s(v, "avatar"),
        avatar_static: s(v, "avatar_static"),
        locked: b(v, "locked"),
        bot: b(v, "bot"),
    })
}

pub fn grouped(v: &Value) -> Option<GroupedNotifications> {
    Some(GroupedNotifications {
        accounts: list(v, "accounts", account),
        partial_accounts: list(v, "partial_accounts", partial_account),
        statuses: list(v, "statuses", status),
        notification_groups: list(v, "notification_groups", group),
    })
}

pub fn context(v: &Value) -> Option<Context> {
    Some(Context {
        ancestors: list(v, "ancestors", status),
        descendants: list(v, "descendants", status),
    })
}

pub fn conversation(v: &Value) -> Option<Conversation> {
    Some(Conversation {
        id: req(v, "id")?,
        unread: b(v, "unread"),
        accounts: list(v, "accounts", account),
        last_status: obj(v, "last_status").and_then(status),
    })
}

pub fn relationship(v: &Value) -> Option<Relationship> {
    Some(Relationship {
        id: s(v, "id"),
        following: b(v, "following"),
        showing_reblogs: b(v, "showing_reblogs"),
        notifying: b(v, "notifying"),
        followed_by: b(v, "followed_by"),
        blocking: b(v, "blocking"),
        blocked_by: b(v, "blocked_by"),
        muting: b(v, "muting"),
        muting_notifications: b(v, "muting_notifications"),
        muting_expires_at: os(v, "muting_expires_at"),
        requested: b(v, "requested"),
        requested_by: b(v, "requested_by"),
        domain_blocking: b(v, "domain_blocking"),
        endorsed: b(v, "endorsed"),
        note: s(v, "note"),
    })
}
