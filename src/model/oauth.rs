//! OAuth entities: the registered app, the token, RFC 8414 server metadata.

use serde::Deserialize;

/// `POST /api/v1/apps`. Only confidential clients exist, so there is always a secret.
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct RegisteredApp {
    #[serde(default)]
    pub name: String,
    pub client_id: String,
    pub client_secret: String,
    #[serde(default)]
    pub scopes: Vec<String>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Token {
    pub access_token: String,
    #[serde(default)]
    pub token_type: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub created_at: Option<u64>,
}

/// `/.well-known/oauth-authorization-server` (Mastodon 4.3+; absent on older servers,
/// GoToSocial and Akkoma).
#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ServerMetadata {
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub authorization_endpoint: Option<String>,
    #[serde(default)]
    pub token_endpoint: Option<String>,
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
    #[serde(default)]
    pub scopes_supported: Vec<String>,
    #[serde(default)]
    pub code_challenge_methods_supported: Vec<String>,
}

impl ServerMetadata {
    pub fn supports_pkce_s256(&self) -> bool {
        self.code_challenge_methods_supported
            .iter()
            .any(|m| m == "S256")
    }
}
