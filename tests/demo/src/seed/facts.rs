//! The seeded facts tests can rely on (ids are time-based, so tests look them up here):
//! exposed as `facts` in `GET /__demo/state`.

use serde_json::{Value, json};

use super::accounts::Cast;
use super::threads::Made;
use crate::store::Store;

const MINUTE: u64 = 60_000;

pub fn facts(store: &Store, now: u64, cast: &Cast, made: &Made) -> Value {
    let home = store.homes.get("alice").cloned().unwrap_or_default();
    let unvoted = home
        .iter()
        .filter_map(|id| {
            let s = &store.statuses[id];
            let p = store.polls.get(s.poll_id.as_ref()?)?;
            (s.reblog_of.is_none()
                && p.author_id != cast.alice
                && !p.votes.contains_key("alice")
                && p.expires_at.is_some_and(|e| e > now + 10 * MINUTE))
            .then(
                || json!({ "status_id": id.to_string(), "poll_id": p.id, "multiple": p.multiple }),
            )
        })
        .next();
    let edited = home.iter().find(|id| {
        let s = &store.statuses[*id];
        s.reblog_of.is_none() && !s.json["edited_at"].is_null() && s.visibility == "public"
    });
    let fav_group = store.per_user["alice"]
        .notifications
        .iter()
        .find(|n| n.kind == "favourite")
        .and_then(|n| n.status_id);
    let alice_public = home.iter().find(|id| {
        let s = &store.statuses[*id];
        s.account_id == cast.alice && s.reblog_of.is_none() && s.visibility == "public"
    });
    let not_followed = home.iter().find(|id| {
        store.statuses[*id].account_id == cast.bob && store.statuses[*id].reblog_of.is_none()
    });
    json!({
        "alice_id": cast.alice, "bob_id": cast.bob, "carol_id": cast.carol,
        "locked_account": { "id": made.lucy, "acct": "lucy" },
        "open_account": { "id": made.olive, "acct": "olive" },
        "big_thread": { "root_id": made.big_root.to_string(), "deepest_id": made.big_deepest.to_string(), "replies": 220 },
        "self_thread": { "root_id": made.self_root.to_string(), "last_id": made.self_last.to_string(), "author": "carol", "length": 6 },
        "edited_status_id": edited.map(|i| i.to_string()),
        "poll_not_voted": unvoted,
        "alice_pinned": store.per_user["alice"].pinned.iter().map(|i| i.to_string()).collect::<Vec<_>>(),
        "alice_public_status_id": alice_public.map(|i| i.to_string()),
        "bob_status_id": not_followed.map(|i| i.to_string()),
        "grouped_favourites_status_id": fav_group.map(|i| i.to_string()),
        "quote_of_alice_id": made.quote.to_string(),
        "direct_status_ids": made.directs.iter().map(|i| i.to_string()).collect::<Vec<_>>(),
        "follow_requests": [made.lucy, cast.locals[10]],
    })
}
