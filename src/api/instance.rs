//! Instance discovery: `/api/v2/instance`, falling back to the deprecated v1 on servers that
//! lack v2 (Mastodon < 4.0, some GoToSocial/Akkoma versions).

use super::{
    error::{ApiError, ErrorKind},
    http::Client,
};
use crate::model::{InstanceV1, InstanceV2};

/// What discovery learned, from whichever version answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Instance {
    V2(InstanceV2),
    V1(InstanceV1),
}

impl Instance {
    pub fn title(&self) -> &str {
        match self {
            Instance::V2(i) => &i.title,
            Instance::V1(i) => &i.title,
        }
    }

    pub fn description(&self) -> &str {
        match self {
            Instance::V2(i) => &i.description,
            Instance::V1(i) if !i.short_description.is_empty() => &i.short_description,
            Instance::V1(i) => &i.description,
        }
    }

    pub fn thumbnail(&self) -> Option<&str> {
        match self {
            Instance::V2(i) => i.thumbnail.as_ref().map(|t| t.url.as_str()),
            Instance::V1(i) => i.thumbnail.as_deref(),
        }
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    }

    /// Mastodon's API version (4.3 = 2): the feature signal, never the version string.
    pub fn api_version(&self) -> Option<u32> {
        match self {
            Instance::V2(i) => i.api_versions.as_ref().and_then(|v| v.mastodon),
            Instance::V1(_) => None,
        }
    }
}

pub async fn fetch(origin: &str) -> Result<Instance, ApiError> {
    let client = Client::new(origin, None);
    match client.get::<InstanceV2>("/api/v2/instance").await {
        Ok(v2) => Ok(Instance::V2(v2)),
        Err(e) if matches!(e.kind, ErrorKind::NotFound | ErrorKind::Decode) => client
            .get::<InstanceV1>("/api/v1/instance")
            .await
            .map(Instance::V1),
        Err(e) => Err(e),
    }
}
