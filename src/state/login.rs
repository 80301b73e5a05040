//! Signing in: from what a person typed to a stored account.
//!
//! `begin` discovers the instance, registers (or reuses) the app, prepares PKCE when the
//! server advertises S256, remembers the pending attempt under its `state`, and returns the
//! authorize URL. `complete` checks the callback (`state` always; denial; missing code),
//! exchanges the code and stores the account. Nothing is stored half-done: an attempt is only
//! an account once the token works.

use serde::{Deserialize, Serialize};

use super::{
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
    /// Discovery failed: unreachable, down, or not a Mastodon-API server.
    Discovery(ApiError),
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
            LoginError::Discovery(e) => match e.kind {
                ErrorKind::NotFound | ErrorKind::Decode => "That site doesn't seem to be a \
                    Mastodon-compatible server: it didn't answer like one."
                    .into(),
                ErrorKind::Network => "Couldn't reach that server. Check the address — it may \
                    not exist, be down, or not allow browser apps like Woolly."
                    .into(),
                _ => format!(
                    "The server couldn't be asked about itself. {}",
                    e.user_message()
                ),
            },
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

/// This deployment's OAuth redirect URI: the app's own `/callback`.
pub fn redirect_uri() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", crate::routes::Route::Callback.href())
}

/// Starts a sign-in; returns the URL to navigate to.
pub async fn begin(input: &str, force_login: bool) -> Result<String, LoginError> {
    let origin = parse_instance(input).map_err(LoginError::Input)?.origin();
    let instance = api::instance::fetch(&origin)
        .await
        .map_err(LoginError::Discovery)?;
    let metadata = oauth::server_metadata(&origin).await;
    let redirect = redirect_uri();
    let app = registered_app(&origin, &redirect, instance.api_version().unwrap_or(0) >= 2).await?;
    let pkce = match metadata.as_ref().is_some_and(|m| m.supports_pkce_s256()) {
        true => Some(
            api::pkce::generate()
                .await
                .map_err(LoginError::Registration)?,
        ),
        false => None,
    };
    let state = api::pkce::random_token().map_err(LoginError::Registration)?;
    let url = oauth::authorize_url(&AuthorizeRequest {
        origin: &origin,
        client_id: &app.client_id,
        redirect_uri: &redirect,
        scope: &oauth::scopes_to_request(&app.scopes),
        state: &state,
        code_challenge: pkce.as_ref().map(|p| p.challenge.as_str()),
        force_login,
    });
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
mod tests {
    use super::*;

    #[test]
    fn callback_outcomes() {
        assert_eq!(
            read_callback("?code=abc&state=xyz"),
            Ok(CallbackParams {
                code: "abc".into(),
                state: "xyz".into()
            })
        );
        assert_eq!(
            read_callback("?error=access_denied&state=xyz"),
            Err(LoginError::Denied)
        );
        assert_eq!(read_callback("?state=xyz"), Err(LoginError::MissingCode));
        assert_eq!(read_callback(""), Err(LoginError::MissingCode));
        assert_eq!(read_callback("?code=abc"), Err(LoginError::StateMismatch));
    }

    fn pending(state: &str, created_ms: f64) -> Pending {
        Pending {
            state: state.into(),
            origin: "https://a".into(),
            redirect_uri: "r".into(),
            client_id: "c".into(),
            client_secret: "s".into(),
            verifier: None,
            created_ms,
        }
    }

    #[test]
    fn pending_is_single_use_and_expires() {
        let mut list = vec![pending("old", 0.0), pending("a", 4e6), pending("b", 4e6)];
        let now = 4e6 + 1000.0;
        assert_eq!(
            take_pending(&mut list, "a", now).map(|p| p.state),
            Some("a".into())
        );
        assert_eq!(take_pending(&mut list, "a", now), None);
        assert_eq!(take_pending(&mut list, "old", now), None);
        assert_eq!(list.len(), 1);
    }

    #[test]
    fn every_error_has_its_own_message() {
        let all = [
            LoginError::Input(InputError::Empty),
            LoginError::Discovery(ApiError::new(ErrorKind::Network)),
            LoginError::Discovery(ApiError::new(ErrorKind::Decode)),
            LoginError::Registration(ApiError::new(ErrorKind::Invalid)),
            LoginError::Denied,
            LoginError::MissingCode,
            LoginError::StateMismatch,
            LoginError::Exchange(ApiError::new(ErrorKind::InvalidGrant)),
            LoginError::Account(ApiError::new(ErrorKind::Server)),
        ];
        let messages: std::collections::HashSet<String> = all.iter().map(|e| e.message()).collect();
        assert_eq!(messages.len(), all.len());
    }
}
