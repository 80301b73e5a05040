//! Signing in: from what a person typed to a stored account.
//!
//! `begin` discovers the instance (instance document, NodeInfo and OAuth metadata at once;
//! for a handle whose domain has no API, the host its host-meta names), derives its
//! [`Capabilities`], registers (or reuses) the app, prepares PKCE when the server advertises
//! S256, remembers the pending attempt under its `state`, and returns the authorize URL.
//! `complete` checks the callback (`state` always; denial; missing code), exchanges the code
//! and stores the account. Nothing is stored half-done: an attempt is only an account once
//! the token works, and the pending attempt is written only once everything before the
//! authorize page succeeded.
//!
//! Discovery itself lives in [`super::discovery`] (re-exported here); this module also owns
//! the recently used instances (`woolly.recent`).

use serde::{Deserialize, Serialize};

pub use super::discovery::{
    Discovered, InstancePreview, cached_capabilities, classify_discovery, discover, preview,
};
use super::{
    discovery::remember_capabilities,
    session::StoredAccount,
    storage::{self, Area},
};
use crate::api::{
    self, ApiError, ErrorKind,
    oauth::{self, AuthorizeRequest},
    origin::{InputError, parse_instance},
    query::query_param,
};
use crate::model::oauth::RegisteredApp;

const APPS_KEY: &str = "woolly.apps";
const PENDING_KEY: &str = "woolly.pending";
const RECENT_KEY: &str = "woolly.recent";
/// How many recently used instances are offered.
pub const RECENT_MAX: usize = 5;
/// A pending sign-in older than this is forgotten.
const PENDING_TTL_MS: f64 = 60.0 * 60.0 * 1000.0;

/// An app registration, cached per (instance, redirect URI).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
struct StoredApp {
    origin: String,
    redirect_uri: String,
    client_id: String,
    client_secret: String,
    scopes: Vec<String>,
}

/// A sign-in waiting for its callback.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Pending {
    pub state: String,
    pub origin: String,
    pub redirect_uri: String,
    pub client_id: String,
    pub client_secret: String,
    pub verifier: Option<String>,
    pub created_ms: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoginError {
    Input(InputError),
    /// Discovery failed: unreachable (`Network` after a failed reachability probe), down
    /// (5xx, timeout), or not a Mastodon-API server (404 or not JSON).
    Discovery(ApiError),
    /// The host answers, but its API calls fail in the browser: it is not a Mastodon-API
    /// server (its 404 carries no CORS header), or it blocks browser apps (CORS).
    Blocked,
    Registration(ApiError),
    Denied,
    MissingCode,
    /// The callback's `state` matches no sign-in started here: stale or forged.
    StateMismatch,
    Exchange(ApiError),
    Account(ApiError),
}

impl LoginError {
    /// Whether the same attempt can simply be repeated.
    pub fn can_retry(&self) -> bool {
        match self {
            LoginError::Discovery(e) | LoginError::Registration(e) => e.is_retryable(),
            _ => false,
        }
    }

