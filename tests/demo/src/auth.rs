//! Who is calling: bearer token lookup and scope checks for API handlers.
//!
//! Tokens come from `Authorization: Bearer …` or, as Mastodon also accepts, `?access_token=`.
//! A missing token is anonymous; an unknown or revoked one is a 401 (never anonymous).

use axum::http::{HeaderMap, Uri, header};

use crate::Shared;
use crate::error::{ApiError, ApiResult};
use crate::oauth::Token;

/// The caller of an API request.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    /// A client_credentials token: an app, no user.
    App(Token),
    /// A token issued to a demo user.
    User(String, Token),
}

impl Caller {
    /// The demo username, if a user is signed in.
    pub fn username(&self) -> Option<&str> {
        match self {
            Caller::User(name, _) => Some(name),
            _ => None,
        }
    }
}

fn bearer(headers: &HeaderMap, uri: &Uri) -> Option<String> {
    if let Some(v) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        let v = v.trim();
        if v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer ") {
            return Some(v[7..].trim().to_string());
        }
    }
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query()?).ok()?;
    pairs
        .into_iter()
        .find(|(k, _)| k == "access_token")
        .map(|(_, v)| v)
}

/// Resolves the caller; an invalid token is an error, no token is `Anonymous`.
pub fn caller(state: &Shared, headers: &HeaderMap, uri: &Uri) -> ApiResult<Caller> {
    let Some(tok) = bearer(headers, uri) else {
        return Ok(Caller::Anonymous);
    };
    let oauth = state.oauth.lock().unwrap();
    let token = oauth
        .tokens
        .get(&tok)
        .cloned()
        .ok_or_else(ApiError::invalid_token)?;
    Ok(match token.username.clone() {
        Some(name) => Caller::User(name, token),
        None => Caller::App(token),
    })
}

/// Whether `scopes` grant `needed` (e.g. `read:statuses` is granted by `read` too).
pub fn has_scope(scopes: &[String], needed: &str) -> bool {
    let top = needed.split(':').next().unwrap_or(needed);
    scopes.iter().any(|s| s == needed || s == top)
}

/// Requires a signed-in user whose token grants `scope`; returns the username.
pub fn require_user(
    state: &Shared,
    headers: &HeaderMap,
    uri: &Uri,
    scope: &str,
) -> ApiResult<String> {
    match caller(state, headers, uri)? {
        Caller::Anonymous => Err(ApiError::invalid_token()),
        Caller::App(_) => Err(ApiError::requires_user()),
        Caller::User(name, token) => {
            if has_scope(&token.scopes, scope) {
                Ok(name)
            } else {
                Err(ApiError::outside_scopes())
            }
        }
    }
}

/// An optional user (public endpoints): anonymous and app tokens see no per-user state.
pub fn optional_user(state: &Shared, headers: &HeaderMap, uri: &Uri) -> ApiResult<Option<String>> {
    Ok(caller(state, headers, uri)?.username().map(str::to_string))
}
