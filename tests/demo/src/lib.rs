//! Woolly's demo instance: a small, protocol-faithful Mastodon API server held in memory.
//!
//! It serves two purposes: Woolly's end-to-end tests run against it, and the product embeds it
//! as the default instance so a newcomer without internet sees a working client. Everything it
//! hands out, including every image URL, points back at itself.
//!
//! # Map
//! - [`build_state`] seeds the data (fixtures re-id'd + generated volume + threads, social
//!   state and notifications, `seed/`) and [`router`] builds the instance's axum `Router`;
//!   [`static_app::router`] serves the web app.
//! - Middleware: `cors.rs` (CORS + `X-Request-Id`), `ratelimit.rs` (`X-RateLimit-*`, 429),
//!   `control.rs` (fault injection).
//! - State: `store.rs` (statuses, accounts, rendering per viewer), `userstate.rs` (per-user
//!   favourites, boosts, pins, relationships, notifications, markers, conversations, …).
//! - Endpoints: `oauth.rs` (+ `authorize_page.rs`), `instance.rs`, `accounts.rs`,
//!   `timelines.rs` (+ `paging.rs`), `statuses.rs` (show, context, polls), `posting.rs`
//!   (+ `compose.rs`, `scheduled.rs`), `edits.rs` (edit, delete, history, source),
//!   `actions.rs` (favourite … unpin, favourites, bookmarks), `relations.rs` +
//!   `social_lists.rs` (follow … note, relationships, followers/following, blocks, mutes,
//!   domain blocks, follow requests, reports), `search.rs`, `notifications.rs` (+ `notify.rs`),
//!   `conversations.rs` (+ markers), `uploads.rs` (media upload), `streaming.rs` (WebSocket),
//!   `media.rs` (generated SVGs).
//!
//! # Mastodon API served (besides OAuth, instance, timelines, lists)
//! - Statuses: `POST /api/v1/statuses` (form or JSON; `Idempotency-Key` kept an hour per
//!   user; `scheduled_at` → ScheduledStatus), `GET|PUT|DELETE /api/v1/statuses/:id`,
//!   `…/context`, `…/history`, `…/source`, `POST …/{favourite,unfavourite,reblog,unreblog,
//!   bookmark,unbookmark,mute,unmute,pin,unpin}`, `GET /api/v1/favourites`, `/bookmarks`,
//!   `GET|PUT|DELETE /api/v1/scheduled_statuses[/:id]`, polls.
//! - Accounts: `GET /api/v1/accounts/:id`, `…/statuses` (`pinned`, `exclude_replies`,
//!   `exclude_reblogs`, `only_media`), `…/followers`, `…/following`, `lookup`,
//!   `relationships?id[]=`, `POST …/{follow,unfollow,block,unblock,mute,unmute,endorse,
//!   unendorse,pin,unpin,note,remove_from_followers}`, `GET /api/v1/blocks`, `/mutes`,
//!   `/endorsements`, `GET|POST|DELETE /api/v1/domain_blocks`, `POST /api/v1/reports`,
//!   `GET /api/v1/follow_requests`, `POST …/:id/authorize|reject`, `GET /api/v2/search`.
//! - Notifications: `GET /api/v1/notifications[/:id]`, `POST …/clear`, `…/:id/dismiss`,
//!   `GET /api/v1/notifications/requests`, `GET /api/v2/notifications`,
//!   `…/unread_count`, `…/policy`, `POST /api/v2/notifications/:group_key/dismiss`.
//! - `GET|POST /api/v1/markers`, `GET /api/v1/conversations`, `POST …/:id/read`, `DELETE …/:id`.
//! - Media: `POST /api/v2/media` (202, `url: null` while processing), `POST /api/v1/media`,
//!   `GET|PUT /api/v1/media/:id` (206 until processed), files at `/media/uploads/:id`.
//! - Streaming: WebSocket `GET /api/v1/streaming` (token as `Sec-WebSocket-Protocol`, echoed,
//!   or `?access_token=`; `?stream=…&tag=…&list=…`; `subscribe`/`unsubscribe` messages),
//!   `GET /api/v1/streaming/health`.
//!
//! # Test control (not Mastodon API)
//! - `POST /__demo/config` JSON, every key optional:
//!   `{"pkce_metadata": bool, "rate_limit": n, "rate_window_secs": n,
//!     "grouped_notifications": bool, "media_processing_ms": n, "idempotency": bool,
//!     "fail_next": {"path_prefix": "/api/v1/timelines", "path_suffix": "/favourite",
//!                   "path": "/api/v1/statuses", "method": "POST", "commit": false,
//!                   "status": 500, "count": 1, "delay_ms": 0, "body": "truncate",
//!                   "reset_in_ms": 2000}}`.
//!   `fail_next` fails the next `count` requests matching every given matcher (`path_prefix`
//!   default "" = any, `path_suffix`, exact `path`, `method`) with `status` and a JSON
//!   `{"error"}` body, after waiting `delay_ms`. `status: 0` hangs for `delay_ms` (default
//!   30 s) and then answers 504, to simulate a timeout. Without `status`, the request is only
//!   delayed and then served normally. `commit: true` runs the request first (a post is
//!   really created, as on a slow server) and then delays/fails the answer, so a retry with
//!   the same `Idempotency-Key` gets the same status. `body: "truncate"` serves the request
//!   and answers half its body; `body: "drop"` serves it and breaks the connection mid-body
//!   (both: the post exists, the answer is lost). A `429` carries `X-RateLimit-Reset`
//!   `reset_in_ms` (default 2000) ahead.
//!   `idempotency: false` (or `--ignore-idempotency-key`) ignores `Idempotency-Key`, as
//!   GoToSocial does: every retry posts again.
//!   `grouped_notifications: false` makes `/api/v2/notifications*` 404 (server < 4.3).
//! - `POST /__demo/reset`: data (statuses, polls, votes, per-user state) and config back to
//!   the start state. Registered apps and tokens survive, so a signed-in client stays signed in.
//! - `GET /__demo/state`: a JSON summary (counts per home, config, open streaming sockets)
//!   and `facts`: seeded ids tests can rely on (locked/open accounts, big thread, self-thread,
//!   an edited status, a poll alice has not voted in, pins, DMs, …; see `seed/facts.rs`).
//! - `POST /__demo/statuses` JSON `{"username":"bob","text":"…","visibility":"public",
//!   "spoiler_text":"","in_reply_to_id":null,"language":"en"}`: posts now as a demo user
//!   (same path as the API: homes, mentions, notifications, streaming). Returns the Status.
//! - `POST /__demo/act` JSON `{"username":"bob","action":"favourite","status_id":"…"}`:
//!   another user acts. Demo users: any status action (`favourite`, `reblog`, `bookmark`, …
//!   with `status_id`), any account action (`follow`, `mute`, `block`, … with `account_id`
//!   or `target` username/acct, `params` object for `duration` etc.), or `post`/`reply`/
//!   `mention` with `text` (+ `status_id` to reply to). Other accounts (by acct, e.g.
//!   `dana@example.social`): `favourite`/`reblog` (counts + notification) and `follow`.
//! - `POST /__demo/stream/emit` JSON `{"username":"alice","stream":"user","event":"update",
//!   "status_id":"…"}` (also `tag`, `list`, `notification_id`, raw `payload`; `delete` sends
//!   `status_id` as the bare id): a scripted event to the matching open sockets.
//! - `POST /__demo/stream/drop`: closes every open streaming socket (`{"dropped": n}`).
//!
//! Rate limiting defaults to 3000 requests per 5 minutes per token (Mastodon's real 300 is
//! easy for an end-to-end run to hit); `--rate-limit` or `/__demo/config` changes it.