    pub fn message(&self) -> String {
        match self {
            LoginError::Input(e) => e.to_string(),
            LoginError::Discovery(e) => match &e.kind {
                ErrorKind::NotFound | ErrorKind::Decode => "That site doesn't seem to be a \
                    Mastodon-compatible server: it didn't answer like one. Check the address \
                    of your server."
                    .into(),
                ErrorKind::Network => "Couldn't reach that server. Check the address: it may \
                    not exist, or the server may be refusing connections or be offline."
                    .into(),
                ErrorKind::Timeout => "The server took too long to answer. It may be \
                    overloaded or down; try again in a few minutes."
                    .into(),
                ErrorKind::Server => match e.status {
                    Some(code) => format!(
                        "The server is having problems right now (it answered with error \
                         {code}). Try again in a few minutes."
                    ),
                    None => "The server is having problems right now. Try again in a few \
                        minutes."
                        .into(),
                },
                ErrorKind::RateLimited { .. } => "The server is getting too many requests \
                    right now. Wait a moment, then try again."
                    .into(),
                ErrorKind::Unauthorized | ErrorKind::Forbidden => "The server refuses to \
                    describe itself to apps, so Woolly can't sign in there."
                    .into(),
                _ => format!(
                    "The server couldn't be asked about itself. {}",
                    e.user_message()
                ),
            },
            LoginError::Blocked => "That site answered, but wouldn't let Woolly ask it about \
                itself. Either it isn't a Mastodon-compatible server, or it blocks apps that \
                run in the browser (CORS). Check the address of your server."
                .into(),
            LoginError::Registration(e) => {
                format!(
                    "The server refused to register Woolly as an app. {}",
                    e.user_message()
                )
            }
            LoginError::Denied => "You chose not to allow Woolly access. Nothing was stored; \
                you can sign in again whenever you like."
                .into(),
            LoginError::MissingCode => "The server came back without an authorization code. \
                Please start signing in again."
                .into(),
            LoginError::StateMismatch => "This sign-in link doesn't match a sign-in started \
                here (it may be old or from another tab). For your safety it was ignored — \
                please sign in again."
                .into(),
            LoginError::Exchange(e) => match e.kind {
                ErrorKind::InvalidGrant => "The server refused to finish the sign-in (the \
                    authorization was invalid or expired). Please sign in again."
                    .into(),
                _ => format!("Signing in could not be finished. {}", e.user_message()),
            },
            LoginError::Account(e) => {
                format!(
                    "Signed in, but your account couldn't be loaded. {}",
                    e.user_message()
                )
            }
        }
    }
}

/// What the callback URL says, before any network call.
#[derive(Clone, Debug, PartialEq)]
pub struct CallbackParams {
    pub code: String,
    pub state: String,
}

/// Reads `?code&state` or `?error=access_denied` (pure).
pub fn read_callback(query: &str) -> Result<CallbackParams, LoginError> {
    if let Some(error) = query_param(query, "error") {
        return Err(if error == "access_denied" {
            LoginError::Denied
        } else {
            LoginError::Exchange(ApiError {
                kind: ErrorKind::Other,
                status: None,
                detail: query_param(query, "error_description").or(Some(error)),
            })
        });
    }
    let code = query_param(query, "code").filter(|c| !c.is_empty());
    let state = query_param(query, "state").filter(|s| !s.is_empty());
    match (code, state) {
        (None, _) => Err(LoginError::MissingCode),
        (Some(_), None) => Err(LoginError::StateMismatch),
        (Some(code), Some(state)) => Ok(CallbackParams { code, state }),
    }
}

/// Takes the pending attempt with this state out of the list, dropping stale ones (pure).
pub fn take_pending(list: &mut Vec<Pending>, state: &str, now_ms: f64) -> Option<Pending> {
    list.retain(|p| now_ms - p.created_ms < PENDING_TTL_MS);
    let i = list.iter().position(|p| p.state == state)?;
    Some(list.remove(i))
}

/// This deployment's OAuth redirect URI: the sign-in bundle's own page, `login.html`. It is a
/// real file, so every static host serves it (no SPA fallback needed) and the code goes
/// straight to the bundle that finishes the sign-in. (`/callback`, used before, still
/// forwards there, so sign-ins started with the old URI finish too.)
pub fn redirect_uri() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", crate::routes::LOGIN_PAGE)
}

/// Starts a sign-in; returns the URL to navigate to.
pub async fn begin(input: &str, force_login: bool) -> Result<String, LoginError> {
    let typed = parse_instance(input).map_err(LoginError::Input)?;
    let Discovered {
        origin,
        capabilities,
        ..
    } = discover(&typed).await?;
    let redirect = redirect_uri();
    // Secrets first: if the browser cannot make them, nothing has been registered yet.
    let pkce = match capabilities.pkce {
        true => Some(
            api::pkce::generate()
                .await
                .map_err(LoginError::Registration)?,
        ),
        false => None,
    };
    let state = api::pkce::random_token().map_err(LoginError::Registration)?;
    let app = registered_app(&origin, &redirect, capabilities.redirect_uris_as_array).await?;
    let url = oauth::authorize_url(&AuthorizeRequest {
        origin: &origin,
        client_id: &app.client_id,
        redirect_uri: &redirect,
        scope: &oauth::scopes_to_request(&app.scopes),
        state: &state,
        code_challenge: pkce.as_ref().map(|p| p.challenge.as_str()),
        force_login,
    });
    remember_capabilities(&origin, &capabilities);
    let mut pending: Vec<Pending> = storage::get(Area::Local, PENDING_KEY).unwrap_or_default();
    pending.push(Pending {
        state,
        origin,
        redirect_uri: redirect,
        client_id: app.client_id,
        client_secret: app.client_secret,
        verifier: pkce.map(|p| p.verifier),
        created_ms: js_sys::Date::now(),
    });
    storage::set(Area::Local, PENDING_KEY, &pending);
    Ok(url)
}

