//! Instance information: v2 (4.0+) and the deprecated v1, which older servers, GoToSocial and
//! Akkoma (with `max_toot_chars`, `poll_limits`) still serve. Capabilities are derived from
//! these elsewhere; nothing here parses version strings.

use serde::Deserialize;

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct InstanceV2 {
    pub domain: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub source_url: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub thumbnail: Option<Thumbnail>,
    #[serde(default)]
    pub configuration: Configuration,
    #[serde(default)]
    pub api_versions: Option<ApiVersions>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Thumbnail {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ApiVersions {
    #[serde(default)]
    pub mastodon: Option<u32>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Configuration {
    #[serde(default)]
    pub urls: Urls,
    #[serde(default)]
    pub statuses: Option<StatusLimits>,
    #[serde(default)]
    pub media_attachments: Option<MediaLimits>,
    #[serde(default)]
    pub polls: Option<PollLimits>,
    #[serde(default)]
    pub translation: Option<Translation>,
    #[serde(default)]
    pub timelines_access: Option<TimelinesAccess>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Urls {
    #[serde(default)]
    pub streaming: Option<String>,
    /// v1 spelling.
    #[serde(default)]
    pub streaming_api: Option<String>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct StatusLimits {
    #[serde(default)]
    pub max_characters: Option<u32>,
    #[serde(default)]
    pub max_media_attachments: Option<u32>,
    #[serde(default)]
    pub characters_reserved_per_url: Option<u32>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct MediaLimits {
    #[serde(default)]
    pub supported_mime_types: Vec<String>,
    #[serde(default)]
    pub description_limit: Option<u32>,
    #[serde(default)]
    pub image_size_limit: Option<u64>,
    #[serde(default)]
    pub video_size_limit: Option<u64>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PollLimits {
    #[serde(default)]
    pub max_options: Option<u32>,
    #[serde(default)]
    pub max_characters_per_option: Option<u32>,
    #[serde(default)]
    pub min_expiration: Option<u64>,
    #[serde(default)]
    pub max_expiration: Option<u64>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Translation {
    #[serde(default)]
    pub enabled: bool,
}

/// 4.5+: `public`, `authenticated` or `disabled` per live feed.
#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TimelinesAccess {
    #[serde(default)]
    pub live_feeds: Option<FeedAccess>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct FeedAccess {
    #[serde(default)]
    pub local: Option<String>,
    #[serde(default)]
    pub remote: Option<String>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct InstanceV1 {
    pub uri: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub short_description: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub urls: Urls,
    #[serde(default)]
    pub thumbnail: Option<String>,
    #[serde(default)]
    pub configuration: Option<Configuration>,
    /// Akkoma / Pleroma.
    #[serde(default)]
    pub max_toot_chars: Option<u32>,
}
