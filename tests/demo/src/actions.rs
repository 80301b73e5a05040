//! Status actions (favourite, reblog, bookmark, mute, pin and their undos) and the
//! favourites/bookmarks lists, paged by internal cursors as Mastodon pages them.
//!
//! The state changes are `Store` methods so `/__demo/act` can perform them as another user;
//! each keeps counts right, notifies the author and queues streaming events.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::auth::require_user;
use crate::error::{ApiError, ApiResult};
use crate::paging::{self, PageQuery};
use crate::params::Params;
use crate::store::{StatusRec, Store};
use crate::streaming::{Event, Payload, status_events};
use crate::{Shared, clock, seed, statuses};

pub const ACTIONS: &[&str] = &[
    "favourite",
    "unfavourite",
    "reblog",
    "unreblog",
    "bookmark",
    "unbookmark",
    "mute",
    "unmute",
    "pin",
    "unpin",
];

pub fn routes() -> Router<Shared> {
    let mut r = Router::new()
        .route("/api/v1/favourites", get(favourites))
        .route("/api/v1/bookmarks", get(bookmarks));
    for a in ACTIONS {
        r = r.route(&format!("/api/v1/statuses/{{id}}/{a}"), post(action));
    }
    r
}

fn bump(store: &mut Store, id: u64, field: &str, delta: i64) {
    if let Some(s) = store.statuses.get_mut(&id) {
        let n = s.json[field].as_i64().unwrap_or(0) + delta;
        s.json[field] = json!(n.max(0));
    }
}

impl Store {
    /// The status an action applies to: a boost wrapper stands for the status it boosts.
    fn target(&self, user: &str, id: u64) -> ApiResult<u64> {
        let rec = self.statuses.get(&id).ok_or_else(ApiError::not_found)?;
        if !statuses::visible(self, rec, Some(user)) {
            return Err(ApiError::not_found());
        }
        Ok(rec.reblog_of.unwrap_or(id))
    }

    /// Performs `action` as demo user `user` on status `id`; returns the status to answer
    /// with (the new wrapper for `reblog`, the original otherwise).
    pub fn act(
        &mut self,
        user: &str,
        action: &str,
        id: u64,
        p: &Params,
        now: u64,
    ) -> ApiResult<u64> {
        let me = self
            .user(user)
            .ok_or_else(ApiError::not_found)?
            .account_id
            .clone();
        let target = self.target(user, id)?;
        match action {
            "favourite" if !self.us(user).has_favourite(target) => {
                let c = self.next_seq();
                self.us(user).favourites.push((c, target));
                bump(self, target, "favourites_count", 1);
                self.notify_author(target, "favourite", &me, now);
            }
            "unfavourite" if self.us(user).has_favourite(target) => {
                self.us(user).favourites.retain(|(_, s)| *s != target);
                bump(self, target, "favourites_count", -1);
            }
            "bookmark" if !self.us(user).has_bookmark(target) => {
                let c = self.next_seq();
                self.us(user).bookmarks.push((c, target));
            }
            "unbookmark" => self.us(user).bookmarks.retain(|(_, s)| *s != target),
            "mute" | "unmute" => {
                let mut root = target;
                while let Some(p) = self.statuses.get(&root).and_then(|s| s.in_reply_to) {
                    root = p;
                }
                let us = self.us(user);
                if action == "mute" {
                    us.muted_threads.insert(root);
                } else {
                    us.muted_threads.remove(&root);
                }
            }
            "pin" => {
                let rec = &self.statuses[&target];
                if rec.account_id != me || rec.reblog_of.is_some() || rec.visibility == "direct" {
                    return Err(ApiError::unprocessable(
                        "Validation failed: Status can only be pinned if it is your own and public",
                    ));
                }
                let us = self.us(user);
                if !us.pinned.contains(&target) {
                    if us.pinned.len() >= 5 {
                        return Err(ApiError::unprocessable(
                            "Validation failed: You have already pinned the maximum number of posts",
                        ));
                    }
                    us.pinned.push(target);
                }
            }
            "unpin" => self.us(user).pinned.retain(|s| *s != target),
            "reblog" => {
                return self.reblog(user, target, p.get("visibility").unwrap_or("public"), now);
            }
            "unreblog" => self.unreblog(user, target),
            _ => {}
        }
        Ok(target)
    }

