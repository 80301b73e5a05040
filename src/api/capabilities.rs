//! What a server can do, derived once at sign-in from its instance document, NodeInfo and
//! OAuth metadata (pure). Later features ask this value instead of parsing version strings.
//!
//! Signals, most trusted first: RFC 8414 metadata (PKCE), `api_versions.mastodon` (Mastodon
//! 4.3+ features: 4.3 = 2, 4.4 = 3–5, 4.5 = 7, 4.6 = 8–10), the instance's `configuration`
//! (limits, streaming, translation, live feeds), NodeInfo `software.name`, and last the
//! version string's shape (`(compatible; Akkoma 3.x)`, `+glitch`, GoToSocial's
//! `0.17.0 git-abc`). The version is kept for display only.

use serde::{Deserialize, Serialize};

use super::instance::Instance;
use crate::model::{instance::Configuration, misc::NodeInfo, oauth::ServerMetadata};

/// Mastodon's defaults, used where a server states no limit.
pub const DEFAULT_MAX_CHARACTERS: u32 = 500;
pub const DEFAULT_MAX_MEDIA_ATTACHMENTS: u32 = 4;
pub const DEFAULT_CHARACTERS_RESERVED_PER_URL: u32 = 23;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub enum Software {
    Mastodon,
    GlitchSoc,
    Hometown,
    GoToSocial,
    Akkoma,
    Pleroma,
    /// Anything else, by its NodeInfo name (or version string).
    Other(String),
}

impl Software {
    /// Mastodon or one of its forks: they share Mastodon's API versions and quirks.
    pub fn is_mastodon_family(&self) -> bool {
        matches!(
            self,
            Software::Mastodon | Software::GlitchSoc | Software::Hometown
        )
    }

    pub fn name(&self) -> &str {
        match self {
            Software::Mastodon => "Mastodon",
            Software::GlitchSoc => "glitch-soc",
            Software::Hometown => "Hometown",
            Software::GoToSocial => "GoToSocial",
            Software::Akkoma => "Akkoma",
            Software::Pleroma => "Pleroma",
            Software::Other(name) => name,
        }
    }
}

/// Who may read a live feed (Mastodon 4.5 `timelines_access.live_feeds`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FeedAccess {
    #[default]
    Public,
    Authenticated,
    /// The feed answers 200 with `[]`: show "this server has turned it off", not "empty".
    Disabled,
}

