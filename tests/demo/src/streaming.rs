//! The streaming API: a WebSocket at `/api/v1/streaming` fed by an in-process hub.
//!
//! Mutations push [`Event`]s into `Store::outbox`; handlers hand them to the [`Hub`] (a
//! broadcast channel) and every open socket forwards those matching its subscriptions. The
//! payload is rendered per socket (for its user) and sent as a JSON **string**, exactly as
//! Mastodon's streaming server does: `{"stream":["user"],"event":"update","payload":"{…}"}`;
//! `delete` carries the bare id; `filters_changed` has no payload.
//!
//! Auth: the token comes as the `Sec-WebSocket-Protocol` (echoed back as the accepted
//! subprotocol), `?access_token=` or `Authorization`. A missing or bad token is refused
//! with 401 before the upgrade, so the client sees the socket close.

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::broadcast;

use crate::error::ApiError;
use crate::{Shared, clock, conversations, notify as notifications};

/// What an event carries; rendered for the receiving socket's user.
#[derive(Debug, Clone)]
pub enum Payload {
    None,
    /// A raw string (the id of a `delete`).
    Text(String),
    Status(u64),
    /// A notification id of the event's user.
    Notification(u64),
    /// A conversation id of the event's user.
    Conversation(u64),
}

/// One streaming event and the streams it goes to.
#[derive(Debug, Clone)]
pub struct Event {
    /// Only sockets of this demo user receive it (None = every socket).
    pub user: Option<String>,
    /// Stream keys, e.g. `["user"]`, `["hashtag","rust"]`, `["list","1"]`.
    pub streams: Vec<Vec<String>>,
    pub event: String,
    pub payload: Payload,
}

impl Event {
    pub fn for_user(user: &str, stream: &str, event: &str, payload: Payload) -> Self {
        Self {
            user: Some(user.to_string()),
            streams: vec![vec![stream.to_string()]],
            event: event.into(),
            payload,
        }
    }
}

#[derive(Debug, Clone)]
enum HubMsg {
    Event(Arc<Event>),
    Drop,
}

/// Fans events out to every open socket.
pub struct Hub {
    tx: broadcast::Sender<HubMsg>,
}

impl Default for Hub {
    fn default() -> Self {
        Self {
            tx: broadcast::channel(4096).0,
        }
    }
}

impl Hub {
    pub fn publish(&self, events: Vec<Event>) {
        for e in events {
            let _ = self.tx.send(HubMsg::Event(Arc::new(e)));
        }
    }

    /// Closes every open socket; returns how many there were.
    pub fn drop_all(&self) -> usize {
        self.tx.send(HubMsg::Drop).unwrap_or(0)
    }

    /// Open sockets right now.
    pub fn connections(&self) -> usize {
        self.tx.receiver_count()
    }
}

/// The exact frame Mastodon sends: payload (if any) is a string, never an object.
pub fn frame(stream: &[String], event: &str, payload: Option<&str>) -> String {
    let mut v = json!({ "stream": stream, "event": event });
    if let Some(p) = payload {
        v["payload"] = json!(p);
    }
    v.to_string()
}

const STREAMS: &[&str] = &[
    "user",
    "user:notification",
    "public",
    "public:media",
    "public:local",
    "public:local:media",
    "public:remote",
    "public:remote:media",
    "hashtag",
    "hashtag:local",
    "list",
    "direct",
];

/// The subscription key for a stream name and its `tag`/`list` parameter.
fn stream_key(
    stream: &str,
    tag: Option<&str>,
    list: Option<&str>,
) -> Result<Vec<String>, &'static str> {
    if !STREAMS.contains(&stream) {
        return Err("Unknown stream type");
    }
    Ok(match stream {
        "hashtag" | "hashtag:local" => {
            let t = tag
                .filter(|t| !t.is_empty())
                .ok_or("No tag for stream provided")?;
            vec![stream.into(), t.trim_start_matches('#').to_lowercase()]
        }
        "list" => vec![
            stream.into(),
            list.filter(|l| !l.is_empty())
                .ok_or("No list for stream provided")?
                .into(),
        ],
        _ => vec![stream.into()],
    })
}

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/streaming", get(connect))
        .route("/api/v1/streaming/", get(connect))
        .route("/api/v1/streaming/health", get(|| async { "OK" }))
}

async fn connect(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<HashMap<String, String>>,
    ws: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Response {
    let protocol = headers
        .get(header::SEC_WEBSOCKET_PROTOCOL)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    let user = match &protocol {
        Some(token) => state
            .oauth
            .lock()
            .unwrap()
            .tokens
            .get(token)
            .and_then(|t| t.username.clone()),
        None => crate::auth::optional_user(&state, &headers, &uri)
            .ok()
            .flatten(),
    };
    let Some(user) = user else {
        return ApiError::invalid_token().into_response();
    };
    let Ok(ws) = ws else {
        return ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "Expected a WebSocket upgrade",
        )
        .into_response();
    };
    let mut subs = Vec::new();
    if let Some(s) = q.get("stream") {
        match stream_key(
            s,
            q.get("tag").map(String::as_str),
            q.get("list").map(String::as_str),
        ) {
            Ok(k) => subs.push(k),
            Err(e) => return ApiError::new(axum::http::StatusCode::BAD_REQUEST, e).into_response(),
        }
    }
    let ws = match protocol {
        Some(p) => ws.protocols([p]),
        None => ws,
    };
    ws.on_upgrade(move |socket| run(state, user, subs, socket))
}

