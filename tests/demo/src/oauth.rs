//! OAuth 2 as Mastodon (Doorkeeper) does it: app registration, token exchange with PKCE,
//! client_credentials, revocation, and app verification. The authorize step itself (an HTML
//! page) is in `authorize.rs`.
//!
//! Only confidential clients exist: every app gets a secret and `/oauth/token` requires it,
//! PKCE or not. Codes are single-use and live 10 minutes; tokens never expire.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::auth::{Caller, caller};
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::{Shared, clock};

/// The VAPID key the fixture server reported; the demo has no web push.
pub const VAPID_KEY: &str =
    "BAhxXyHfAoMqrZECjRI56F5QrE4ynVlkZFMdKSpTIsWRNoWUVgut-Bnz2xsMSwiN4AF0b4I7ixF24OwiicOJivw=";
pub const OOB: &str = "urn:ietf:wg:oauth:2.0:oob";
pub const CODE_TTL_MS: u64 = 10 * 60 * 1000;

#[derive(Debug, Clone)]
pub struct App {
    pub id: String,
    pub name: String,
    pub website: Option<String>,
    pub scopes: Vec<String>,
    pub redirect_uris: Vec<String>,
    pub client_id: String,
    pub client_secret: String,
}

#[derive(Debug, Clone)]
pub struct Code {
    pub client_id: String,
    pub username: String,
    pub redirect_uri: String,
    pub scopes: Vec<String>,
    pub challenge: Option<String>,
    pub expires_ms: u64,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub client_id: String,
    pub username: Option<String>,
    pub scopes: Vec<String>,
    pub created_at: u64,
}

/// Apps, pending codes and live tokens. Survives `/__demo/reset`.
#[derive(Debug, Default)]
pub struct OAuthState {
    pub apps: HashMap<String, App>,
    pub codes: HashMap<String, Code>,
    pub tokens: HashMap<String, Token>,
}

static SECRET_SEQ: AtomicU64 = AtomicU64::new(0);

/// An unguessable-enough 43-character URL-safe string (SHA-256 of time, counter and address).
pub fn random_secret() -> String {
    let n = SECRET_SEQ.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let marker = 0u8;
    let input = format!("{nanos}-{n}-{}-{:p}", std::process::id(), &marker);
    URL_SAFE_NO_PAD.encode(Sha256::digest(input.as_bytes()))
}

