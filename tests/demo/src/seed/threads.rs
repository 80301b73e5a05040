//! Seeded conversations beyond the generated volume: a big thread (220+ replies, nested
//! deeper than 5) and a self-thread in alice's home, statuses mentioning alice, a quote of
//! hers, direct messages with her, and two accounts alice does not follow yet (one locked).
//! Runs before the homes are built, so everything lands where it belongs.

use serde_json::{Value, json};

use super::accounts::{Cast, account_json};
use super::{Ids, Prng, status_skeleton, text};
use crate::store::{StatusRec, Store};

const MINUTE: u64 = 60_000;

/// Ids of what was made, for `facts` and for `social.rs`.
#[derive(Debug, Default, Clone)]
pub struct Made {
    pub lucy: String,
    pub olive: String,
    pub big_root: u64,
    pub big_deepest: u64,
    pub self_root: u64,
    pub self_last: u64,
    pub mentions: Vec<u64>,
    pub quote: u64,
    pub directs: Vec<u64>,
}

/// Stores a status by `author` at `ms`, optionally replying to `parent` (mentioning its
/// author) and mentioning `extra` accounts.
#[allow(clippy::too_many_arguments)]
pub fn add(
    store: &mut Store,
    ids: &mut Ids,
    author: &str,
    ms: u64,
    body: &str,
    parent: Option<u64>,
    extra: &[String],
    visibility: &str,
) -> u64 {
    let id = ids.at(ms);
    let acc = store.accounts.get(author).cloned().unwrap_or(Value::Null);
    let mut targets: Vec<String> = Vec::new();
    if let Some(p) = parent.and_then(|p| store.statuses.get(&p))
        && p.account_id != author
    {
        targets.push(p.account_id.clone());
    }
    for a in extra {
        if !targets.contains(a) {
            targets.push(a.clone());
        }
    }
    let mut mentions = Vec::new();
    let mut prefix = String::new();
    for t in &targets {
        let m = store.accounts.get(t).cloned().unwrap_or_default();
        prefix.push_str(&text::mention_html(
            m["url"].as_str().unwrap_or(""),
            m["username"].as_str().unwrap_or(""),
        ));
        prefix.push(' ');
        mentions.push(
            json!({ "id": m["id"], "username": m["username"], "url": m["url"], "acct": m["acct"] }),
        );
    }
    let content = format!("<p>{prefix}{}</p>", crate::authorize_page::esc(body));
    let mut v = status_skeleton(&acc, id, ms, visibility, &content);
    v["mentions"] = json!(mentions);
    if let Some(p) = parent {
        v["in_reply_to_id"] = json!(p.to_string());
        v["in_reply_to_account_id"] = json!(store.statuses[&p].account_id);
    }
    store.insert(StatusRec {
        id,
        json: v,
        account_id: author.into(),
        reblog_of: None,
        poll_id: None,
        in_reply_to: parent,
        visibility: visibility.into(),
        tags: Vec::new(),
        has_media: false,
    })
}

fn new_account(
    store: &mut Store,
    origin: &str,
    ids: &mut Ids,
    now: u64,
    name: &str,
    display: &str,
    locked: bool,
) -> String {
    let at = now - 30 * 86_400_000;
    let id = ids.at(at).to_string();
    let note = text::paragraphs_html(if locked {
        "I approve followers by hand. Say hi first!"
    } else {
        "New here. Open to follows."
    });
    store.accounts.insert(
        id.clone(),
        account_json(
            origin,
            &id,
            name,
            "",
            display,
            &note,
            false,
            locked,
            at,
            json!([]),
        ),
    );
    id
}

