//! Imports the real statuses from tests/fixtures into the demo: new snowflake ids placed in
//! the last hours, accounts re-id'd (local accts of other servers become `user@host`), and
//! every image/video/emoji URL pointed at this instance. Shapes are kept exactly, so the
//! client meets what Mastodon really sends (boosts, CW + filtered, gifv, video, audio, polls,
//! cards with authors, nested quotes, 2.x-era statuses with missing keys).

use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

use super::Ids;
use crate::store::{PollRec, StatusRec, Store};
use crate::{clock, media};

/// The fixture files holding statuses (single, lists, or a context).
const SOURCES: &[&str] = &[
    include_str!("../../../fixtures/timeline_home.json"),
    include_str!("../../../fixtures/status_cw_emoji_gifv_mention_hashtag_edited_filtered.json"),
    include_str!("../../../fixtures/status_poll_with_emoji.json"),
    include_str!("../../../fixtures/status_with_card_link.json"),
    include_str!("../../../fixtures/status_with_card_author.json"),
    include_str!("../../../fixtures/status_quote_nested.json"),
    include_str!("../../../fixtures/status_video.json"),
    include_str!("../../../fixtures/status_video_empty_content.json"),
    include_str!("../../../fixtures/status_audio_reply.json"),
    include_str!("../../../fixtures/status_image_focus_reply.json"),
    include_str!("../../../fixtures/status_two_images_focus.json"),
    include_str!("../../../fixtures/status_reblog_wrapper.json"),
    include_str!("../../../fixtures/status_reply_mention.json"),
    include_str!("../../../fixtures/status_with_quote_inline_fallback.json"),
    include_str!("../../../fixtures/status_private.json"),
    include_str!("../../../fixtures/status_direct_cw.json"),
    include_str!("../../../fixtures/old_server_status_reblog_old.json"),
    include_str!("../../../fixtures/old_server_timeline_video_old_with_extra_key.json"),
    include_str!("../../../fixtures/account_statuses_page1.json"),
    include_str!("../../../fixtures/context_thread.json"),
];

struct Importer<'a> {
    store: &'a mut Store,
    origin: &'a str,
    ids: &'a mut Ids,
    /// original status id -> new id
    status_map: HashMap<String, u64>,
    /// original account id (or profile url) -> new id
    account_map: HashMap<String, String>,
    authors: HashSet<String>,
    /// The last status re-id'd with `keep = false` (a quoted status, embedded in place).
    last_rendered: Option<Value>,
}

/// Collects the top-level statuses of every source, newest first, without duplicates.
fn all_statuses() -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut seen = HashSet::new();
    for src in SOURCES {
        let v: Value = serde_json::from_str(src).expect("fixture JSON");
        let items: Vec<Value> = match v {
            Value::Array(a) => a,
            Value::Object(ref o) if o.contains_key("ancestors") => {
                let mut a = o["ancestors"].as_array().cloned().unwrap_or_default();
                a.extend(o["descendants"].as_array().cloned().unwrap_or_default());
                a
            }
            other => vec![other],
        };
        for s in items {
            if seen.insert(s["id"].to_string()) {
                out.push(s);
            }
        }
    }
    out.sort_by_key(|s| {
        std::cmp::Reverse(clock::parse_rfc3339(s["created_at"].as_str().unwrap_or("")).unwrap_or(0))
    });
    out
}

/// Imports every fixture status; returns the account ids of their authors (alice follows them).
pub fn import(store: &mut Store, origin: &str, now: u64, ids: &mut Ids) -> HashSet<String> {
    let mut imp = Importer {
        store,
        origin,
        ids,
        status_map: HashMap::new(),
        account_map: HashMap::new(),
        authors: HashSet::new(),
        last_rendered: None,
    };
    let list = all_statuses();
    // Pre-assign ids so replies inside the fixture set can point at each other; the newest
    // fixture lands 3 minutes ago and the rest every ~17 minutes before it.
    let times: Vec<u64> = (0..list.len() as u64)
        .map(|k| now - (3 + 17 * k) * 60_000 - 7_000)
        .collect();
    for (s, &ms) in list.iter().zip(&times) {
        let id = imp.ids.at(ms);
        imp.status_map.insert(s["id"].to_string(), id);
    }
    for (s, &ms) in list.into_iter().zip(&times) {
        let id = imp.status_map[&s["id"].to_string()];
        imp.status(s, id, ms, true);
    }
    imp.authors
}

