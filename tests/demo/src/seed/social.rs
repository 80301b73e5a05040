//! Seeded per-user state, built after the homes: the follow graph (with paging cursors),
//! alice's boosts/favourites/bookmarks/pins, ~60 notifications of every type (favourites and
//! boosts of one status by several accounts, so they group), follow requests, markers and
//! conversations; and the `facts` that `GET /__demo/state` exposes.

use serde_json::{Value, json};

use super::accounts::Cast;
use super::threads::Made;
use crate::clock;
use crate::store::{FollowRec, Store};

const MINUTE: u64 = 60_000;

fn follow_graph(store: &mut Store, cast: &Cast, made: &Made) {
    let mut edges: Vec<(String, String)> = Vec::new();
    for u in &store.users {
        let mut f: Vec<&String> = u.follows.iter().collect();
        f.sort();
        edges.extend(f.into_iter().map(|t| (u.account_id.clone(), t.clone())));
    }
    // Every generated author follows alice (so her followers list pages), some follow bob.
    for (i, a) in cast.locals.iter().chain(&cast.remotes).enumerate() {
        edges.push((a.clone(), cast.alice.clone()));
        if i % 2 == 0 {
            edges.push((a.clone(), cast.bob.clone()));
        }
    }
    edges.push((made.lucy.clone(), cast.bob.clone()));
    for (from, to) in edges {
        if !store.follows_edge(&from, &to) {
            let cursor = store.next_seq();
            store.follows.push(FollowRec { cursor, from, to });
        }
    }
}