pub fn seed(store: &mut Store, origin: &str, now: u64, cast: &Cast, ids: &mut Ids) -> Made {
    let mut rng = Prng::new(0x7412_ead5);
    let mut m = Made {
        lucy: new_account(store, origin, ids, now, "lucy", "Lucy Locke", true),
        olive: new_account(store, origin, ids, now, "olive", "Olive Open", false),
        ..Made::default()
    };
    for (k, who) in [m.lucy.clone(), m.olive.clone()].iter().enumerate() {
        for j in 0..4u64 {
            let ms = now - (30 + 7 * j + k as u64) * 60 * MINUTE;
            add(
                store,
                ids,
                who,
                ms,
                text::SENTENCES[(j as usize * 5 + k) % text::SENTENCES.len()],
                None,
                &[],
                "public",
            );
        }
    }
    // The big thread: bob asks, ~220 replies from everyone, nesting well past depth 5.
    let people: Vec<String> = cast
        .locals
        .iter()
        .chain(&cast.remotes)
        .chain([&cast.alice, &cast.carol, &cast.bob])
        .cloned()
        .collect();
    let start = now - 2 * 24 * 60 * MINUTE;
    m.big_root = add(
        store,
        ids,
        &cast.bob,
        start,
        "Big question for everyone: what is the best thing you learned this year? Replies welcome, go as deep as you like.",
        None,
        &[],
        "public",
    );
    let mut nodes: Vec<(u64, usize)> = vec![(m.big_root, 0)];
    let mut deepest = (m.big_root, 0);
    for i in 0..220u64 {
        let (parent, depth) = if rng.chance(45) {
            *nodes.last().unwrap()
        } else {
            *rng.pick(&nodes)
        };
        let author = rng.pick(&people).clone();
        let ms = start + (i + 1) * 5 * MINUTE + rng.below(60_000) as u64;
        let id = add(
            store,
            ids,
            &author,
            ms,
            rng.pick::<&str>(text::SENTENCES),
            Some(parent),
            &[],
            "public",
        );
        nodes.push((id, depth + 1));
        if depth + 1 > deepest.1 {
            deepest = (id, depth + 1);
        }
    }
    m.big_deepest = deepest.0;
    // A self-thread by carol: six posts, each replying to the one before.
    let s0 = now - 5 * 60 * MINUTE;
    m.self_root = add(
        store,
        ids,
        &cast.carol,
        s0,
        "A thread about my first solo flight (1/6)",
        None,
        &[],
        "public",
    );
    let mut prev = m.self_root;
    for k in 2..=6u64 {
        prev = add(
            store,
            ids,
            &cast.carol,
            s0 + k * 2 * MINUTE,
            &format!("{} ({k}/6)", text::SENTENCES[k as usize * 3]),
            Some(prev),
            &[],
            "public",
        );
    }
    m.self_last = prev;
    // Replies to alice (mentions) and a quote of her latest public post.
    let alice_posts: Vec<u64> = {
        let mut v: Vec<u64> = store
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
        v.sort_unstable_by(|a, b| b.cmp(a));
        v
    };
    let repliers = [
        &cast.bob,
        &cast.carol,
        &cast.remotes[0],
        &cast.locals[3],
        &cast.remotes[5],
        &cast.locals[1],
    ];
    for (k, who) in repliers.iter().enumerate() {
        let target = alice_posts.get(k % alice_posts.len().max(1)).copied();
        let ms = now - (40 + 37 * k as u64) * MINUTE;
        m.mentions.push(add(
            store,
            ids,
            who,
            ms,
            "Totally agree with this, thanks for sharing!",
            target,
            &[],
            "public",
        ));
    }
    if let Some(&q) = alice_posts.first() {
        m.quote = add(
            store,
            ids,
            &cast.remotes[2],
            now - 90 * MINUTE,
            "This is worth reading.",
            None,
            &[],
            "public",
        );
        store.quotes.insert(m.quote, q);
    }
    // Direct messages: bob ↔ alice (a thread), dana → alice, carol → alice + bob.
    let d1 = add(
        store,
        ids,
        &cast.bob,
        now - 26 * 60 * MINUTE,
        "Are we still on for the picnic on Saturday?",
        None,
        std::slice::from_ref(&cast.alice),
        "direct",
    );
    let d2 = add(
        store,
        ids,
        &cast.alice,
        now - 25 * 60 * MINUTE,
        "Yes! I'll bring the tea.",
        Some(d1),
        &[],
        "direct",
    );
    let d3 = add(
        store,
        ids,
        &cast.bob,
        now - 24 * 60 * MINUTE,
        "Perfect, see you there.",
        Some(d2),
        &[],
        "direct",
    );
    let d4 = add(
        store,
        ids,
        &cast.remotes[0],
        now - 8 * 60 * MINUTE,
        "Hi Alice, could you send me the map you mentioned?",
        None,
        std::slice::from_ref(&cast.alice),
        "direct",
    );
    let d5 = add(
        store,
        ids,
        &cast.carol,
        now - 3 * 60 * MINUTE,
        "Surprise party for Bob next week, keep it quiet!",
        None,
        &[cast.alice.clone(), cast.bob.clone()],
        "direct",
    );
    m.directs = vec![d1, d2, d3, d4, d5];
    m
}
