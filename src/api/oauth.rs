//! OAuth with a Mastodon-API server: app registration, the authorize URL, code exchange
//! (with PKCE where the server advertises S256), and revocation.
//!
//! Quirks: the app call says `scopes`/`redirect_uris`, the OAuth calls `scope`/`redirect_uri`;
//! `client_secret` is required even with PKCE; GoToSocial rejects a JSON array of redirect
//! URIs, so a single string is sent unless the server is Mastodon ≥ 4.3.

use super::{error::ApiError, http::Client, query::encode_pairs};
use crate::model::oauth::{RegisteredApp, ServerMetadata, Token};

pub const CLIENT_NAME: &str = "Woolly";
pub const WEBSITE: &str = "https://github.com/woolly-client/woolly";
/// What Woolly asks for; the server may register fewer.
pub const WANTED_SCOPES: &str = "read write follow push";

/// `POST /api/v1/apps`.
pub async fn register_app(
    origin: &str,
    redirect_uri: &str,
    redirect_uris_as_array: bool,
) -> Result<RegisteredApp, ApiError> {
    let key = if redirect_uris_as_array {
        "redirect_uris[]"
    } else {
        "redirect_uris"
    };
    Client::new(origin, None)
        .post_form(
            "/api/v1/apps",
            &[
                ("client_name", CLIENT_NAME),
                (key, redirect_uri),
                ("scopes", WANTED_SCOPES),
                ("website", WEBSITE),
            ],
        )
        .await
}

/// `GET /.well-known/oauth-authorization-server`; `None` where the server has none
/// (Mastodon < 4.3, GoToSocial, Akkoma) — then PKCE cannot be assumed.
pub async fn server_metadata(origin: &str) -> Option<ServerMetadata> {
    Client::new(origin, None)
        .get("/.well-known/oauth-authorization-server")
        .await
        .ok()
}

/// The scopes to request: what Woolly wants, narrowed to what the app was registered with
/// (requesting more than registered is an error on Mastodon).
pub fn scopes_to_request(registered: &[String]) -> String {
    if registered.is_empty() {
        return WANTED_SCOPES.to_string();
    }
    let wanted: Vec<&str> = WANTED_SCOPES
        .split(' ')
        .filter(|s| registered.iter().any(|r| r == s))
        .collect();
    if wanted.is_empty() {
        registered.join(" ")
    } else {
        wanted.join(" ")
    }
}

/// Everything the authorize URL carries.
pub struct AuthorizeRequest<'a> {
    pub origin: &'a str,
    pub client_id: &'a str,
    pub redirect_uri: &'a str,
    pub scope: &'a str,
    pub state: &'a str,
    pub code_challenge: Option<&'a str>,
    /// Ask the server to show its login form even if a session exists (second account).
    pub force_login: bool,
}

/// `GET /oauth/authorize` URL, opened as a top-level navigation.
pub fn authorize_url(r: &AuthorizeRequest) -> String {
    let mut pairs = vec![
        ("response_type", "code"),
        ("client_id", r.client_id),
        ("redirect_uri", r.redirect_uri),
        ("scope", r.scope),
        ("state", r.state),
    ];
    if let Some(challenge) = r.code_challenge {
        pairs.push(("code_challenge", challenge));
        pairs.push(("code_challenge_method", "S256"));
    }
    if r.force_login {
        pairs.push(("force_login", "true"));
    }
    format!("{}/oauth/authorize?{}", r.origin, encode_pairs(&pairs))
}

/// `POST /oauth/token` with the authorization code.
pub async fn exchange_code(
    origin: &str,
    app: &RegisteredApp,
    code: &str,
    redirect_uri: &str,
    code_verifier: Option<&str>,
) -> Result<Token, ApiError> {
    let mut pairs = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("client_id", app.client_id.as_str()),
        ("client_secret", app.client_secret.as_str()),
        ("redirect_uri", redirect_uri),
    ];
    if let Some(v) = code_verifier {
        pairs.push(("code_verifier", v));
    }
    Client::new(origin, None)
        .post_form("/oauth/token", &pairs)
        .await
}

/// `POST /oauth/revoke`. Browsers can call it only on servers that allow it (Mastodon 4.3+).
pub async fn revoke(origin: &str, app: &RegisteredApp, token: &str) -> Result<(), ApiError> {
    let pairs = [
        ("client_id", app.client_id.as_str()),
        ("client_secret", app.client_secret.as_str()),
        ("token", token),
    ];
    Client::new(origin, None)
        .post_form::<serde_json::Value>("/oauth/revoke", &pairs)
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorize_url_carries_pkce_and_state() {
        let url = authorize_url(&AuthorizeRequest {
            origin: "https://example.social",
            client_id: "abc",
            redirect_uri: "http://127.0.0.1:8080/callback",
            scope: "read write",
            state: "s1",
            code_challenge: Some("E9Mel"),
            force_login: true,
        });
        assert_eq!(
            url,
            "https://example.social/oauth/authorize?response_type=code&client_id=abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback&scope=read%20write&state=s1&code_challenge=E9Mel&code_challenge_method=S256&force_login=true"
        );
    }

    #[test]
    fn scopes_narrow_to_registration() {
        let reg = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(scopes_to_request(&[]), "read write follow push");
        assert_eq!(
            scopes_to_request(&reg(&["read", "write", "follow", "push"])),
            WANTED_SCOPES
        );
        assert_eq!(scopes_to_request(&reg(&["read", "write"])), "read write");
        assert_eq!(scopes_to_request(&reg(&["read:statuses"])), "read:statuses");
    }
}
