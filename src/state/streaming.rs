//! Live updates: one streaming WebSocket per active account (the `user` stream: home and
//! notifications, plus the public/local/hashtag/list streams of open timelines, multiplexed
//! with `subscribe` messages), dispatching events to the feeds, the cache, notifications and
//! conversations.
//!
//! After a disconnect it reconnects with exponential backoff and jitter, then fills the gap
//! through the REST API ([`super::gap_fill`]) so nothing posted meanwhile is missed. While
//! there is no connection (streaming unavailable or down) it polls every 60 s instead.
//!
//! Providing the context is cheap and happens with the app; [`Streaming::start`] (the socket,
//! its decoding and the polling) is called once the home view is on screen, from the on-demand
//! part [`crate::parts::LIVE`], so live updates never delay the first status.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};

use super::{
    cache::StatusCache,
    conversations::Conversations,
    feed::{Feed, Feeds},
    gap_fill::{Fetched, GapStep, fresh_ids, next_step},
    login::cached_capabilities,
    notifications::Notifications,
    session::Session,
};
use crate::api::{
    ApiError, Client,
    streaming::{StreamEvent, StreamMessage, stream_url},
    timelines::{self, TimelineKind},
};

const POLL_EVERY: Duration = Duration::from_secs(60);

/// The reconnect delay for `attempt` (0-based): 1 s doubling up to 60 s, with "equal jitter"
/// (half fixed, half random, `random` in 0..1) so many clients don't return at once.
pub fn backoff_ms(attempt: u32, random: f64) -> u64 {
    let base = 1_000u64.saturating_mul(1 << attempt.min(6)).min(60_000);
    base / 2 + (base as f64 / 2.0 * random.clamp(0.0, 1.0)) as u64
}

/// The stream a timeline listens to, as `subscribe` names it: (stream, extra param).
pub fn stream_of(kind: &TimelineKind) -> Option<(&'static str, Option<(&'static str, String)>)> {
    Some(match kind {
        TimelineKind::Home => return None,
        TimelineKind::Local => ("public:local", None),
        TimelineKind::Federated => ("public", None),
        TimelineKind::Tag(t) => ("hashtag", Some(("tag", t.clone()))),
        TimelineKind::List(id) => ("list", Some(("list", id.clone()))),
        TimelineKind::Account(..) => return None,
    })
}

/// The timeline an event's `stream` array belongs to.
pub fn timeline_of(stream: &[String]) -> Option<TimelineKind> {
    let name = stream.first()?.as_str();
    let param = stream.get(1).cloned();
    Some(match name {
        "user" => TimelineKind::Home,
        "public:local" => TimelineKind::Local,
        "public" => TimelineKind::Federated,
        "hashtag" => TimelineKind::Tag(param?),
        "list" => TimelineKind::List(param?),
        _ => return None,
    })
}

#[cfg(target_arch = "wasm32")]
type Socket = crate::api::streaming::Socket;
#[cfg(not(target_arch = "wasm32"))]
type Socket = ();

#[derive(Clone, Copy)]
pub struct Streaming {
    /// The socket is open.
    pub connected: RwSignal<bool>,
    socket: StoredValue<Option<Socket>, LocalStorage>,
    generation: StoredValue<u64>,
    attempt: StoredValue<u32>,
    opened_before: StoredValue<bool>,
    /// Open timelines with a stream of their own, counted (a page may mount twice).
    watched: StoredValue<Vec<TimelineKind>>,
    session: Session,
    cache: StatusCache,
    feeds: Feeds,
    notifications: Notifications,
    conversations: Conversations,
}

pub fn provide_streaming(
    session: Session,
    cache: StatusCache,
    feeds: Feeds,
    notifications: Notifications,
    conversations: Conversations,
) {
    let s = Streaming {
        connected: RwSignal::new(false),
        socket: StoredValue::new_local(None),
        generation: StoredValue::new(0),
        attempt: StoredValue::new(0),
        opened_before: StoredValue::new(false),
        watched: StoredValue::new(Vec::new()),
        session,
        cache,
        feeds,
        notifications,
        conversations,
    };
    provide_context(s);
}

