//! Notification groups as the views show them, from either source: Mastodon 4.3's grouped v2
//! response, or — on servers with only v1 — flat notifications grouped here, within a page,
//! the way Mastodon's `group_key` does it (favourites and boosts of one status together,
//! follows of one day together; everything else alone). Pure and host-tested; statuses go to
//! the cache by the caller, groups hold their ids.

use crate::model::{
    Account,
    notification::{GroupedNotifications, Notification, PartialAccount},
};

/// An account in a group: full, or just enough for an avatar (`partial_avatars`).
#[derive(Clone, Debug, PartialEq)]
pub enum Who {
    Full(Box<Account>),
    Partial(PartialAccount),
}

impl Who {
    pub fn id(&self) -> &str {
        match self {
            Who::Full(a) => &a.id,
            Who::Partial(p) => &p.id,
        }
    }

    pub fn acct(&self) -> &str {
        match self {
            Who::Full(a) => &a.acct,
            Who::Partial(p) => &p.acct,
        }
    }

    pub fn avatar(&self) -> &str {
        match self {
            Who::Full(a) => &a.avatar_static,
            Who::Partial(p) => &p.avatar_static,
        }
    }
}

/// One row of the notifications list.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub key: String,
    /// The notification type (`favourite`, `mention`, …), possibly one Woolly doesn't know.
    pub kind: String,
    /// How many notifications the group holds.
    pub count: u64,
    /// The newest notification's id: the group's position and the marker value.
    pub latest_id: String,
    pub latest_at: Option<String>,
    /// The accounts to show, newest first (a sample when `count` is larger).
    pub accounts: Vec<Who>,
    /// The status concerned, by id in the status cache.
    pub status_id: Option<String>,
}

/// Types Mastodon groups (`Notification::GROUPABLE_NOTIFICATION_TYPES`).
const GROUPABLE: [&str; 4] = ["favourite", "reblog", "follow", "admin.sign_up"];

/// The group key of a v1 notification: the server's own when it sends one (4.3+), else
/// `type-status` for favourites and boosts, `type-day` for follows and sign-ups,
/// `ungrouped-id` else.
pub fn group_key(n: &Notification) -> String {
    if let Some(key) = n.group_key.as_deref().filter(|k| !k.is_empty()) {
        return key.to_string();
    }
    match (n.kind.as_str(), &n.status) {
        ("favourite" | "reblog", Some(s)) => format!("{}-{}", n.kind, s.id),
        ("follow" | "admin.sign_up", _) => {
            format!("{}-{}", n.kind, n.created_at.get(..10).unwrap_or(""))
        }
        _ => format!("ungrouped-{}", n.id),
    }
}

/// Groups one page of v1 notifications (newest first), keeping the order of each group's
/// newest member. Groups never span pages, as on Mastodon.
pub fn group_v1(page: Vec<Notification>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for n in page {
        let key = group_key(&n);
        let groupable = GROUPABLE.contains(&n.kind.as_str());
        if let Some(g) = groups
            .iter_mut()
            .find(|g| groupable && g.key == key && g.kind == n.kind)
        {
            g.count += 1;
            if !g.accounts.iter().any(|a| a.id() == n.account.id) {
                g.accounts.push(Who::Full(Box::new(n.account)));
            }
            continue;
        }
        groups.push(Group {
            key: if groupable {
                key
            } else {
                format!("ungrouped-{}", n.id)
            },
            kind: n.kind,
            count: 1,
            latest_id: n.id,
            latest_at: Some(n.created_at),
            accounts: vec![Who::Full(Box::new(n.account))],
            status_id: n.status.map(|s| s.id),
        });
    }
    groups
}

/// The groups of a v2 response, with their sample accounts looked up (full first, then
/// partial). Unknown accounts are left out rather than failing the group.
pub fn from_v2(body: &GroupedNotifications) -> Vec<Group> {
    body.notification_groups
        .iter()
        .map(|g| Group {
            key: g.group_key.clone(),
            kind: g.kind.clone(),
            count: g.notifications_count,
            latest_id: g.most_recent_notification_id.clone(),
            latest_at: g.latest_page_notification_at.clone(),
            accounts: g
                .sample_account_ids
                .iter()
                .filter_map(|id| {
                    body.accounts
                        .iter()
                        .find(|a| &a.id == id)
                        .map(|a| Who::Full(Box::new(a.clone())))
                        .or_else(|| {
                            body.partial_accounts
                                .iter()
                                .find(|p| &p.id == id)
                                .map(|p| Who::Partial(p.clone()))
                        })
                })
                .collect(),
            status_id: g.status_id.clone(),
        })
        .collect()
}

/// Puts a streamed notification on top: into its group if that group is already shown
/// (moved to the top, count + 1), else as a new group.
pub fn push_live(groups: &mut Vec<Group>, n: Notification) {
    if groups.iter().any(|g| g.latest_id == n.id) {
        return;
    }
    let key = group_key(&n);
    let groupable = GROUPABLE.contains(&n.kind.as_str());
    if let Some(pos) = groups
        .iter()
        .position(|g| groupable && g.key == key && g.kind == n.kind)
    {
        let mut g = groups.remove(pos);
        g.count += 1;
        g.latest_id = n.id;
        g.latest_at = Some(n.created_at);
        g.accounts.retain(|a| a.id() != n.account.id);
        g.accounts.insert(0, Who::Full(Box::new(n.account)));
        groups.insert(0, g);
    } else {
        groups.splice(0..0, group_v1(vec![n]));
    }
}

/// Compares ids newest-first the way servers order them: longer is newer, then by text
/// (Mastodon's snowflakes and GoToSocial's ULIDs both sort this way).
pub fn id_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// How many groups are newer than the notifications marker.
pub fn unread_above(groups: &[Group], marker: Option<&str>) -> usize {
    match marker {
        None => 0,
        Some(m) => groups
            .iter()
            .filter(|g| id_cmp(&g.latest_id, m).is_gt())
            .count(),
    }
}