/// Origins signed in to recently, most recent first (at most [`RECENT_MAX`]).
pub fn recent_instances() -> Vec<String> {
    storage::get(Area::Local, RECENT_KEY).unwrap_or_default()
}

/// `origin` moved to the front of the recent list, without duplicates (pure).
pub fn push_recent(mut list: Vec<String>, origin: &str) -> Vec<String> {
    list.retain(|o| o != origin);
    list.insert(0, origin.to_string());
    list.truncate(RECENT_MAX);
    list
}

async fn registered_app(
    origin: &str,
    redirect: &str,
    as_array: bool,
) -> Result<RegisteredApp, LoginError> {
    let mut apps: Vec<StoredApp> = storage::get(Area::Local, APPS_KEY).unwrap_or_default();
    if let Some(a) = apps
        .iter()
        .find(|a| a.origin == origin && a.redirect_uri == redirect)
    {
        return Ok(RegisteredApp {
            name: String::new(),
            client_id: a.client_id.clone(),
            client_secret: a.client_secret.clone(),
            scopes: a.scopes.clone(),
        });
    }
    let app = oauth::register_app(origin, redirect, as_array)
        .await
        .map_err(LoginError::Registration)?;
    apps.push(StoredApp {
        origin: origin.into(),
        redirect_uri: redirect.into(),
        client_id: app.client_id.clone(),
        client_secret: app.client_secret.clone(),
        scopes: app.scopes.clone(),
    });
    storage::set(Area::Local, APPS_KEY, &apps);
    Ok(app)
}

/// Forgets a cached registration the server no longer knows (`invalid_client`).
fn forget_app(origin: &str) {
    let mut apps: Vec<StoredApp> = storage::get(Area::Local, APPS_KEY).unwrap_or_default();
    apps.retain(|a| a.origin != origin);
    storage::set(Area::Local, APPS_KEY, &apps);
}

/// Finishes a sign-in from the callback's query string.
pub async fn complete(query: &str) -> Result<StoredAccount, LoginError> {
    let params = read_callback(query)?;
    let mut pending: Vec<Pending> = storage::get(Area::Local, PENDING_KEY).unwrap_or_default();
    let attempt = take_pending(&mut pending, &params.state, js_sys::Date::now());
    storage::set(Area::Local, PENDING_KEY, &pending);
    let attempt = attempt.ok_or(LoginError::StateMismatch)?;
    let app = RegisteredApp {
        name: String::new(),
        client_id: attempt.client_id.clone(),
        client_secret: attempt.client_secret.clone(),
        scopes: Vec::new(),
    };
    let token = oauth::exchange_code(
        &attempt.origin,
        &app,
        &params.code,
        &attempt.redirect_uri,
        attempt.verifier.as_deref(),
    )
    .await
    .map_err(|e| {
        if e.kind == ErrorKind::InvalidClient {
            forget_app(&attempt.origin);
        }
        LoginError::Exchange(e)
    })?;
    let client = api::Client::new(attempt.origin.clone(), Some(token.access_token.clone()));
    let me = api::accounts::verify_credentials(&client)
        .await
        .map_err(LoginError::Account)?;
    storage::set(
        Area::Local,
        RECENT_KEY,
        &push_recent(recent_instances(), &attempt.origin),
    );
    Ok(StoredAccount {
        origin: attempt.origin,
        token: token.access_token,
        client_id: attempt.client_id,
        client_secret: attempt.client_secret,
        display_name: me.name().to_string(),
        id: me.id,
        acct: me.acct,
        avatar: me.avatar_static,
        expired: false,
    })
}

#[cfg(test)]
#[path = "login_tests.rs"]
mod tests;