/// Provides everything live for the active account: markers, notifications, conversations
/// and the stream feeding them. Call after the session, cache and feeds are provided.
pub fn provide_live() {
    let session = super::session::use_session();
    let cache = super::cache::use_status_cache();
    let markers = super::markers::provide_markers(session);
    let notifications = super::notifications::provide_notifications(session, cache, markers);
    let conversations = super::conversations::provide_conversations(session, cache);
    provide_streaming(
        session,
        cache,
        super::feed::use_feeds(),
        notifications,
        conversations,
    );
}

pub fn use_streaming() -> Streaming {
    expect_context::<Streaming>()
}

impl Streaming {
    /// Connects for the active account (again whenever it changes) and polls while there is
    /// no connection. Call once, inside the app's reactive owner.
    pub fn start(self) {
        let session = self.session;
        let key = Memo::new(move |_| session.client().map(|_| session.active().map(|a| a.key())));
        Effect::new(move |_| {
            let _ = key.get();
            self.generation.update_value(|g| *g += 1);
            self.socket.set_value(None);
            self.connected.set(false);
            self.attempt.set_value(0);
            self.opened_before.set_value(false);
            self.connect();
        });
        let poll = set_interval_with_handle(
            move || {
                if !self.connected.get_untracked() {
                    self.catch_up();
                }
            },
            POLL_EVERY,
        )
        .ok();
        on_cleanup(move || {
            if let Some(p) = poll {
                p.clear();
            }
        });
    }

    fn connect(self) {
        let Some(account) = untrack(|| self.session.active()).filter(|a| !a.expired) else {
            return;
        };
        let caps = cached_capabilities(&account.origin);
        let url = stream_url(
            caps.and_then(|c| c.streaming_url).as_deref(),
            &account.origin,
            "user",
        );
        self.open(&url, &account.token);
    }

