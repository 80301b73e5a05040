//! Reading-position markers (`/api/v1/markers`): where the reader stopped in the home
//! timeline and in notifications, shared by every client of the account.

use super::{error::ApiError, http::Client};
use crate::model::misc::Markers;

/// Which marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timeline {
    Home,
    Notifications,
}

impl Timeline {
    pub fn name(self) -> &'static str {
        match self {
            Timeline::Home => "home",
            Timeline::Notifications => "notifications",
        }
    }
}

/// `GET /api/v1/markers?timeline[]=home&timeline[]=notifications`.
pub async fn get(client: &Client) -> Result<Markers, ApiError> {
    client
        .get("/api/v1/markers?timeline[]=home&timeline[]=notifications")
        .await
}

/// `POST /api/v1/markers`: `home[last_read_id]=…` (a simple form request, no preflight).
pub async fn save(
    client: &Client,
    timeline: Timeline,
    last_read_id: &str,
) -> Result<Markers, ApiError> {
    let key = format!("{}[last_read_id]", timeline.name());
    client
        .post_form("/api/v1/markers", &[(key.as_str(), last_read_id)])
        .await
}
