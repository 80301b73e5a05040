//! One error type for every API call, and the one place that turns it into words.
//!
//! Classification is by HTTP status and OAuth error codes, never by the `error` text, which
//! servers localise.

use crate::model::ErrorBody;

#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// The request never got an answer: DNS, refused connection, offline, or CORS (browsers
    /// cannot tell these apart).
    Network,
    Timeout,
    /// 401: the token is invalid or revoked.
    Unauthorized,
    Forbidden,
    NotFound,
    /// 422 and OAuth `invalid_request`-style 400s.
    Invalid,
    /// 429, with the `X-RateLimit-Reset` time when the server sent it.
    RateLimited {
        reset: Option<String>,
    },
    /// 5xx.
    Server,
    /// 2xx whose body is not what the API promises (an HTML page, a proxy's error, …).
    Decode,
    /// OAuth: the authorization code or PKCE verifier was refused.
    InvalidGrant,
    /// OAuth: the app registration is unknown to the server (e.g. vacuumed).
    InvalidClient,
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub status: Option<u16>,
    /// The server's own (possibly localised) explanation, shown as a detail only.
    pub detail: Option<String>,
}

impl ApiError {
    pub fn new(kind: ErrorKind) -> Self {
        ApiError {
            kind,
            status: None,
            detail: None,
        }
    }

    pub fn decode(detail: impl Into<String>) -> Self {
        ApiError {
            kind: ErrorKind::Decode,
            status: None,
            detail: Some(detail.into()),
        }
    }

    /// Classifies a non-2xx response from its status, body and rate-limit reset header.
    pub fn from_response(status: u16, body: &str, rate_limit_reset: Option<String>) -> Self {
        let parsed: Option<ErrorBody> = serde_json::from_str(body).ok();
        let oauth_code = parsed.as_ref().map(|b| b.error.as_str()).unwrap_or("");
        let kind = match (status, oauth_code) {
            (_, "invalid_grant") => ErrorKind::InvalidGrant,
            (_, "invalid_client") => ErrorKind::InvalidClient,
            (401, _) => ErrorKind::Unauthorized,
            (403, _) => ErrorKind::Forbidden,
            (404 | 410, _) => ErrorKind::NotFound,
            (400 | 422, _) => ErrorKind::Invalid,
            (429, _) => ErrorKind::RateLimited {
                reset: rate_limit_reset,
            },
            (500..=599, _) => ErrorKind::Server,
            _ => ErrorKind::Other,
        };
        let detail = parsed
            .and_then(|b| b.error_description.or(Some(b.error)))
            .filter(|d| {
                // Never show a whole HTML page or a huge blob as a "detail".
                !d.is_empty() && d.len() < 300
            });
        ApiError {
            kind,
            status: Some(status),
            detail,
        }
    }

    /// Whether trying again later can help (shown as a Retry button). A torn or foreign answer
    /// can: a proxy cut it, or the server was restarting.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Network
                | ErrorKind::Timeout
                | ErrorKind::Server
                | ErrorKind::Decode
                | ErrorKind::RateLimited { .. }
        )
    }

    /// Whether a request that changes something may have taken effect although it failed: no
    /// answer, a torn or foreign answer, or a 5xx (the server or a proxy in front of it may
    /// have failed after the change was made). A clear refusal (4xx) means it did not.
    pub fn may_have_happened(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Network
                | ErrorKind::Timeout
                | ErrorKind::Server
                | ErrorKind::Decode
                | ErrorKind::Other
        )
    }

    /// A sentence a person understands. Raw Rust errors and JSON never reach the screen.
    pub fn user_message(&self) -> String {
        let base = match &self.kind {
            ErrorKind::Network => {
                "Couldn't reach the server. Check your connection and the address — the server \
                 may also be down or not allow browser apps."
            }
            ErrorKind::Timeout => "The server took too long to answer.",
            ErrorKind::Unauthorized => "Your session has expired. Please sign in again.",
            ErrorKind::Forbidden => "The server doesn't allow this.",
            ErrorKind::NotFound => "Not found. It may have been deleted, or you can't see it.",
            ErrorKind::Invalid => "The server refused this request.",
            ErrorKind::RateLimited { .. } => {
                "Too many requests for now. Woolly will wait and try again shortly."
            }
            ErrorKind::Server => "The server had a problem. Try again in a moment.",
            ErrorKind::Decode => "The server's answer wasn't what a Mastodon server sends.",
            ErrorKind::InvalidGrant => {
                "The sign-in could not be completed: the server refused the authorization. \
                 Please start signing in again."
            }
            ErrorKind::InvalidClient => {
                "The server no longer knows this app. Please sign in again."
            }
            ErrorKind::Other => "Something went wrong.",
        };
        match (&self.kind, &self.detail) {
            (ErrorKind::Invalid | ErrorKind::Forbidden | ErrorKind::InvalidGrant, Some(d)) => {
                format!("{base} ({d})")
            }
            _ => base.to_string(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_status_not_text() {
        let ja = include_str!("../../tests/fixtures/error_401_revoked_token_localized_ja.json");
        assert_eq!(
            ApiError::from_response(401, ja, None).kind,
            ErrorKind::Unauthorized
        );
        let e = ApiError::from_response(429, r#"{"error":"Too many requests"}"#, Some("x".into()));
        assert_eq!(
            e.kind,
            ErrorKind::RateLimited {
                reset: Some("x".into())
            }
        );
        assert!(e.is_retryable());
        assert_eq!(
            ApiError::from_response(503, "<html>", None).kind,
            ErrorKind::Server
        );
    }

    #[test]
    fn oauth_errors_keep_their_description() {
        let body = include_str!("../../tests/fixtures/error_400_oauth_invalid_grant.json");
        let e = ApiError::from_response(400, body, None);
        assert_eq!(e.kind, ErrorKind::InvalidGrant);
        assert!(
            e.user_message()
                .starts_with("The sign-in could not be completed")
        );
        assert!(!e.is_retryable());
    }

    #[test]
    fn html_bodies_never_become_details() {
        let e = ApiError::from_response(404, "<!doctype html><title>nope</title>", None);
        assert_eq!(e.detail, None);
        assert_eq!(e.kind, ErrorKind::NotFound);
    }

    #[test]
    fn only_a_clear_refusal_says_a_change_did_not_happen() {
        let refused = [
            include_str!("../../tests/fixtures/error_422_status_too_long_ja.json"),
            include_str!("../../tests/fixtures/error_401_invalid_token.json"),
            include_str!("../../tests/fixtures/error_403_not_allowed.json"),
        ];
        for (status, body) in [422, 401, 403].into_iter().zip(refused) {
            assert!(!ApiError::from_response(status, body, None).may_have_happened());
        }
        assert!(!ApiError::from_response(429, "{}", None).may_have_happened());
        // A proxy's 502 page, a lost connection, a timeout, a torn 2xx body: maybe.
        assert!(ApiError::from_response(502, "<html>Bad Gateway</html>", None).may_have_happened());
        for kind in [ErrorKind::Network, ErrorKind::Timeout] {
            assert!(ApiError::new(kind).may_have_happened());
        }
        assert!(ApiError::decode("EOF while parsing").may_have_happened());
        assert!(ApiError::decode("EOF while parsing").is_retryable());
    }
}