    #[cfg(target_arch = "wasm32")]
    fn open(self, url: &str, token: &str) {
        let generation = self.generation.get_value();
        let current = move || self.generation.get_value() == generation;
        let socket = Socket::open(
            url,
            token,
            move || {
                if !current() {
                    return;
                }
                self.connected.set(true);
                self.attempt.set_value(0);
                if self.opened_before.get_value() {
                    self.catch_up();
                }
                self.opened_before.set_value(true);
                for kind in self.watched.get_value() {
                    self.send_subscription("subscribe", &kind);
                }
            },
            move |msg| {
                if current() {
                    self.dispatch(msg);
                }
            },
            move || {
                if current() {
                    self.connected.set(false);
                    self.schedule_reconnect(generation);
                }
            },
        );
        match socket {
            Some(s) => self.socket.set_value(Some(s)),
            None => self.schedule_reconnect(generation),
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn open(self, _url: &str, _token: &str) {}

    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn schedule_reconnect(self, generation: u64) {
        let attempt = self.attempt.get_value();
        self.attempt.set_value(attempt + 1);
        let delay = backoff_ms(attempt, js_sys::Math::random());
        set_timeout(
            move || {
                if self.generation.get_value() == generation {
                    // Dropped here, outside the socket's own callbacks.
                    self.socket.set_value(None);
                    self.connect();
                }
            },
            Duration::from_millis(delay),
        );
    }

    #[cfg(target_arch = "wasm32")]
    fn send_subscription(&self, kind_of_message: &str, kind: &TimelineKind) {
        let Some((stream, extra)) = stream_of(kind) else {
            return;
        };
        let mut msg = serde_json::json!({ "type": kind_of_message, "stream": stream });
        if let Some((k, v)) = extra {
            msg[k] = serde_json::Value::String(v);
        }
        self.socket.with_value(|s| {
            if let Some(s) = s {
                s.send(&msg.to_string());
            }
        });
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn send_subscription(&self, _: &str, _: &TimelineKind) {}

    /// An open timeline wants its stream (no-op for home: the `user` stream has it).
    pub fn watch(&self, kind: TimelineKind) {
        if stream_of(&kind).is_none() {
            return;
        }
        let first = !self.watched.with_value(|w| w.contains(&kind));
        self.watched.update_value(|w| w.push(kind.clone()));
        if first && self.connected.get_untracked() {
            self.send_subscription("subscribe", &kind);
        }
    }

    pub fn unwatch(&self, kind: TimelineKind) {
        let mut last = false;
        self.watched.update_value(|w| {
            if let Some(i) = w.iter().position(|k| *k == kind) {
                w.remove(i);
                last = !w.contains(&kind);
            }
        });
        if last && self.connected.get_untracked() {
            self.send_subscription("unsubscribe", &kind);
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn dispatch(&self, msg: StreamMessage) {
        match msg.event {
            StreamEvent::Update(status) => {
                let Some(kind) = timeline_of(&msg.stream) else {
                    return;
                };
                if let Some(feed) = self.feeds.existing(&kind).filter(Feed::is_loaded) {
                    let id = self.cache.insert(*status);
                    feed.add_pending(vec![id]);
                }
            }
            StreamEvent::Delete(id) => {
                for feed in self.feeds.all() {
                    feed.remove(&id);
                }
            }
            StreamEvent::StatusUpdate(status) => {
                if self.cache.get(&status.id).is_some() {
                    self.cache.insert(*status);
                }
            }
            StreamEvent::Notification(n) => self.notifications.on_live(*n),
            StreamEvent::Conversation(c) => self.conversations.on_live(*c),
            // Filters are read with each page; nothing cached to refresh yet.
            StreamEvent::FiltersChanged => {}
        }
    }

    /// Fills every open feed's gap through the REST API, and refreshes notifications.
    pub fn catch_up(&self) {
        let Some(client) = self.session.client() else {
            return;
        };
        for feed in self.feeds.all().into_iter().filter(Feed::is_loaded) {
            let (client, cache, session) = (client.clone(), self.cache, self.session);
            spawn_local(async move {
                if let Err(e) = fill_gap(&client, feed, cache).await {
                    session.check(&e);
                }
            });
        }
        self.notifications.catch_up();
        self.conversations.catch_up();
    }
}

/// Requests the pages the planner asks for and queues what is new in the feed's pill.
async fn fill_gap(client: &Client, feed: Feed, cache: StatusCache) -> Result<(), ApiError> {
    let kind = feed.kind.get_value();
    let Some(newest) = feed.newest_id() else {
        return Ok(());
    };
    let mut fetched: Vec<Fetched> = Vec::new();
    while let GapStep::Fetch(url) = next_step(&kind.first_page_path(), Some(&newest), &fetched) {
        let page = timelines::page(client, &kind, Some(&url)).await?;
        fetched.push(Fetched {
            ids: page.items.into_iter().map(|s| cache.insert(s)).collect(),
            prev: page.prev,
        });
    }
    let seen = feed.ids.get_untracked();
    feed.add_pending(fresh_ids(&fetched, &newest, &seen));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        assert_eq!(backoff_ms(0, 0.0), 500);
        assert_eq!(backoff_ms(0, 1.0), 1_000);
        assert_eq!(backoff_ms(2, 0.0), 2_000);
        assert_eq!(backoff_ms(20, 1.0), 60_000);
        assert!((30_000..=60_000).contains(&backoff_ms(9, 0.5)));
    }

    #[test]
    fn streams_and_timelines_map_both_ways() {
        for kind in [
            TimelineKind::Local,
            TimelineKind::Federated,
            TimelineKind::Tag("rust".into()),
            TimelineKind::List("4".into()),
        ] {
            let (stream, extra) = stream_of(&kind).expect("has a stream");
            let mut names = vec![stream.to_string()];
            names.extend(extra.map(|(_, v)| v));
            assert_eq!(timeline_of(&names), Some(kind));
        }
        assert_eq!(stream_of(&TimelineKind::Home), None);
        assert_eq!(timeline_of(&["user".into()]), Some(TimelineKind::Home));
        assert_eq!(timeline_of(&["direct".into()]), None);
    }
}
