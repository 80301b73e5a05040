//! Woolly's demo instance: a small, protocol-faithful Mastodon API server held in memory.
//!
//! It serves two purposes: Woolly's end-to-end tests run against it, and the product embeds it
//! as the default instance so a newcomer without internet sees a working client. Everything it
//! hands out, including every image URL, points back at itself.
//!
//! # Map
//! - [`build_state`] seeds the data (fixtures re-id'd + generated volume, `seed/`) and
//!   [`router`] builds the instance's axum `Router`; [`static_app::router`] serves the web app.
//! - Middleware: `cors.rs` (CORS + `X-Request-Id`), `ratelimit.rs` (`X-RateLimit-*`, 429),
//!   `control.rs` (fault injection).
//! - Endpoints: `oauth.rs` (+ `authorize_page.rs`), `instance.rs`, `accounts.rs`,
//!   `timelines.rs` (+ `paging.rs`), `statuses.rs`, `media.rs` (generated SVGs).
//!
//! # Test control (not Mastodon API)
//! - `POST /__demo/config` JSON, every key optional:
//!   `{"pkce_metadata": bool, "rate_limit": n, "rate_window_secs": n,
//!     "fail_next": {"path_prefix": "/api/v1/timelines", "status": 500, "count": 1, "delay_ms": 0}}`.
//!   `fail_next` fails the next `count` requests whose path starts with `path_prefix` with
//!   `status` and a JSON `{"error"}` body, after waiting `delay_ms`. `status: 0` hangs for
//!   `delay_ms` (default 30 s) and then answers 504, to simulate a timeout. Without `status`,
//!   the request is only delayed and then served normally.
//! - `POST /__demo/reset`: data (statuses, polls, votes) and config back to the start state.
//!   Registered apps and tokens survive, so a signed-in client stays signed in.
//! - `GET /__demo/state`: a JSON summary (counts per home, config).
//! - `POST /__demo/statuses` JSON `{"username":"bob","text":"…","visibility":"public",
//!   "spoiler_text":"","in_reply_to_id":null}`: creates a status now and puts it into the
//!   author's and followers' homes. Returns the Status.
//!
//! Rate limiting defaults to 3000 requests per 5 minutes per token (Mastodon's real 300 is
//! easy for an end-to-end run to hit); `--rate-limit` or `/__demo/config` changes it.

use axum::Router;
use axum::routing::{get, post};
use std::sync::{Arc, Mutex, RwLock};

pub mod accounts;
pub mod auth;
mod authorize;
mod authorize_page;
pub mod clock;
pub mod control;
pub mod cors;
pub mod error;
pub mod instance;
pub mod media;
pub mod oauth;
pub mod paging;
pub mod params;
pub mod ratelimit;
pub mod seed;
pub mod static_app;
pub mod statuses;
pub mod store;
pub mod timelines;

/// Start-up options (the CLI flags that shape the instance).
#[derive(Debug, Clone)]
pub struct Options {
    /// Serve `/.well-known/oauth-authorization-server` (Mastodon 4.3+). Off = an older server.
    pub pkce_metadata: bool,
    /// Requests per rate-limit window and token.
    pub rate_limit: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            pkce_metadata: true,
            rate_limit: 3000,
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
}

impl Config {
    fn from_options(o: &Options) -> Self {
        Self {
            pkce_metadata: o.pkce_metadata,
            rate_limit: o.rate_limit,
            rate_window_ms: 300_000,
            fail_rules: Vec::new(),
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