use axum::Router;
use axum::routing::{get, post};
use std::sync::{Arc, Mutex, RwLock};

pub mod accounts;
pub mod actions;
pub mod auth;
mod authorize;
mod authorize_page;
pub mod clock;
pub mod compose;
pub mod control;
pub mod control_act;
pub mod conversations;
pub mod cors;
pub mod edits;
pub mod error;
pub mod instance;
pub mod media;
pub mod notifications;
pub mod notify;
pub mod oauth;
pub mod paging;
pub mod params;
pub mod posting;
pub mod ratelimit;
pub mod relations;
pub mod scheduled;
pub mod search;
pub mod seed;
pub mod social_lists;
pub mod static_app;
pub mod statuses;
pub mod store;
pub mod streaming;
pub mod timelines;
pub mod uploads;
pub mod userstate;

/// Start-up options (the CLI flags that shape the instance).
#[derive(Debug, Clone)]
pub struct Options {
    /// Serve `/.well-known/oauth-authorization-server` (Mastodon 4.3+). Off = an older server.
    pub pkce_metadata: bool,
    /// Requests per rate-limit window and token.
    pub rate_limit: u32,
    /// Remember `Idempotency-Key`; off = a server that ignores it.
    pub idempotency: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            pkce_metadata: true,
            rate_limit: 3000,
            idempotency: true,
        }
    }
}