impl FeedAccess {
    fn parse(value: Option<&str>) -> FeedAccess {
        match value {
            Some("authenticated") => FeedAccess::Authenticated,
            Some("disabled") => FeedAccess::Disabled,
            // Absent (before 4.5) or unknown: the feed is simply public.
            _ => FeedAccess::Public,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct PollLimits {
    pub max_options: u32,
    pub max_characters_per_option: u32,
    /// Seconds.
    pub min_expiration: u64,
    /// Seconds.
    pub max_expiration: u64,
}

impl Default for PollLimits {
    /// Mastodon's built-in limits (`PollOptionsValidator`, `PollExpirationValidator`).
    fn default() -> Self {
        PollLimits {
            max_options: 4,
            max_characters_per_option: 50,
            min_expiration: 300,
            max_expiration: 2_629_746,
        }
    }
}

/// Upload limits (`configuration.media_attachments`); zero or empty means "not stated".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct MediaCaps {
    pub supported_mime_types: Vec<String>,
    /// Longest alt text, in characters (Mastodon: 1,500; 4.4+: configurable).
    pub description_limit: u32,
    pub image_size_limit: u64,
    pub video_size_limit: u64,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Capabilities {
    pub software: Software,
    /// Display only; never branch on it.
    pub version: String,
    /// `api_versions.mastodon` (4.3+), when the server reports it.
    pub api_version: Option<u32>,
    /// RFC 8414 metadata lists S256.
    pub pkce: bool,
    /// `/api/v2/notifications` (Mastodon 4.3, API 2). Others fall back to v1.
    pub grouped_notifications: bool,
    /// `status.quote` is sent (Mastodon 4.4 = API 3; every 4.4 release reports ≥ 3).
    pub quotes: bool,
    /// Quotes can be written and have `quote_approval` (Mastodon 4.5 = API 7).
    pub quote_posts: bool,
    /// `PUT /api/v1/statuses/:id` works.
    pub edit: bool,
    /// `configuration.translation.enabled`.
    pub translation: bool,
    /// The streaming base URL, when the server states one (`wss://…`).
    pub streaming_url: Option<String>,
    pub max_characters: u32,
    pub max_media_attachments: u32,
    pub characters_reserved_per_url: u32,
    pub polls: PollLimits,
    /// Media upload limits (absent from capabilities cached before they were added).
    #[serde(default)]
    pub media: MediaCaps,
    /// `content_type` (`text/markdown`) is honoured when posting.
    pub markdown: bool,
    /// `POST /api/v1/apps` takes `redirect_uris[]` (Mastodon 4.3+); GoToSocial rejects it.
    pub redirect_uris_as_array: bool,
    /// `/oauth/revoke` can be called from a browser (CORS since Mastodon 4.3).
    pub revoke: bool,
    pub local_feed: FeedAccess,
    pub remote_feed: FeedAccess,
}

impl Capabilities {
    /// Derives capabilities from what discovery found (pure).
    pub fn derive(
        instance: &Instance,
        nodeinfo: Option<&NodeInfo>,
        metadata: Option<&ServerMetadata>,
    ) -> Capabilities {
        let software = detect_software(instance, nodeinfo);
        let version = nodeinfo
            .map(|n| n.software.version.as_str())
            .filter(|v| !v.is_empty())
            .unwrap_or(instance.version())
            .to_string();
        let api = instance.api_version();
        let mastodon_api =
            |min: u32| software.is_mastodon_family() && api.is_some_and(|v| v >= min);
        let config = configuration(instance);
        let statuses = config.and_then(|c| c.statuses.as_ref());
        let (v1_max_chars, ext) = match instance {
            Instance::V1(core, ext) => (core.max_toot_chars, Some(ext)),
            Instance::V2(_) => (None, None),
        };
        let polls = poll_limits(config, ext.and_then(|e| e.poll_limits.as_ref()));
        let feeds = config
            .and_then(|c| c.timelines_access.as_ref())
            .and_then(|t| t.live_feeds.as_ref());
        let post_formats = ext
            .and_then(|e| e.pleroma.as_ref())
            .map(|p| p.metadata.post_formats.as_slice())
            .filter(|f| !f.is_empty());
        let markdown = match &software {
            Software::GoToSocial | Software::GlitchSoc => true,
            Software::Akkoma | Software::Pleroma => {
                post_formats.is_none_or(|f| f.iter().any(|p| p == "text/markdown"))
            }
            _ => false,
        };
        Capabilities {
            pkce: metadata.is_some_and(ServerMetadata::supports_pkce_s256),
            grouped_notifications: mastodon_api(2),
            quotes: mastodon_api(3),
            quote_posts: mastodon_api(7),
            edit: supports_edit(&software, instance),
            translation: config
                .and_then(|c| c.translation.as_ref())
                .is_some_and(|t| t.enabled),
            streaming_url: streaming_url(instance),
            max_characters: statuses
                .and_then(|s| s.max_characters)
                .or(v1_max_chars)
                .filter(|&n| n > 0)
                .unwrap_or(DEFAULT_MAX_CHARACTERS),
            max_media_attachments: statuses
                .and_then(|s| s.max_media_attachments)
                .or(ext.and_then(|e| e.max_media_attachments))
                .filter(|&n| n > 0)
                .unwrap_or(DEFAULT_MAX_MEDIA_ATTACHMENTS),
            characters_reserved_per_url: statuses
                .and_then(|s| s.characters_reserved_per_url)
                .unwrap_or(DEFAULT_CHARACTERS_RESERVED_PER_URL),
            polls,
            media: config
                .and_then(|c| c.media_attachments.as_ref())
                .map(|m| MediaCaps {
                    supported_mime_types: m.supported_mime_types.clone(),
                    description_limit: m.description_limit.unwrap_or(0),
                    image_size_limit: m.image_size_limit.unwrap_or(0),
                    video_size_limit: m.video_size_limit.unwrap_or(0),
                })
                .unwrap_or_default(),
            markdown,
            redirect_uris_as_array: mastodon_api(2),
            revoke: metadata.is_some_and(|m| m.revocation_endpoint.is_some()) || mastodon_api(2),
            local_feed: FeedAccess::parse(feeds.and_then(|f| f.local.as_deref())),
            remote_feed: FeedAccess::parse(feeds.and_then(|f| f.remote.as_deref())),
            api_version: api,
            software,
            version,
        }
    }
}

fn configuration(instance: &Instance) -> Option<&Configuration> {
    match instance {
        Instance::V2(i) => Some(&i.configuration),
        Instance::V1(i, _) => i.configuration.as_ref(),
    }
}

fn streaming_url(instance: &Instance) -> Option<String> {
    let url = match instance {
        Instance::V2(i) => i.configuration.urls.streaming.as_deref(),
        Instance::V1(i, _) => i.urls.streaming_api.as_deref(),
    }?;
    let lower = url.to_ascii_lowercase();
    ["wss://", "ws://", "https://", "http://"]
        .iter()
        .any(|s| lower.starts_with(s))
        .then(|| url.trim_end_matches('/').to_string())
}

fn poll_limits(
    config: Option<&Configuration>,
    akkoma: Option<&super::instance::V1PollLimits>,
) -> PollLimits {
    let d = PollLimits::default();
    if let Some(p) = config.and_then(|c| c.polls.as_ref()) {
        return PollLimits {
            max_options: p.max_options.unwrap_or(d.max_options),
            max_characters_per_option: p
                .max_characters_per_option
                .unwrap_or(d.max_characters_per_option),
            min_expiration: p.min_expiration.unwrap_or(d.min_expiration),
            max_expiration: p.max_expiration.unwrap_or(d.max_expiration),
        };
    }
    match akkoma {
        Some(p) => PollLimits {
            max_options: p.max_options.unwrap_or(d.max_options),
            max_characters_per_option: p.max_option_chars.unwrap_or(d.max_characters_per_option),
            min_expiration: p.min_expiration.unwrap_or(d.min_expiration),
            max_expiration: p.max_expiration.unwrap_or(d.max_expiration),
        },
        None => d,
    }
}

/// NodeInfo's `software.name` first, then the version string's shape and `source_url`.
fn detect_software(instance: &Instance, nodeinfo: Option<&NodeInfo>) -> Software {
    let version = instance.version();
    let by_version = from_version(version, instance.source_url());
    let Some(info) = nodeinfo else {
        return by_version;
    };
    let name = info.software.name.to_ascii_lowercase();
    match name.as_str() {
        // glitch-soc and Hometown report "mastodon" with a `+glitch`/`+hometown` version.
        "mastodon" => match from_version(&info.software.version, None) {
            fork @ (Software::GlitchSoc | Software::Hometown) => fork,
            _ if matches!(by_version, Software::GlitchSoc | Software::Hometown) => by_version,
            _ => Software::Mastodon,
        },
        "glitchsoc" | "glitch-soc" | "glitch" => Software::GlitchSoc,
        "hometown" => Software::Hometown,
        "gotosocial" => Software::GoToSocial,
        "akkoma" => Software::Akkoma,
        "pleroma" => Software::Pleroma,
        "" => by_version,
        _ => Software::Other(info.software.name.clone()),
    }
}

fn from_version(version: &str, source_url: Option<&str>) -> Software {
    let lower = version.to_ascii_lowercase();
    if lower.contains("compatible; akkoma") {
        return Software::Akkoma;
    }
    if lower.contains("compatible; pleroma") {
        return Software::Pleroma;
    }
    if source_url.is_some_and(|u| u.to_ascii_lowercase().contains("gotosocial")) {
        return Software::GoToSocial;
    }
    if lower.contains("+glitch") {
        return Software::GlitchSoc;
    }
    if lower.contains("+hometown") {
        return Software::Hometown;
    }
    // Older GoToSocial: "0.2.0 31935ee" / "0.17.0 git-abc123"; Mastodon versions never
    // contain a space.
    if let Some((number, build)) = version.split_once(' ') {
        let build = build.strip_prefix("git-").unwrap_or(build);
        if number.starts_with("0.")
            && !build.is_empty()
            && build.chars().all(|c| c.is_ascii_hexdigit())
        {
            return Software::GoToSocial;
        }
    }
    if version.is_empty() || version.starts_with(|c: char| c.is_ascii_digit()) {
        Software::Mastodon
    } else {
        Software::Other(version.to_string())
    }
}

/// `(major, minor)` of a version's leading number (display strings; only for `edit`).
fn major_minor(version: &str) -> Option<(u32, u32)> {
    let mut parts = version
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty());
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// Editing: Mastodon 3.5+ (every server with instance v2 is 4.0+); GoToSocial 0.18+;
/// Akkoma and Pleroma 2.5+ (Akkoma 3.x reports `2.7.2 (compatible; …)`).
fn supports_edit(software: &Software, instance: &Instance) -> bool {
    let version = instance.version();
    match software {
        Software::Mastodon | Software::GlitchSoc | Software::Hometown => {
            matches!(instance, Instance::V2(_)) || major_minor(version) >= Some((3, 5))
        }
        Software::GoToSocial => major_minor(version) >= Some((0, 18)),
        Software::Akkoma | Software::Pleroma => major_minor(version) >= Some((2, 5)),
        Software::Other(_) => false,
    }
}

#[path = "capabilities_decode.rs"]
mod decode;

#[cfg(test)]
#[path = "capabilities_tests.rs"]
mod tests;
