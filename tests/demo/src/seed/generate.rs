//! Generated volume: ~3,400 statuses over the three weeks before "now", with every shape a
//! client must handle (links with cards, mentions, hashtags, CWs, sensitive media, polls,
//! custom emoji, boosts, long reply threads, edits, unlisted/private visibility).

use serde_json::{Value, json};

use super::accounts::{Cast, text_emojis};
use super::{Ids, Prng, status_skeleton, text};
use crate::store::{PollRec, StatusRec, Store};
use crate::{clock, media};

const TOTAL: usize = 3400;
const MINUTE: u64 = 60_000;

struct Gen<'a> {
    store: &'a mut Store,
    origin: &'a str,
    now: u64,
    rng: Prng,
    authors: Vec<String>,
    /// Original, public/unlisted statuses that can be boosted or replied to.
    originals: Vec<u64>,
    alice: String,
}

/// Generates the statuses into `store` (timelines are built afterwards).
pub fn generate(store: &mut Store, origin: &str, now: u64, cast: &Cast, ids: &mut Ids) {
    let mut rng = Prng::new(0x005e_ed0f_b00c);
    // Times from oldest to newest, 1–12 minutes apart, ending two minutes before now.
    let mut times: Vec<u64> = Vec::with_capacity(TOTAL);
    let mut t = now - 2 * MINUTE;
    for _ in 0..TOTAL {
        times.push(t);
        t -= (1 + rng.below(12) as u64) * MINUTE + rng.below(59_000) as u64;
    }
    times.reverse();
    let mut authors: Vec<String> = cast.locals.iter().chain(&cast.remotes).cloned().collect();
    // The demo users post too, a little less often.
    authors.extend([cast.alice.clone(), cast.bob.clone(), cast.carol.clone()]);
    let mut g = Gen {
        store,
        origin,
        now,
        rng,
        authors,
        originals: Vec::new(),
        alice: cast.alice.clone(),
    };
    // Four long threads start at fixed points; each collects replies for a while.
    let thread_starts = [TOTAL / 10, TOTAL / 3, TOTAL * 2 / 3, TOTAL - 260];
    let mut threads: Vec<(usize, Vec<u64>)> = Vec::new();
    for (i, &ms) in times.iter().enumerate() {
        let id = ids.at(ms);
        let author = g.rng.pick(&g.authors).clone();
        threads.retain(|(start, _)| i < start + 420);
        let roll = g.rng.below(100);
        if thread_starts.contains(&i) {
            let root = g.original(id, ms, &author, None);
            // Thread roots are public so the public timeline leads to them.
            if let Some(r) = g.store.statuses.get_mut(&root) {
                r.visibility = "public".into();
                r.json["visibility"] = "public".into();
            }
            threads.push((i, vec![root]));
        } else if roll < 10 && g.originals.len() > 20 {
            g.boost(id, ms, &author);
        } else if roll < 22 && !threads.is_empty() {
            let k = g.rng.below(threads.len());
            let nodes = &threads[k].1;
            let parent = if g.rng.chance(60) {
                *nodes.last().unwrap()
            } else {
                *g.rng.pick(nodes)
            };
            let reply = g.original(id, ms, &author, Some(parent));
            threads[k].1.push(reply);
        } else if roll < 27 && g.originals.len() > 5 {
            let back = g.rng.below(g.originals.len().min(30)) + 1;
            let parent = g.originals[g.originals.len() - back];
            g.original(id, ms, &author, Some(parent));
        } else {
            g.original(id, ms, &author, None);
        }
    }
    g.count_replies();
}