/// Splits a scope string on spaces or `+` (Mastodon accepts both in the query string).
pub fn split_scopes(s: &str) -> Vec<String> {
    s.split([' ', '+'])
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// `POST /api/v1/apps`
pub async fn create_app(State(state): State<Shared>, params: Params) -> ApiResult<Json<Value>> {
    let name = params.get("client_name").ok_or_else(|| {
        ApiError::unprocessable("Validation failed: Application name can't be blank")
    })?;
    // A string may hold several URIs separated by newlines; JSON may send an array.
    let redirect_uris: Vec<String> = params
        .all("redirect_uris")
        .iter()
        .flat_map(|s| s.split('\n'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if redirect_uris.is_empty() {
        return Err(ApiError::unprocessable(
            "Validation failed: Redirect URI can't be blank",
        ));
    }
    let scopes = split_scopes(params.get("scopes").unwrap_or("read"));
    let mut oauth = state.oauth.lock().unwrap();
    let app = App {
        id: (oauth.apps.len() + 1).to_string(),
        name: name.to_string(),
        website: params.get("website").map(str::to_string),
        scopes,
        redirect_uris,
        client_id: random_secret(),
        client_secret: random_secret(),
    };
    let mut body = app_json(&app);
    body["client_id"] = json!(app.client_id);
    body["client_secret"] = json!(app.client_secret);
    body["client_secret_expires_at"] = json!(0);
    oauth.apps.insert(app.client_id.clone(), app);
    Ok(Json(body))
}

/// The Application entity (without credentials).
fn app_json(app: &App) -> Value {
    json!({
        "id": app.id,
        "name": app.name,
        "website": app.website,
        "scopes": app.scopes,
        "redirect_uris": app.redirect_uris,
        "vapid_key": VAPID_KEY,
        "redirect_uri": app.redirect_uris.join("\n"),
    })
}

/// `GET /api/v1/apps/verify_credentials`
pub async fn verify_app(
    State(state): State<Shared>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Json<Value>> {
    let token = match caller(&state, &headers, &uri)? {
        Caller::Anonymous => return Err(ApiError::invalid_token()),
        Caller::App(t) | Caller::User(_, t) => t,
    };
    let oauth = state.oauth.lock().unwrap();
    let app = oauth
        .apps
        .get(&token.client_id)
        .ok_or_else(ApiError::invalid_token)?;
    Ok(Json(app_json(app)))
}

fn invalid_client() -> ApiError {
    ApiError::oauth(
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
    )
}

fn invalid_grant() -> ApiError {
    ApiError::oauth(
        StatusCode::BAD_REQUEST,
        "invalid_grant",
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
    )
}

/// Client credentials from the body (`client_secret_post`) or HTTP Basic (`client_secret_basic`).
fn client_auth(oauth: &OAuthState, headers: &HeaderMap, params: &Params) -> ApiResult<App> {
    let mut id = params.get("client_id").map(str::to_string);
    let mut secret = params.get("client_secret").map(str::to_string);
    if let Some(basic) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| STANDARD.decode(b.trim()).ok())
        .and_then(|b| String::from_utf8(b).ok())
        && let Some((i, s)) = basic.split_once(':')
    {
        id = Some(i.to_string());
        secret = Some(s.to_string());
    }
    let app = oauth
        .apps
        .get(id.as_deref().unwrap_or(""))
        .ok_or_else(invalid_client)?;
    if secret.as_deref() != Some(app.client_secret.as_str()) {
        return Err(invalid_client());
    }
    Ok(app.clone())
}

/// `BASE64URL-NOPAD(SHA256(verifier)) == challenge` (RFC 7636 S256).
pub fn pkce_matches(verifier: &str, challenge: &str) -> bool {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == challenge
}

/// `POST /oauth/token`
pub async fn token(
    State(state): State<Shared>,
    headers: HeaderMap,
    params: Params,
) -> ApiResult<Json<Value>> {
    let mut oauth = state.oauth.lock().unwrap();
    let grant = params.get("grant_type").unwrap_or("");
    let (username, scopes, client_id) = match grant {
        "authorization_code" => {
            let app = client_auth(&oauth, &headers, &params)?;
            let code_str = params.get("code").ok_or_else(|| {
                ApiError::oauth(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "Missing required parameter: code.",
                )
            })?;
            let code = oauth
                .codes
                .get(code_str)
                .cloned()
                .ok_or_else(invalid_grant)?;
            if code.client_id != app.client_id || code.expires_ms < clock::now_ms() {
                return Err(invalid_grant());
            }
            if params.get("redirect_uri") != Some(code.redirect_uri.as_str()) {
                return Err(invalid_grant());
            }
            if let Some(challenge) = &code.challenge {
                let ok = params
                    .get("code_verifier")
                    .is_some_and(|v| pkce_matches(v, challenge));
                if !ok {
                    return Err(invalid_grant());
                }
            }
            oauth.codes.remove(code_str);
            (Some(code.username), code.scopes, app.client_id)
        }
        "client_credentials" => {
            let app = client_auth(&oauth, &headers, &params)?;
            let scopes = split_scopes(params.get("scope").unwrap_or("read"));
            if !scopes.iter().all(|s| app.scopes.contains(s)) {
                return Err(ApiError::oauth(
                    StatusCode::BAD_REQUEST,
                    "invalid_scope",
                    "The requested scope is invalid, unknown, or malformed.",
                ));
            }
            (None, scopes, app.client_id)
        }
        _ => {
            return Err(ApiError::oauth(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server.",
            ));
        }
    };
    let access_token = random_secret();
    let created_at = clock::now_ms() / 1000;
    let scope = scopes.join(" ");
    oauth.tokens.insert(
        access_token.clone(),
        Token {
            client_id,
            username,
            scopes,
            created_at,
        },
    );
    Ok(Json(json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "scope": scope,
        "created_at": created_at,
    })))
}

/// `POST /oauth/revoke`: idempotent; unknown tokens are fine, other clients' tokens are not.
pub async fn revoke(
    State(state): State<Shared>,
    headers: HeaderMap,
    params: Params,
) -> ApiResult<Json<Value>> {
    let mut oauth = state.oauth.lock().unwrap();
    let app = client_auth(&oauth, &headers, &params)?;
    if let Some(tok) = params.get("token")
        && let Some(t) = oauth.tokens.get(tok)
    {
        if t.client_id != app.client_id {
            return Err(ApiError::oauth(
                StatusCode::FORBIDDEN,
                "unauthorized_client",
                "You are not authorized to revoke this token",
            ));
        }
        oauth.tokens.remove(tok);
    }
    Ok(Json(json!({})))
}
