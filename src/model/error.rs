//! The error body servers send: `{"error": …}` plus `error_description` on OAuth errors and
//! `details` on some 422s. The `error` text is localised: branch on status codes, never on it.

use serde::Deserialize;

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ErrorBody {
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub error_description: Option<String>,
}