impl Gen<'_> {
    fn account(&self, id: &str) -> Value {
        self.store.accounts.get(id).cloned().unwrap_or(Value::Null)
    }

    fn boost(&mut self, id: u64, ms: u64, booster: &str) {
        let target = self.originals
            [self.originals.len() - 1 - self.rng.below(self.originals.len().min(200))];
        let target_rec = &self.store.statuses[&target];
        if target_rec.account_id == booster || target_rec.visibility != "public" {
            self.original(id, ms, booster, None);
            return;
        }
        let acc = self.account(booster);
        let mut v = status_skeleton(&acc, id, ms, "public", "");
        // A boost's uri ends in /activity; its url is the booster's view of it.
        v["uri"] = json!(format!("{}/activity", v["uri"].as_str().unwrap_or("")));
        v["url"] = json!(format!(
            "{}/users/{}/statuses/{id}/activity",
            acc["url"]
                .as_str()
                .unwrap_or("")
                .rsplit_once("/@")
                .map(|(b, _)| b)
                .unwrap_or(""),
            acc["username"].as_str().unwrap_or("")
        ));
        v["application"] = Value::Null;
        v["quote_approval"] = json!({ "automatic": [], "manual": [], "current_user": "denied" });
        if let Some(t) = self.store.statuses.get_mut(&target) {
            let n = t.json["reblogs_count"].as_u64().unwrap_or(0) + 1;
            t.json["reblogs_count"] = json!(n);
        }
        self.store.insert(StatusRec {
            id,
            json: v,
            account_id: booster.into(),
            reblog_of: Some(target),
            poll_id: None,
            in_reply_to: None,
            visibility: "public".into(),
            tags: Vec::new(),
            has_media: false,
        });
    }

    /// An original status (or a reply to `parent`) with randomly chosen features.
    fn original(&mut self, id: u64, ms: u64, author: &str, parent: Option<u64>) -> u64 {
        let acc = self.account(author);
        let r = &mut self.rng;
        let visibility = match r.below(100) {
            0..=84 => "public",
            85..=94 => "unlisted",
            _ => "private",
        };
        let mut paragraphs: Vec<String> = Vec::new();
        let mut mentions: Vec<Value> = Vec::new();
        let mut prefix = String::new();
        let mention_target = match parent {
            Some(p) => Some(self.store.statuses[&p].account_id.clone()),
            None if r.chance(15) => Some(r.pick(&self.authors).clone()),
            None => None,
        };
        if let Some(target) = mention_target.filter(|t| t != author) {
            let m = self
                .store
                .accounts
                .get(&target)
                .cloned()
                .unwrap_or_default();
            prefix = format!(
                "{} ",
                text::mention_html(
                    m["url"].as_str().unwrap_or(""),
                    m["username"].as_str().unwrap_or("")
                )
            );
            mentions.push(json!({ "id": m["id"], "username": m["username"], "url": m["url"], "acct": m["acct"] }));
        }
        let n_par = match r.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        for _ in 0..n_par {
            let n = 1 + r.below(3);
            let s: Vec<&str> = (0..n).map(|_| *r.pick(text::SENTENCES)).collect();
            paragraphs.push(crate::authorize_page::esc(&s.join(" ")));
        }
        let mut emojis = Vec::new();
        if r.chance(10) {
            let codes = ["blobaww", "yikes", "aaaa", "ziltoid", "AAAAAA"];
            let code = *r.pick(&codes);
            paragraphs[0].push_str(&format!(" :{code}:"));
            emojis = text_emojis(self.origin, &format!(":{code}:"));
        }
        let mut card = Value::Null;
        if r.chance(18) {
            let (url, title, desc, provider) = *r.pick(text::LINKS);
            paragraphs.push(format!("Worth a read: {}", text::link_html(url)));
            if r.chance(60) {
                card = json!({
                    "url": url, "title": title, "description": desc, "language": "en", "type": "link",
                    "author_name": "", "author_url": "", "provider_name": provider, "provider_url": "",
                    "html": "", "width": 400, "height": 210,
                    "image": media::image_url(self.origin, 400, 210, &format!("card-{id}")),
                    "image_description": "", "embed_url": "", "blurhash": "UeKUpFxuo~R%0nW;WCnhF6RjaJt757oJodS$",
                    "published_at": null, "authors": [],
                });
            }
        }
        let mut tags: Vec<String> = Vec::new();
        if r.chance(25) {
            for _ in 0..1 + r.below(3) {
                let t = r.pick(text::TAGS).to_string();
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
            paragraphs.push(
                tags.iter()
                    .map(|t| text::hashtag_html(self.origin, t))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        paragraphs[0] = format!("{prefix}{}", paragraphs[0]);
        let content: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        let mut v = status_skeleton(&acc, id, ms, visibility, &content);
        let cw = r.chance(7);
        if cw {
            v["spoiler_text"] = json!(r.pick(text::CONTENT_WARNINGS));
            v["sensitive"] = json!(true);
        }
        let mut media_list = Vec::new();
        if r.chance(16) {
            for k in 0..1 + r.below(4) {
                let (w, h) = *r.pick(&[
                    (1600u32, 1200u32),
                    (1200, 1600),
                    (1920, 1080),
                    (1080, 1080),
                    (800, 2000),
                ]);
                media_list.push(image_attachment(
                    self.origin,
                    &format!("{id}-{k}"),
                    w,
                    h,
                    r.pick::<&str>(text::ALT_TEXTS),
                    r.chance(85),
                ));
            }
            if r.chance(25) {
                v["sensitive"] = json!(true);
            }
        }
        let mut poll_id = None;
        if media_list.is_empty() && r.chance(5) {
            poll_id = Some(self.poll(ms, author, &mut v));
        }
        let r = &mut self.rng;
        if r.chance(7) {
            let edited = (ms + (3 + r.below(57) as u64) * MINUTE).min(self.now - 1000);
            v["edited_at"] = json!(clock::rfc3339(edited));
        }
        v["favourites_count"] = json!(r.below(40));
        v["mentions"] = json!(mentions);
        v["tags"] = json!(
            tags.iter()
                .map(|t| json!({ "name": t, "url": format!("{}/tags/{t}", self.origin) }))
                .collect::<Vec<_>>()
        );
        v["emojis"] = json!(emojis);
        v["card"] = card;
        let has_media = !media_list.is_empty();
        v["media_attachments"] = json!(media_list);
        if let Some(p) = parent {
            let parent_rec = &self.store.statuses[&p];
            v["in_reply_to_id"] = json!(p.to_string());
            v["in_reply_to_account_id"] = json!(parent_rec.account_id);
        }
        if visibility != "private" {
            self.originals.push(id);
        }
        self.store.insert(StatusRec {
            id,
            json: v,
            account_id: author.into(),
            reblog_of: None,
            poll_id,
            in_reply_to: parent,
            visibility: visibility.into(),
            tags,
            has_media,
        })
    }

    fn poll(&mut self, ms: u64, author: &str, v: &mut Value) -> String {
        let r = &mut self.rng;
        let (question, options) = *r.pick(text::POLLS);
        let content = v["content"].as_str().unwrap_or("").to_string();
        v["content"] = json!(format!(
            "<p>{}</p>{content}",
            crate::authorize_page::esc(question)
        ));
        let duration = *r.pick(&[
            60 * MINUTE,
            6 * 60 * MINUTE,
            24 * 60 * MINUTE,
            3 * 24 * 60 * MINUTE,
        ]);
        let multiple = r.chance(30);
        let counts: Vec<u64> = options.iter().map(|_| r.below(30) as u64).collect();
        let voters = if multiple {
            counts.iter().sum::<u64>() * 2 / 3
        } else {
            counts.iter().sum()
        };
        let poll_id = (self.store.polls.len() + 1).to_string();
        let mut rec = PollRec {
            id: poll_id.clone(),
            author_id: author.into(),
            expires_at: Some(ms + duration),
            multiple,
            titles: options.iter().map(|s| s.to_string()).collect(),
            counts,
            other_voters: voters,
            votes: Default::default(),
            emojis: json!([]),
        };
        if author != self.alice && r.chance(30) {
            let choice = r.below(options.len());
            rec.counts[choice] += 1;
            rec.votes.insert("alice".into(), vec![choice]);
        }
        self.store.polls.insert(poll_id.clone(), rec);
        poll_id
    }

    fn count_replies(&mut self) {
        let mut counts: std::collections::HashMap<u64, u64> = Default::default();
        for s in self.store.statuses.values() {
            if let Some(p) = s.in_reply_to {
                *counts.entry(p).or_default() += 1;
            }
        }
        for (id, n) in counts {
            if let Some(s) = self.store.statuses.get_mut(&id) {
                s.json["replies_count"] = json!(n);
            }
        }
    }
}

/// An image MediaAttachment with `meta.original/small`, blurhash and (usually) alt text.
pub fn image_attachment(
    origin: &str,
    seed: &str,
    w: u32,
    h: u32,
    alt: &str,
    with_alt: bool,
) -> Value {
    let (sw, sh) = if w >= h {
        (640, 640 * h / w)
    } else {
        (640 * w / h, 640)
    };
    let aspect = |w: u32, h: u32| (w as f64 / h as f64 * 1000.0).round() / 1000.0;
    json!({
        "id": seed.replace('-', ""),
        "type": "image",
        "url": media::image_url(origin, w, h, seed),
        "preview_url": media::image_url(origin, sw, sh, seed),
        "remote_url": null,
        "preview_remote_url": null,
        "text_url": null,
        "meta": {
            "original": { "width": w, "height": h, "size": format!("{w}x{h}"), "aspect": aspect(w, h) },
            "small": { "width": sw, "height": sh, "size": format!("{sw}x{sh}"), "aspect": aspect(sw, sh) },
            "focus": { "x": 0.0, "y": 0.0 },
        },
        "description": if with_alt { json!(alt) } else { Value::Null },
        "blurhash": "UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH",
    })
}