/// Switches tests can flip at run time through `/__demo/config`.
#[derive(Debug, Clone)]
pub struct Config {
    pub pkce_metadata: bool,
    pub rate_limit: u32,
    pub rate_window_ms: u64,
    pub fail_rules: Vec<control::FailRule>,
    /// Off = `/api/v2/notifications` answers 404 (a server older than 4.3).
    pub grouped_notifications: bool,
    /// How long an upload "processes" (202/206) before its `url` appears.
    pub media_processing_ms: u64,
    /// Remember `Idempotency-Key` (Mastodon); off = ignore it (GoToSocial and others).
    pub idempotency: bool,
}

impl Config {
    fn from_options(o: &Options) -> Self {
        Self {
            pkce_metadata: o.pkce_metadata,
            rate_limit: o.rate_limit,
            rate_window_ms: 300_000,
            fail_rules: Vec::new(),
            grouped_notifications: true,
            media_processing_ms: 1500,
            idempotency: o.idempotency,
        }
    }
}

/// Shared state behind every handler.
pub struct AppState {
    /// `http://127.0.0.1:<port>`: the origin every URL the demo hands out starts with.
    pub origin: String,
    /// The moment the seed was built; generated statuses lie before it.
    pub seed_now: u64,
    pub options: Options,
    pub store: RwLock<store::Store>,
    /// The pristine seed, for `/__demo/reset`.
    pub seed: store::Store,
    pub oauth: Mutex<oauth::OAuthState>,
    pub config: Mutex<Config>,
    pub rate: Mutex<ratelimit::RateState>,
    /// Streaming fan-out to open WebSockets.
    pub hub: streaming::Hub,
}

impl AppState {
    /// `127.0.0.1:<port>`: the instance's domain (local accts are bare usernames).
    pub fn domain(&self) -> &str {
        self.origin.split("://").nth(1).unwrap_or(&self.origin)
    }
}

pub type Shared = Arc<AppState>;

/// Seeds the instance for `origin` (e.g. `http://127.0.0.1:3000`).
pub fn build_state(origin: &str, options: Options) -> Shared {
    let origin = origin.trim_end_matches('/').to_string();
    let now = clock::now_ms();
    let seed = seed::build(&origin, now);
    Arc::new(AppState {
        store: RwLock::new(seed.clone()),
        seed,
        seed_now: now,
        oauth: Mutex::new(oauth::OAuthState::default()),
        config: Mutex::new(Config::from_options(&options)),
        rate: Mutex::new(ratelimit::RateState::default()),
        hub: streaming::Hub::default(),
        options,
        origin,
    })
}

/// The instance's routes with all middleware.
pub fn router(state: Shared) -> Router {
    let api = Router::new()
        .route("/api/v1/apps", post(oauth::create_app))
        .route("/api/v1/apps/verify_credentials", get(oauth::verify_app))
        .route(
            "/oauth/authorize",
            get(authorize::get_page).post(authorize::post_form),
        )
        .route("/oauth/token", post(oauth::token))
        .route("/oauth/revoke", post(oauth::revoke))
        .merge(instance::routes())
        .merge(accounts::routes())
        .merge(timelines::routes())
        .merge(statuses::routes())
        .merge(media::routes())
        .merge(actions::routes())
        .merge(edits::routes())
        .merge(relations::routes())
        .merge(social_lists::routes())
        .merge(search::routes())
        .merge(notifications::routes())
        .merge(conversations::routes())
        .merge(scheduled::routes())
        .merge(uploads::routes())
        .merge(streaming::routes())
        .merge(control::routes())
        .fallback(|| async {
            error::ApiError::new(axum::http::StatusCode::NOT_FOUND, "Not found")
        });
    api.layer(axum::middleware::from_fn_with_state(
        state.clone(),
        ratelimit::layer,
    ))
    .layer(axum::middleware::from_fn_with_state(
        state.clone(),
        control::fail_layer,
    ))
    .layer(axum::middleware::from_fn(cors::layer))
    .with_state(state)
}