impl Importer<'_> {
    fn account_id(&mut self, original: &Value, url: &str) -> String {
        let key = if url.is_empty() {
            original.to_string()
        } else {
            url.to_string()
        };
        if let Some(id) = self
            .account_map
            .get(&key)
            .or_else(|| self.account_map.get(&original.to_string()))
        {
            return id.clone();
        }
        let id = self
            .ids
            .at(1_500_000_000_000 + self.account_map.len() as u64)
            .to_string();
        self.account_map.insert(key, id.clone());
        self.account_map.insert(original.to_string(), id.clone());
        id
    }

    /// Rewrites an Account (or a Mention) in place; registers full accounts in the store.
    fn account(&mut self, a: &mut Value, register: bool) -> String {
        let url = a["url"].as_str().unwrap_or("").to_string();
        let id = self.account_id(&a["id"], &url);
        a["id"] = json!(id);
        let host = url
            .split("://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or("remote.example")
            .to_string();
        if let Some(acct) = a["acct"]
            .as_str()
            .filter(|x| !x.contains('@'))
            .map(str::to_string)
        {
            a["acct"] = json!(format!("{acct}@{host}"));
        }
        if a.get("avatar").is_some() {
            let key = format!("{}-{host}", a["username"].as_str().unwrap_or("x"));
            for k in ["avatar", "avatar_static"] {
                a[k] = json!(media::avatar_url(self.origin, &key));
            }
            for k in ["header", "header_static"] {
                a[k] = json!(media::header_url(self.origin, &key));
            }
            localize(a, self.origin);
            if register && !self.store.accounts.contains_key(&id) {
                self.store.accounts.insert(id.clone(), a.clone());
            }
        }
        id
    }

    /// Re-ids one status (recursively for boosts and quotes) and stores it if `keep`.
    fn status(&mut self, mut s: Value, id: u64, ms: u64, keep: bool) -> u64 {
        let orig_ms = clock::parse_rfc3339(s["created_at"].as_str().unwrap_or("")).unwrap_or(ms);
        s["id"] = json!(id.to_string());
        s["created_at"] = json!(clock::rfc3339(ms));
        if let Some(edited) = s["edited_at"].as_str().and_then(clock::parse_rfc3339) {
            s["edited_at"] = json!(clock::rfc3339(
                ms + edited.saturating_sub(orig_ms).min(3_600_000)
            ));
        }
        let account_id = self.account(&mut s["account"], keep);
        let mut mentions = s["mentions"].take();
        for m in mentions.as_array_mut().into_iter().flatten() {
            self.account(m, false);
        }
        s["mentions"] = mentions;
        let parent = s["in_reply_to_id"]
            .as_str()
            .and_then(|p| self.status_map.get(&format!("\"{p}\"")).copied());
        if let Some(p) = parent {
            s["in_reply_to_id"] = json!(p.to_string());
        }
        if let Some(acc) = s["in_reply_to_account_id"]
            .as_str()
            .and_then(|a| self.account_map.get(&format!("\"{a}\"")))
        {
            s["in_reply_to_account_id"] = json!(acc);
        }
        for f in s["filtered"].as_array_mut().into_iter().flatten() {
            if f["status_matches"].is_array() {
                f["status_matches"] = json!([id.to_string()]);
            }
        }
        let reblog = s["reblog"].take();
        let reblog_of = if reblog.is_object() {
            let inner_ms = ms - 45 * 60_000;
            let inner = self.ids.at(inner_ms);
            Some(self.status(reblog, inner, inner_ms, true))
        } else {
            None
        };
        if s["quote"]["quoted_status"].is_object() {
            let q = s["quote"]["quoted_status"].take();
            let qms = ms - 90 * 60_000;
            let qid = self.ids.at(qms);
            self.status(q.clone(), qid, qms, false);
            s["quote"]["quoted_status"] = self.last_rendered.take().unwrap_or(q);
        }
        let poll = s["poll"].take();
        let poll_id = poll
            .is_object()
            .then(|| self.poll(&poll, &account_id, ms, orig_ms));
        localize(&mut s, self.origin);
        let account_json = s["account"].take();
        if !keep {
            s["account"] = account_json;
            s["poll"] = poll;
            self.last_rendered = Some(s);
            return id;
        }
        if s["visibility"] == "direct" {
            s["fixture_home"] = json!(true);
        }
        self.authors.insert(account_id.clone());
        let tags = s["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["name"].as_str())
            .map(str::to_lowercase)
            .collect();
        let has_media = s["media_attachments"]
            .as_array()
            .is_some_and(|m| !m.is_empty());
        let visibility = s["visibility"].as_str().unwrap_or("public").to_string();
        self.store.insert(StatusRec {
            id,
            json: s,
            account_id,
            reblog_of,
            poll_id,
            in_reply_to: parent,
            visibility,
            tags,
            has_media,
        })
    }

    fn poll(&mut self, p: &Value, author: &str, ms: u64, orig_ms: u64) -> String {
        let id = (self.store.polls.len() + 1).to_string();
        let expires = p["expires_at"]
            .as_str()
            .and_then(clock::parse_rfc3339)
            .map(|e| ms + e.saturating_sub(orig_ms));
        let options = p["options"].as_array().cloned().unwrap_or_default();
        let mut emojis = p["emojis"].clone();
        localize(&mut emojis, self.origin);
        self.store.polls.insert(
            id.clone(),
            PollRec {
                id: id.clone(),
                author_id: author.into(),
                expires_at: expires,
                multiple: p["multiple"].as_bool().unwrap_or(false),
                titles: options
                    .iter()
                    .map(|o| o["title"].as_str().unwrap_or("").to_string())
                    .collect(),
                counts: options
                    .iter()
                    .map(|o| o["votes_count"].as_u64().unwrap_or(0))
                    .collect(),
                other_voters: p["voters_count"]
                    .as_u64()
                    .or(p["votes_count"].as_u64())
                    .unwrap_or(0),
                votes: HashMap::new(),
                emojis,
            },
        );
        id
    }
}

/// Points every loadable URL inside `v` at the demo: emoji, media attachments, card images.
/// Status/account `url`/`uri` keep their original hosts (they are links, not images).
pub fn localize(v: &mut Value, origin: &str) {
    match v {
        Value::Array(a) => a.iter_mut().for_each(|x| localize(x, origin)),
        Value::Object(o) => {
            if let Some(code) = o
                .get("shortcode")
                .and_then(Value::as_str)
                .map(str::to_string)
            {
                o.insert("url".into(), json!(media::emoji_url(origin, &code)));
                o.insert("static_url".into(), json!(media::emoji_url(origin, &code)));
            } else if o.contains_key("preview_url") && o.contains_key("type") {
                let seed = format!(
                    "fx{}",
                    o.get("id")
                        .map(|i| i.to_string())
                        .unwrap_or_default()
                        .trim_matches('"')
                );
                let dim = |k: &str| {
                    o.get("meta").and_then(|m| m.get(k)).map(|m| {
                        (
                            m["width"].as_u64().unwrap_or(640) as u32,
                            m["height"].as_u64().unwrap_or(480) as u32,
                        )
                    })
                };
                let (w, h) = dim("original").unwrap_or((640, 480));
                let (sw, sh) = dim("small").unwrap_or((w.min(640), h.min(480)));
                let url = match o.get("type").and_then(Value::as_str) {
                    Some("gifv" | "video") => media::video_url(origin, &seed),
                    Some("audio") => media::audio_url(origin, &seed),
                    _ => media::image_url(origin, w, h, &seed),
                };
                o.insert("url".into(), json!(url));
                o.insert(
                    "preview_url".into(),
                    json!(media::image_url(origin, sw, sh, &seed)),
                );
                for k in ["remote_url", "preview_remote_url"] {
                    if o.get(k).is_some_and(|x| !x.is_null()) {
                        let local = if k == "remote_url" {
                            url.clone()
                        } else {
                            media::image_url(origin, sw, sh, &seed)
                        };
                        o.insert(k.into(), json!(local));
                    }
                }
            } else if o.contains_key("provider_name")
                && o.get("image").is_some_and(|i| !i.is_null())
            {
                let (w, h) = (
                    o["width"].as_u64().unwrap_or(400) as u32,
                    o["height"].as_u64().unwrap_or(210) as u32,
                );
                let seed = format!("card-{}", o["url"].as_str().unwrap_or("").len());
                o.insert(
                    "image".into(),
                    json!(media::image_url(origin, w.max(1), h.max(1), &seed)),
                );
            }
            if o.contains_key("acct") {
                for k in ["avatar", "avatar_static", "header", "header_static"] {
                    if let Some(u) = o
                        .get(k)
                        .and_then(Value::as_str)
                        .filter(|u| !u.starts_with(origin))
                        .map(str::to_string)
                    {
                        let key = media::slug(&u);
                        let url = if k.starts_with("avatar") {
                            media::avatar_url(origin, &key)
                        } else {
                            media::header_url(origin, &key)
                        };
                        o.insert(k.into(), json!(url));
                    }
                }
            }
            o.values_mut().for_each(|x| localize(x, origin));
        }
        _ => {}
    }
}
