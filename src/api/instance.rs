//! Instance discovery: `/api/v2/instance`, falling back to the deprecated v1 on servers that
//! lack v2 (Mastodon < 4.0, some GoToSocial/Akkoma versions), and a reachability probe that
//! tells "the host is down or does not exist" apart from "the host answers but blocks us".
//!
//! Akkoma/Pleroma put their limits at the top level of v1 (`max_toot_chars`, `poll_limits`,
//! `upload_limit`, `pleroma.metadata.post_formats`) and GoToSocial names itself in
//! `source_url`; [`V1Extensions`] reads those alongside the model's [`InstanceV1`].

use serde::{Deserialize, Serialize};

use super::{
    decode::decode_one,
    error::{ApiError, ErrorKind},
    http::Client,
};
use crate::model::{InstanceV1, InstanceV2};

/// What discovery learned, from whichever version answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Instance {
    V2(InstanceV2),
    V1(InstanceV1, V1Extensions),
}

/// v1 fields outside Mastodon's schema (Akkoma/Pleroma, GoToSocial).
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Default)]
pub struct V1Extensions {
    #[serde(default)]
    pub source_url: Option<String>,
    /// Akkoma/Pleroma: `{max_options, max_option_chars, min_expiration, max_expiration}`.
    #[serde(default)]
    pub poll_limits: Option<V1PollLimits>,
    /// Akkoma/Pleroma: bytes.
    #[serde(default)]
    pub upload_limit: Option<u64>,
    #[serde(default)]
    pub max_media_attachments: Option<u32>,
    #[serde(default)]
    pub pleroma: Option<PleromaInstance>,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Default)]
pub struct V1PollLimits {
    #[serde(default)]
    pub max_options: Option<u32>,
    #[serde(default)]
    pub max_option_chars: Option<u32>,
    #[serde(default)]
    pub min_expiration: Option<u64>,
    #[serde(default)]
    pub max_expiration: Option<u64>,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Default)]
pub struct PleromaInstance {
    #[serde(default)]
    pub metadata: PleromaMetadata,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Default)]
pub struct PleromaMetadata {
    /// `text/plain`, `text/markdown`, `text/html`, `text/bbcode`, …
    #[serde(default)]
    pub post_formats: Vec<String>,
    #[serde(default)]
    pub features: Vec<String>,
}

impl Instance {
    /// Decodes a `/api/v2/instance` body (pure; used by discovery and the host tests).
    pub fn from_v2_json(text: &str) -> Result<Instance, ApiError> {
        decode_one(text).map(Instance::V2)
    }

    /// Decodes a `/api/v1/instance` body with its non-Mastodon extensions (pure).
    pub fn from_v1_json(text: &str) -> Result<Instance, ApiError> {
        let core: InstanceV1 = decode_one(text)?;
        // The extensions never fail discovery: a server with odd shapes there still signs in.
        let ext: V1Extensions = serde_json::from_str(text).unwrap_or_default();
        Ok(Instance::V1(core, ext))
    }

    pub fn title(&self) -> &str {
        match self {
            Instance::V2(i) => &i.title,
            Instance::V1(i, _) => &i.title,
        }
    }

    /// The short description. May be HTML on some servers: never render it as markup.
    pub fn description(&self) -> &str {
        match self {
            Instance::V2(i) => &i.description,
            Instance::V1(i, _) if !i.short_description.is_empty() => &i.short_description,
            Instance::V1(i, _) => &i.description,
        }
    }

    pub fn thumbnail(&self) -> Option<&str> {
        match self {
            Instance::V2(i) => i.thumbnail.as_ref().map(|t| t.url.as_str()),
            Instance::V1(i, _) => i.thumbnail.as_deref(),
        }
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    }

    /// The server's own version string (display and software detection only).
    pub fn version(&self) -> &str {
        match self {
            Instance::V2(i) => &i.version,
            Instance::V1(i, _) => &i.version,
        }
    }

    pub fn source_url(&self) -> Option<&str> {
        match self {
            Instance::V2(i) => i.source_url.as_deref(),
            Instance::V1(_, e) => e.source_url.as_deref(),
        }
    }

    /// Mastodon's API version (4.3 = 2): the feature signal, never the version string.
    pub fn api_version(&self) -> Option<u32> {
        match self {
            Instance::V2(i) => i.api_versions.as_ref().and_then(|v| v.mastodon),
            Instance::V1(..) => None,
        }
    }
}

/// `/api/v2/instance`, or `/api/v1/instance` where v2 is missing (404) or not JSON.
pub async fn fetch(origin: &str) -> Result<Instance, ApiError> {
    let client = Client::new(origin, None);
    match client.get::<InstanceV2>("/api/v2/instance").await {
        Ok(v2) => Ok(Instance::V2(v2)),
        Err(e) if matches!(e.kind, ErrorKind::NotFound | ErrorKind::Decode) => {
            let raw: serde_json::Value = client.get("/api/v1/instance").await?;
            Instance::from_v1_json(&raw.to_string())
        }
        Err(e) => Err(e),
    }
}

/// Whether anything answers at `origin`, CORS or not: a `no-cors` request succeeds (with an
/// opaque response) whenever the host resolves and accepts the connection. After a
/// [`ErrorKind::Network`] failure this separates "does not exist / refused / down" (false)
/// from "answers, but blocks browser apps or is not a Mastodon server" (true).
///
/// Lead: this is the one request outside `http.rs`; it belongs there as `Client::probe`.
pub async fn reachable(origin: &str) -> bool {
    gloo_net::http::Request::get(&format!("{origin}/"))
        .mode(web_sys::RequestMode::NoCors)
        .send()
        .await
        .is_ok()
}
