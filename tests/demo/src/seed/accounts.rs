//! The cast: the three demo users (alice, bob, carol) and ~40 generated authors, local and
//! remote, some bots, some locked, some with custom emoji in their names.

use serde_json::{Value, json};
use std::collections::HashSet;

use super::{Ids, text};
use crate::store::{Store, User};
use crate::{clock, media};

/// Account ids by role, for the generator and the lists.
#[derive(Debug, Clone, Default)]
pub struct Cast {
    pub alice: String,
    pub bob: String,
    pub carol: String,
    /// Generated local authors.
    pub locals: Vec<String>,
    /// Generated remote authors.
    pub remotes: Vec<String>,
}

/// (username, domain or "" for local, display name, bot, locked)
const AUTHORS: &[(&str, &str, &str, bool, bool)] = &[
    ("dana", "example.social", "Dana Scully", false, false),
    ("eve", "", "Eve Moneypenny", false, false),
    ("frank", "", "Frank Gallagher", false, true),
    ("grace", "", "Grace Hopper :blobaww:", false, false),
    ("heidi", "", "Heidi", false, false),
    ("ivan", "", "Ivan the Gardener", false, false),
    ("judy", "", "Judy Hopps", false, false),
    ("mallory", "", "Mallory Archer", false, true),
    ("weatherbot", "", "Weather Bot", true, false),
    ("oscar", "", "Oscar Wilde (parody)", false, false),
    ("peggy", "", "Peggy Carter", false, false),
    ("trent", "", "", false, false),
    ("ken", "mastodon.example", "Ken Thompson-ish", false, false),
    ("lena", "fosstodon.example", "Lena :yikes:", false, false),
    ("mia", "photog.example", "Mia Takes Photos", false, false),
    ("nora", "hachyderm.example", "Nora", false, false),
    ("omar", "example.social", "Omar K.", false, true),
    ("pia", "social.example.de", "Pia Schneider", false, false),
    ("quinn", "tech.example", "Quinn ⚙️", false, false),
    ("rosa", "mstdn.example", "Rosa Parks Fan Club", false, false),
    ("sam", "example.social", "Sam", false, false),
    ("tara", "infosec.example", "Tara :ziltoid:", false, false),
    ("uma", "art.example", "Uma Draws Things", false, false),
    ("vic", "example.social", "Victor Frankenstein", false, false),
    ("wen", "writing.example", "Wen Li", false, false),
    ("xavier", "example.social", "Professor X", false, true),
    ("yara", "mastodon.example", "Yara", false, false),
    ("zed", "zed.example", "zed", false, false),
    ("newsbot", "news.example", "Example News (bot)", true, false),
    (
        "rustacean",
        "fosstodon.example",
        "Ferris the Crab",
        false,
        false,
    ),
    ("birdwatch", "birds.example", "Birdwatch Daily", true, false),
    ("astro", "space.example", "Astro Anna :aaaa:", false, false),
    ("chef", "food.example", "Chef Remy", false, false),
    ("cyclist", "bike.example", "Pedal Pusher", false, false),
    ("librarian", "books.example", "The Librarian", false, false),
    ("knitter", "craft.example", "Purl & Plain", false, false),
    ("musician", "music.example", "Bassline Bea", false, false),
];

/// An Account entity with every field Mastodon sends.
#[allow(clippy::too_many_arguments)]
pub fn account_json(
    origin: &str,
    id: &str,
    username: &str,
    domain: &str,
    display: &str,
    note: &str,
    bot: bool,
    locked: bool,
    created: u64,
    fields: Value,
) -> Value {
    let (acct, base) = if domain.is_empty() {
        (username.to_string(), origin.to_string())
    } else {
        (format!("{username}@{domain}"), format!("https://{domain}"))
    };
    let key = if domain.is_empty() {
        username.to_string()
    } else {
        format!("{username}-{domain}")
    };
    let emojis: Vec<Value> = text_emojis(origin, display);
    json!({
        "id": id, "username": username, "acct": acct, "display_name": display,
        "locked": locked, "bot": bot, "discoverable": true, "indexable": !bot, "group": false,
        "created_at": clock::rfc3339(created - created % 86_400_000),
        "note": note, "url": format!("{base}/@{username}"), "uri": format!("{base}/users/{username}"),
        "avatar": media::avatar_url(origin, &key), "avatar_static": media::avatar_url(origin, &key),
        "avatar_description": "", "header": media::header_url(origin, &key),
        "header_static": media::header_url(origin, &key), "header_description": "",
        "followers_count": 0, "following_count": 0, "statuses_count": 0, "last_status_at": null,
        "hide_collections": false, "show_media": true, "show_media_replies": true, "show_featured": true,
        "noindex": false, "emojis": emojis, "roles": [], "fields": fields,
    })
}

