//! Builds the demo's starting data: accounts (`accounts.rs`), the real fixture statuses
//! re-id'd into this instance (`fixtures.rs`) and generated volume (`generate.rs`), then the
//! home timelines and lists. Deterministic except for "now", and fast (well under a second).

use serde_json::{Value, json};
use std::collections::HashSet;

use crate::store::{ListRec, Store};
use crate::{clock, media};

pub mod accounts;
pub mod facts;
pub mod fixtures;
pub mod generate;
pub mod social;
pub mod text;
pub mod threads;

/// A tiny deterministic PRNG (xorshift64*), so the crate needs no `rand`.
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// True with probability `pct` percent.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.next_u64() % 100 < pct
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Allocates snowflake ids: unique even when two statuses share a millisecond.
pub struct Ids(u64);

impl Ids {
    pub fn at(&mut self, ms: u64) -> u64 {
        self.0 += 1;
        crate::store::snowflake(ms, self.0)
    }
}

/// A Status with every field Mastodon sends, for `account` (an Account JSON), minus the parts
/// the store fills at render time (`account`, `reblog`, `poll` are null here).
pub fn status_skeleton(
    account: &Value,
    id: u64,
    ms: u64,
    visibility: &str,
    content: &str,
) -> Value {
    let acct = account["acct"].as_str().unwrap_or("");
    let username = account["username"].as_str().unwrap_or("");
    let profile = account["url"].as_str().unwrap_or("");
    let base = profile.rsplit_once("/@").map(|(b, _)| b).unwrap_or(profile);
    let local = !acct.contains('@');
    let mut v = json!({
        "id": id.to_string(),
        "created_at": clock::rfc3339(ms),
        "in_reply_to_id": null,
        "in_reply_to_account_id": null,
        "sensitive": false,
        "spoiler_text": "",
        "visibility": visibility,
        "language": "en",
        "uri": format!("{base}/users/{username}/statuses/{id}"),
        "url": format!("{base}/@{username}/{id}"),
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": 0,
        "quotes_count": 0,
        "edited_at": null,
        "favourited": false,
        "reblogged": false,
        "muted": false,
        "bookmarked": false,
        "content": content,
        "filtered": [],
        "reblog": null,
        "account": null,
        "media_attachments": [],
        "mentions": [],
        "tags": [],
        "emojis": [],
        "tagged_collections": [],
        "quote": null,
        "card": null,
        "poll": null,
        "quote_approval": { "automatic": ["public"], "manual": [], "current_user": "automatic" },
    });
    // Mastodon only knows the application of statuses posted on this server.
    if local {
        v["application"] = json!({ "name": "Web", "website": null });
    }
    v
}

/// The custom emoji list (fixtures/custom_emojis.json) with local URLs.
pub fn custom_emojis(origin: &str) -> Value {
    let mut list: Value =
        serde_json::from_str(include_str!("../../../fixtures/custom_emojis.json"))
            .expect("custom_emojis fixture");
    for e in list.as_array_mut().into_iter().flatten() {
        let code = e["shortcode"].as_str().unwrap_or("x").to_string();
        e["url"] = json!(media::emoji_url(origin, &code));
        e["static_url"] = json!(media::emoji_url(origin, &code));
    }
    list
}

/// Builds the whole seed for `origin` with "now" = `now`.
pub fn build(origin: &str, now: u64) -> Store {
    let mut store = Store {
        custom_emojis: custom_emojis(origin),
        ..Store::default()
    };
    let mut ids = Ids(0);
    let cast = accounts::create(&mut store, origin, now, &mut ids);
    generate::generate(&mut store, origin, now, &cast, &mut ids);
    let fixture_authors = fixtures::import(&mut store, origin, now, &mut ids);
    if let Some(alice) = store.users.iter_mut().find(|u| u.username == "alice") {
        alice.follows.extend(fixture_authors);
    }
    let made = threads::seed(&mut store, origin, now, &cast, &mut ids);
    accounts::finish_counts(&mut store);
    build_homes(&mut store);
    build_lists(&mut store, &cast);
    social::seed(&mut store, origin, now, &cast, &made);
    store
}

/// Home = own statuses + statuses of followed accounts (boosts included), newest first.
/// Direct statuses reach only their author and the accounts they mention.
fn build_homes(store: &mut Store) {
    for user in store.users.clone() {
        let mut home: Vec<u64> = store
            .statuses
            .values()
            .filter(|s| s.account_id == user.account_id || user.follows.contains(&s.account_id))
            .filter(|s| {
                s.visibility != "direct"
                    || s.account_id == user.account_id
                    || s.json["mentions"]
                        .as_array()
                        .is_some_and(|m| m.iter().any(|x| x["id"] == json!(user.account_id)))
                    || s.json.get("fixture_home").is_some()
            })
            .map(|s| s.id)
            .collect();
        home.sort_unstable_by(|a, b| b.cmp(a));
        store.homes.insert(user.username.clone(), home);
    }
    for s in store.statuses.values_mut() {
        if let Some(obj) = s.json.as_object_mut() {
            obj.remove("fixture_home");
        }
    }
}

fn build_lists(store: &mut Store, cast: &accounts::Cast) {
    let set = |ids: &[String]| ids.iter().cloned().collect::<HashSet<String>>();
    let specs: [(&str, &str, HashSet<String>); 6] = [
        (
            "alice",
            "Friends",
            set(&[cast.bob.clone(), cast.carol.clone()])
                .union(&set(&cast.locals))
                .cloned()
                .collect(),
        ),
        ("alice", "Tech news", set(&cast.remotes[..10])),
        (
            "bob",
            "Family",
            set(&[cast.alice.clone(), cast.carol.clone()]),
        ),
        ("bob", "Builders", set(&cast.remotes[20..26])),
        (
            "carol",
            "Crew",
            set(&[cast.alice.clone(), cast.bob.clone()]),
        ),
        ("carol", "Space", set(&cast.remotes[14..22])),
    ];
    for (i, (owner, title, members)) in specs.into_iter().enumerate() {
        store.lists.push(ListRec {
            id: (i + 1).to_string(),
            owner: owner.into(),
            title: title.into(),
            members,
        });
    }
}