async fn run(state: Shared, user: String, mut subs: Vec<Vec<String>>, mut socket: WebSocket) {
    let mut rx = state.hub.tx.subscribe();
    loop {
        tokio::select! {
            msg = socket.recv() => match msg {
                Some(Ok(Message::Text(t))) => {
                    if let Some(reply) = control(&mut subs, t.as_str()) {
                        let _ = socket.send(Message::Text(reply.into())).await;
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                _ => {}
            },
            ev = rx.recv() => match ev {
                Ok(HubMsg::Drop) | Err(broadcast::error::RecvError::Closed) => {
                    let _ = socket.send(Message::Close(None)).await;
                    break;
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Ok(HubMsg::Event(e)) => {
                    for f in frames_for(&state, &user, &subs, &e) {
                        if socket.send(Message::Text(f.into())).await.is_err() {
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// Handles a `subscribe`/`unsubscribe` message; returns an error frame to send, if any.
fn control(subs: &mut Vec<Vec<String>>, text: &str) -> Option<String> {
    let v: Value = serde_json::from_str(text).ok()?;
    let kind = v["type"].as_str().unwrap_or("");
    let stream = v["stream"].as_str().unwrap_or("");
    let list = v["list"]
        .as_str()
        .map(str::to_string)
        .or(v["list"].as_u64().map(|n| n.to_string()));
    let key = match stream_key(stream, v["tag"].as_str(), list.as_deref()) {
        Ok(k) => k,
        Err(e) => return Some(json!({ "error": e, "status": 400 }).to_string()),
    };
    match kind {
        "subscribe" if !subs.contains(&key) => subs.push(key),
        "unsubscribe" => subs.retain(|s| s != &key),
        _ => {}
    }
    None
}

/// The frames one socket sends for an event (one per matching subscription).
fn frames_for(state: &Shared, user: &str, subs: &[Vec<String>], e: &Event) -> Vec<String> {
    if e.user.as_deref().is_some_and(|u| u != user) {
        return Vec::new();
    }
    let matching: Vec<&Vec<String>> = subs.iter().filter(|s| e.streams.contains(s)).collect();
    if matching.is_empty() {
        return Vec::new();
    }
    let store = state.store.read().unwrap();
    let now = clock::now_ms();
    let payload = match &e.payload {
        Payload::None => None,
        Payload::Text(t) => Some(t.clone()),
        Payload::Status(id) => {
            if e.user.is_none() && store.hidden_for(user, *id, now) {
                return Vec::new();
            }
            Some(
                store
                    .render_status(*id, Some(user), now)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            )
        }
        Payload::Notification(id) => {
            notifications::render_by_id(&store, user, *id, now).map(|v| v.to_string())
        }
        Payload::Conversation(id) => {
            conversations::render_by_id(&store, user, *id, now).map(|v| v.to_string())
        }
    };
    if !matches!(e.payload, Payload::None | Payload::Text(_))
        && payload.as_deref().is_none_or(str::is_empty)
    {
        return Vec::new();
    }
    matching
        .into_iter()
        .map(|s| frame(s, &e.event, payload.as_deref()))
        .collect()
}

/// Events for a status that just appeared: `update` on the homes that hold it, the public
/// and hashtag streams it qualifies for, and the lists whose members wrote it.
pub fn status_events(store: &crate::store::Store, id: u64, event: &str) -> Vec<Event> {
    let Some(s) = store.statuses.get(&id) else {
        return Vec::new();
    };
    let mut out: Vec<Event> = store
        .homes
        .iter()
        .filter(|(_, h)| h.binary_search_by(|x| id.cmp(x)).is_ok())
        .map(|(u, _)| Event::for_user(u, "user", event, Payload::Status(id)))
        .collect();
    let mut public: Vec<Vec<String>> = Vec::new();
    if store.public_ids_contains(id) {
        let local = store.is_local(&s.account_id);
        let scope = if local {
            "public:local"
        } else {
            "public:remote"
        };
        public.push(vec!["public".into()]);
        public.push(vec![scope.into()]);
        if s.has_media {
            public.push(vec!["public:media".into()]);
            public.push(vec![format!("{scope}:media")]);
        }
    }
    if s.visibility == "public" && s.reblog_of.is_none() {
        for t in &s.tags {
            public.push(vec!["hashtag".into(), t.clone()]);
            if store.is_local(&s.account_id) {
                public.push(vec!["hashtag:local".into(), t.clone()]);
            }
        }
    }
    if !public.is_empty() {
        out.push(Event {
            user: None,
            streams: public,
            event: event.into(),
            payload: Payload::Status(id),
        });
    }
    if s.visibility != "direct" {
        for l in store
            .lists
            .iter()
            .filter(|l| l.members.contains(&s.account_id))
        {
            out.push(Event {
                user: Some(l.owner.clone()),
                streams: vec![vec!["list".into(), l.id.clone()]],
                event: event.into(),
                payload: Payload::Status(id),
            });
        }
    }
    out
}

/// `GET /__demo/stream` style summary (open sockets).
pub fn summary(state: &Shared) -> Json<Value> {
    Json(json!({ "connections": state.hub.connections() }))
}