/// CustomEmoji entries for every `:shortcode:` in `s` (any shortcode has a generated image).
pub fn text_emojis(origin: &str, s: &str) -> Vec<Value> {
    let mut seen = HashSet::new();
    s.split(':')
        .skip(1)
        .step_by(2)
        .filter(|c| c.len() >= 2 && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'))
        .filter(|c| seen.insert(c.to_string()))
        .map(|c| json!({ "shortcode": c, "url": media::emoji_url(origin, c), "static_url": media::emoji_url(origin, c), "visible_in_picker": true }))
        .collect()
}

fn demo_user(
    store: &mut Store,
    origin: &str,
    id: String,
    name: &str,
    display: &str,
    bio: &str,
    created: u64,
) {
    let note = text::paragraphs_html(bio);
    let site = format!("https://{name}.example.org");
    let fields = json!([
        { "name": "Website", "value": text::link_html(&site), "verified_at": clock::rfc3339(created + 86_400_000) },
        { "name": "Pronouns", "value": if name == "bob" { "he/him" } else { "she/her" }, "verified_at": null },
    ]);
    let acc = account_json(
        origin, &id, name, "", display, &note, false, false, created, fields,
    );
    let source = json!({
        "privacy": "public", "sensitive": false, "language": "en", "note": bio,
        "fields": [
            { "name": "Website", "value": site, "verified_at": clock::rfc3339(created + 86_400_000) },
            { "name": "Pronouns", "value": if name == "bob" { "he/him" } else { "she/her" }, "verified_at": null },
        ],
        "follow_requests_count": 0, "hide_collections": false, "discoverable": true,
        "indexable": false, "attribution_domains": [], "quote_policy": "public",
    });
    store.accounts.insert(id.clone(), acc);
    store.users.push(User {
        username: name.into(),
        account_id: id,
        follows: HashSet::new(),
        source,
    });
}

/// Creates every account and the demo users' follow graph.
pub fn create(store: &mut Store, origin: &str, now: u64, ids: &mut Ids) -> Cast {
    let created = now - 400 * 86_400_000;
    let mut cast = Cast {
        alice: ids.at(created).to_string(),
        bob: ids.at(created + 1).to_string(),
        carol: ids.at(created + 2).to_string(),
        ..Cast::default()
    };
    demo_user(
        store,
        origin,
        cast.alice.clone(),
        "alice",
        "Alice Liddell",
        "Curiouser and curiouser. Main account of the Woolly demo.\n\nTea, maps and rabbit holes.",
        created,
    );
    demo_user(
        store,
        origin,
        cast.bob.clone(),
        "bob",
        "Bob Builder",
        "Can we fix it? Yes we can.\n\nBuilds things, breaks things.",
        created,
    );
    demo_user(
        store,
        origin,
        cast.carol.clone(),
        "carol",
        "Carol Danvers",
        "Pilot. Space enthusiast. Higher, further, faster.",
        created,
    );
    for (i, (user, domain, display, bot, locked)) in AUTHORS.iter().enumerate() {
        let at = created + (i as u64 + 3) * 86_400_000;
        let id = ids.at(at).to_string();
        let note = text::paragraphs_html(&format!(
            "{} Posting about {}.",
            text::SENTENCES[i % text::SENTENCES.len()],
            text::TAGS[i % text::TAGS.len()]
        ));
        let fields = if i % 3 == 0 {
            json!([{ "name": "Home", "value": domain.to_string(), "verified_at": null }])
        } else {
            json!([])
        };
        store.accounts.insert(
            id.clone(),
            account_json(
                origin, &id, user, domain, display, &note, *bot, *locked, at, fields,
            ),
        );
        if domain.is_empty() {
            cast.locals.push(id)
        } else {
            cast.remotes.push(id)
        }
    }
    let follows = |list: Vec<String>| list.into_iter().collect::<HashSet<String>>();
    let mut alice = vec![cast.bob.clone(), cast.carol.clone()];
    alice.extend(cast.locals.iter().take(9).cloned());
    alice.extend(cast.remotes.iter().take(20).cloned());
    let mut bob = vec![cast.alice.clone()];
    bob.extend(cast.remotes[20..].iter().cloned());
    bob.extend(cast.locals.iter().skip(9).cloned());
    let mut carol = vec![cast.alice.clone(), cast.bob.clone()];
    carol.extend(cast.remotes[14..22].iter().cloned());
    for (name, list) in [("alice", alice), ("bob", bob), ("carol", carol)] {
        if let Some(u) = store.users.iter_mut().find(|u| u.username == name) {
            u.follows = follows(list);
        }
    }
    cast
}

/// Fills statuses_count, last_status_at and follower counts from the seeded data.
pub fn finish_counts(store: &mut Store) {
    let mut counts: std::collections::HashMap<String, (u64, u64)> = Default::default();
    for s in store.statuses.values() {
        let ms = clock::parse_rfc3339(s.json["created_at"].as_str().unwrap_or("")).unwrap_or(0);
        let e = counts.entry(s.account_id.clone()).or_default();
        e.0 += 1;
        e.1 = e.1.max(ms);
    }
    let follows: Vec<(String, usize)> = store
        .users
        .iter()
        .map(|u| (u.account_id.clone(), u.follows.len()))
        .collect();
    for (id, acc) in store.accounts.iter_mut() {
        let (n, last) = counts.get(id).copied().unwrap_or_default();
        if acc["statuses_count"].as_u64().unwrap_or(0) < n {
            acc["statuses_count"] = json!(n + (id.len() as u64 * 7) % 50);
        }
        if n > 0 {
            acc["last_status_at"] = json!(clock::date(last));
        }
        let followers = store
            .users
            .iter()
            .filter(|u| u.follows.contains(id))
            .count() as u64;
        if acc["followers_count"].as_u64().unwrap_or(0) < followers {
            acc["followers_count"] = json!(followers + (n * 3) % 200);
        }
        if let Some((_, f)) = follows.iter().find(|(a, _)| a == id) {
            acc["following_count"] = json!(f);
        }
    }
}