/// (when, type, actor, status, extra) before ids are assigned.
type Pending = (u64, &'static str, String, Option<u64>, Value);

fn notifications(
    store: &mut Store,
    origin: &str,
    now: u64,
    cast: &Cast,
    made: &Made,
) -> Vec<Pending> {
    let mut own: Vec<u64> = store
        .statuses
        .values()
        .filter(|s| s.account_id == cast.alice && s.reblog_of.is_none() && s.visibility == "public")
        .map(|s| s.id)
        .collect();
    own.sort_unstable_by(|a, b| b.cmp(a));
    let others: Vec<String> = cast.locals.iter().chain(&cast.remotes).cloned().collect();
    let mut out: Vec<Pending> = Vec::new();
    let hour_start = |h: u64| (now - h * 60 * MINUTE) / 3_600_000 * 3_600_000 + 60_000;
    // Six favourites and four boosts of one status within an hour; three favourites of another.
    let (fav, boosted, second) = (own[0], own[1], own[2]);
    for (k, a) in others.iter().take(6).enumerate() {
        out.push((
            hour_start(3) + k as u64 * 7 * MINUTE,
            "favourite",
            a.clone(),
            Some(fav),
            Value::Null,
        ));
    }
    out.push((
        hour_start(3) + 9 * MINUTE,
        "favourite",
        cast.bob.clone(),
        Some(fav),
        Value::Null,
    ));
    for (k, a) in others.iter().skip(6).take(4).enumerate() {
        out.push((
            hour_start(5) + k as u64 * 9 * MINUTE,
            "reblog",
            a.clone(),
            Some(boosted),
            Value::Null,
        ));
    }
    for (k, a) in others.iter().skip(10).take(3).enumerate() {
        out.push((
            hour_start(30) + k as u64 * 11 * MINUTE,
            "favourite",
            a.clone(),
            Some(second),
            Value::Null,
        ));
    }
    for (k, a) in others.iter().skip(13).take(5).enumerate() {
        out.push((
            hour_start(8) + k as u64 * 6 * MINUTE,
            "follow",
            a.clone(),
            None,
            Value::Null,
        ));
    }
    for (k, a) in others.iter().skip(18).take(6).enumerate() {
        let s = own.get(3 + k).copied();
        out.push((
            now - (50 + 13 * k as u64) * 60 * MINUTE,
            "favourite",
            a.clone(),
            s,
            Value::Null,
        ));
        out.push((
            now - (52 + 13 * k as u64) * 60 * MINUTE,
            "follow",
            a.clone(),
            None,
            Value::Null,
        ));
    }
    for &m in &made.mentions {
        let s = &store.statuses[&m];
        out.push((
            clock::parse_rfc3339(s.json["created_at"].as_str().unwrap_or("")).unwrap_or(now),
            "mention",
            s.account_id.clone(),
            Some(m),
            Value::Null,
        ));
    }
    for &d in &made.directs {
        let s = &store.statuses[&d];
        if s.account_id != cast.alice {
            out.push((
                clock::parse_rfc3339(s.json["created_at"].as_str().unwrap_or("")).unwrap_or(now),
                "mention",
                s.account_id.clone(),
                Some(d),
                Value::Null,
            ));
        }
    }
    let quote_author = store.statuses[&made.quote].account_id.clone();
    out.push((
        now - 89 * MINUTE,
        "quote",
        quote_author,
        Some(made.quote),
        Value::Null,
    ));
    let newest = |pred: &dyn Fn(&crate::store::StatusRec) -> bool| {
        store
            .statuses
            .values()
            .filter(|s| pred(s))
            .map(|s| s.id)
            .max()
    };
    if let Some(s) =
        newest(&|s| s.account_id == cast.bob && s.reblog_of.is_none() && s.visibility == "public")
    {
        out.push((
            now - 70 * MINUTE,
            "status",
            cast.bob.clone(),
            Some(s),
            Value::Null,
        ));
    }
    if let Some(s) = newest(&|s| s.poll_id.is_some() && s.account_id != cast.alice) {
        out.push((
            now - 100 * MINUTE,
            "poll",
            store.statuses[&s].account_id.clone(),
            Some(s),
            Value::Null,
        ));
    }
    if let Some(s) = newest(&|s| {
        !s.json["edited_at"].is_null()
            && s.reblog_of.is_none()
            && s.account_id != cast.alice
            && s.visibility == "public"
    }) {
        out.push((
            now - 110 * MINUTE,
            "update",
            store.statuses[&s].account_id.clone(),
            Some(s),
            Value::Null,
        ));
    }
    let acc = |id: &str| store.accounts.get(id).cloned().unwrap_or(Value::Null);
    out.push((
        now - 20 * 60 * MINUTE,
        "follow_request",
        made.lucy.clone(),
        None,
        Value::Null,
    ));
    out.push((
        now - 21 * 60 * MINUTE,
        "follow_request",
        cast.locals[10].clone(),
        None,
        Value::Null,
    ));
    out.push((
        now - 6 * 60 * MINUTE,
        "admin.sign_up",
        made.olive.clone(),
        None,
        Value::Null,
    ));
    out.push((
        now - 6 * 60 * MINUTE + 5 * MINUTE,
        "admin.sign_up",
        made.lucy.clone(),
        None,
        Value::Null,
    ));
    out.push((now - 12 * 60 * MINUTE, "admin.report", cast.carol.clone(), None, json!({ "report": {
        "id": "7", "action_taken": false, "action_taken_at": null, "category": "spam",
        "comment": "Posting the same link over and over.", "forwarded": false,
        "created_at": clock::rfc3339(now - 12 * 60 * MINUTE), "status_ids": [], "rule_ids": null,
        "target_account": acc(&cast.remotes[25]),
    }})));
    out.push((now - 60 * 60 * MINUTE, "severed_relationships", cast.alice.clone(), None, json!({ "event": {
        "id": "3", "type": "domain_block", "purged": false, "target_name": "spam.example",
        "followers_count": 2, "following_count": 1, "created_at": clock::rfc3339(now - 60 * 60 * MINUTE),
    }})));
    out.push((
        now - 64 * 60 * MINUTE,
        "moderation_warning",
        cast.alice.clone(),
        None,
        json!({ "moderation_warning": {
            "id": "2", "action": "none", "text": "Please add content warnings to spoilers.",
            "status_ids": [], "target_account": acc(&cast.alice), "appeal": null,
            "created_at": clock::rfc3339(now - 64 * 60 * MINUTE),
        }}),
    ));
    let _ = origin;
    out
}

pub fn seed(store: &mut Store, origin: &str, now: u64, cast: &Cast, made: &Made) {
    follow_graph(store, cast, made);
    // Boosts the demo users made are theirs to undo.
    let wrappers: Vec<(String, u64, u64)> = store
        .statuses
        .values()
        .filter_map(|s| {
            let target = s.reblog_of?;
            store.username_of(&s.account_id).map(|n| (n, target, s.id))
        })
        .collect();
    for (n, target, w) in wrappers {
        store.us(&n).reblogs.insert(target, w);
    }
    let home: Vec<u64> = store.homes.get("alice").cloned().unwrap_or_default();
    let originals: Vec<u64> = home
        .iter()
        .copied()
        .filter(|id| {
            store.statuses[id].reblog_of.is_none() && store.statuses[id].account_id != cast.alice
        })
        .collect();
    for &id in originals
        .iter()
        .skip(5)
        .step_by(7)
        .take(25)
        .collect::<Vec<_>>()
        .iter()
        .rev()
    {
        let c = store.next_seq();
        store.us("alice").favourites.push((c, *id));
        if let Some(st) = store.statuses.get_mut(id) {
            st.json["favourites_count"] =
                json!(st.json["favourites_count"].as_u64().unwrap_or(0) + 1);
        }
    }
    for &id in originals
        .iter()
        .skip(8)
        .step_by(11)
        .take(6)
        .collect::<Vec<_>>()
        .iter()
        .rev()
    {
        let c = store.next_seq();
        store.us("alice").bookmarks.push((c, *id));
    }
    let mut own: Vec<u64> = store
        .statuses
        .values()
        .filter(|s| {
            s.account_id == cast.alice
                && s.reblog_of.is_none()
                && s.visibility == "public"
                && s.in_reply_to.is_none()
        })
        .map(|s| s.id)
        .collect();
    own.sort_unstable();
    store.us("alice").pinned = own
        .iter()
        .rev()
        .skip(3)
        .step_by(5)
        .take(2)
        .copied()
        .collect();
    // Notifications, ids ascending with time (small integers, as Mastodon's are).
    let mut pending = notifications(store, origin, now, cast, made);
    pending.sort_by_key(|p| p.0);
    store.notif_seq = 1000;
    for (ms, kind, actor, status, extra) in pending {
        let id = store.next_small_id();
        store
            .us("alice")
            .notifications
            .push(crate::userstate::Notif {
                id,
                kind: kind.into(),
                account_id: actor,
                status_id: status,
                created_ms: ms.min(now - 1000),
                extra,
            });
    }
    for (k, a) in [made.lucy.clone(), cast.locals[10].clone()]
        .into_iter()
        .enumerate()
    {
        store.us("alice").follow_requests.push((k as u64 + 1, a));
    }
    // Conversations from every direct status, oldest first; alice has read the older ones.
    let mut directs: Vec<u64> = store
        .statuses
        .values()
        .filter(|s| s.visibility == "direct")
        .map(|s| s.id)
        .collect();
    directs.sort_unstable();
    for d in directs {
        store.update_conversations(d, now);
    }
    store.outbox.clear();
    if let Some(c) = store
        .us("alice")
        .conversations
        .iter_mut()
        .find(|c| c.statuses.contains(&made.directs[0]))
    {
        c.unread = false;
    }
    // Markers: 25 unread in home, 10 unread notifications.
    let n_ids: Vec<u64> = store
        .us("alice")
        .notifications
        .iter()
        .map(|n| n.id)
        .collect();
    let home_mark = home.get(25).copied().unwrap_or(0).to_string();
    let notif_mark = n_ids.iter().rev().nth(10).copied().unwrap_or(0).to_string();
    let us = store.us("alice");
    us.markers.insert(
        "home".into(),
        crate::userstate::Marker {
            last_read_id: home_mark,
            version: 12,
            updated_ms: now - 30 * MINUTE,
        },
    );
    us.markers.insert(
        "notifications".into(),
        crate::userstate::Marker {
            last_read_id: notif_mark,
            version: 4,
            updated_ms: now - 30 * MINUTE,
        },
    );
    store.facts = super::facts::facts(store, now, cast, made);
}
