//! The error responses the demo sends, shaped as Mastodon sends them.
//!
//! API errors are `{"error": "..."}`; OAuth token/revoke errors follow RFC 6749 and add
//! `error_description`. A 401 carries Doorkeeper's `WWW-Authenticate` header, exactly as
//! Mastodon does (see fixtures/error_401_invalid_token.json and its `_http_meta.json` entry).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// An error response: a status and a JSON body, plus the bearer challenge for 401s.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Value,
    pub bearer_challenge: bool,
}

impl ApiError {
    pub fn new(status: StatusCode, message: &str) -> Self {
        Self {
            status,
            body: json!({ "error": message }),
            bearer_challenge: false,
        }
    }

    /// RFC 6749 error (`invalid_grant`, `invalid_client`, …) with a description.
    pub fn oauth(status: StatusCode, error: &str, description: &str) -> Self {
        Self {
            status,
            body: json!({ "error": error, "error_description": description }),
            bearer_challenge: status == StatusCode::UNAUTHORIZED,
        }
    }

    /// Missing, unknown or revoked token: Mastodon's exact 401.
    pub fn invalid_token() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            body: json!({ "error": "The access token is invalid" }),
            bearer_challenge: true,
        }
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "Record not found")
    }

    pub fn unprocessable(message: &str) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }

    /// Mastodon's `require_user!` answers 422 when an app-only (client_credentials) token
    /// calls an endpoint that needs a user.
    pub fn requires_user() -> Self {
        Self::unprocessable("This method requires an authenticated user")
    }

    /// A token that lacks the scope an endpoint needs.
    pub fn outside_scopes() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "This action is outside the authorized scopes",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, axum::Json(self.body)).into_response();
        if self.bearer_challenge {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(
                    "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\"",
                ),
            );
        }
        res
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
