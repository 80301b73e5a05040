//! Account endpoints.

use super::{error::ApiError, http::Client};
use crate::model::Account;

/// `GET /api/v1/accounts/verify_credentials`: who the token belongs to.
pub async fn verify_credentials(client: &Client) -> Result<Account, ApiError> {
    client.get("/api/v1/accounts/verify_credentials").await
}