    fn reblog(&mut self, user: &str, target: u64, visibility: &str, now: u64) -> ApiResult<u64> {
        if let Some(w) = self.us(user).reblogs.get(&target) {
            return Ok(*w);
        }
        let me = self
            .user(user)
            .ok_or_else(ApiError::not_found)?
            .account_id
            .clone();
        let rec = &self.statuses[&target];
        let allowed = match rec.visibility.as_str() {
            "public" | "unlisted" => true,
            "private" => rec.account_id == me,
            _ => false,
        };
        if !allowed {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "This action is not allowed",
            ));
        }
        let visibility = match visibility {
            "unlisted" | "private" => visibility,
            _ if rec.visibility == "private" => "private",
            _ => "public",
        };
        let id = self.next_id(now);
        let acc = self.accounts.get(&me).cloned().unwrap_or_default();
        let mut v = seed::status_skeleton(&acc, id, now, visibility, "");
        let base = acc["url"]
            .as_str()
            .unwrap_or("")
            .rsplit_once("/@")
            .map(|(b, _)| b.to_string())
            .unwrap_or_default();
        v["uri"] = json!(format!("{}/activity", v["uri"].as_str().unwrap_or("")));
        v["url"] = json!(format!(
            "{base}/users/{}/statuses/{id}/activity",
            acc["username"].as_str().unwrap_or("")
        ));
        v["application"] = Value::Null;
        v["language"] = Value::Null;
        self.insert(StatusRec {
            id,
            json: v,
            account_id: me.clone(),
            reblog_of: Some(target),
            poll_id: None,
            in_reply_to: None,
            visibility: visibility.into(),
            tags: Vec::new(),
            has_media: false,
        });
        self.us(user).reblogs.insert(target, id);
        bump(self, target, "reblogs_count", 1);
        self.fan_out(id);
        let ev = status_events(self, id, "update");
        self.outbox.extend(ev);
        self.notify_author(target, "reblog", &me, now);
        Ok(id)
    }

    fn unreblog(&mut self, user: &str, target: u64) {
        let Some(w) = self.us(user).reblogs.remove(&target) else {
            return;
        };
        bump(self, target, "reblogs_count", -1);
        self.remove_status(w);
    }

    /// Removes a status from the store and every home; queues `delete` for everyone.
    pub fn remove_status(&mut self, id: u64) {
        self.statuses.remove(&id);
        for h in self.homes.values_mut() {
            h.retain(|x| *x != id);
        }
        self.outbox.push(Event {
            user: None,
            streams: all_streams(),
            event: "delete".into(),
            payload: Payload::Text(id.to_string()),
        });
    }
}

/// Every stream a `delete` may concern (sockets get it once per matching subscription).
fn all_streams() -> Vec<Vec<String>> {
    [
        "user",
        "public",
        "public:local",
        "public:remote",
        "public:media",
        "public:local:media",
        "public:remote:media",
    ]
    .iter()
    .map(|s| vec![s.to_string()])
    .collect()
}

async fn action(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Json<Value>> {
    let action = uri.path().rsplit('/').next().unwrap_or("").to_string();
    let scope = if action.contains("bookmark") {
        "write:bookmarks"
    } else if action.contains("favourite") {
        "write:favourites"
    } else {
        "write:statuses"
    };
    let user = require_user(&state, &headers, &uri, scope)?;
    let id: u64 = id.parse().map_err(|_| ApiError::not_found())?;
    let now = clock::now_ms();
    let mut store = state.store.write().unwrap();
    let answer = store.act(&user, &action, id, &p, now)?;
    let events = std::mem::take(&mut store.outbox);
    let v = store
        .render_status(answer, Some(&user), now)
        .ok_or_else(ApiError::not_found)?;
    drop(store);
    state.hub.publish(events);
    Ok(Json(v))
}

/// Pages `(cursor, status)` pairs (oldest first) newest-first by cursor; Link uses cursors.
pub fn cursor_page(
    state: &Shared,
    store: &Store,
    pairs: &[(u64, u64)],
    uri: &Uri,
    p: &Params,
    user: &str,
) -> Response {
    let cursors: Vec<u64> = pairs.iter().rev().map(|(c, _)| *c).collect();
    let (page, older) = paging::page(&cursors, PageQuery::from_params(p, 20, 40));
    let link = paging::link_header(&state.origin, uri.path(), uri.query(), &page, older);
    let now = clock::now_ms();
    let items = page
        .iter()
        .filter_map(|c| pairs.iter().find(|(x, _)| x == c))
        .filter_map(|(_, s)| store.render_status(*s, Some(user), now))
        .collect();
    paging::respond(items, link)
}

async fn favourites(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:favourites")?;
    let store = state.store.read().unwrap();
    let pairs = store
        .per_user
        .get(&user)
        .map(|u| u.favourites.clone())
        .unwrap_or_default();
    Ok(cursor_page(&state, &store, &pairs, &uri, &p, &user))
}

async fn bookmarks(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    p: Params,
) -> ApiResult<Response> {
    let user = require_user(&state, &headers, &uri, "read:bookmarks")?;
    let store = state.store.read().unwrap();
    let pairs = store
        .per_user
        .get(&user)
        .map(|u| u.bookmarks.clone())
        .unwrap_or_default();
    Ok(cursor_page(&state, &store, &pairs, &uri, &p, &user))
}
