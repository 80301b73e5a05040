//! Reading cached `Capabilities` back from `localStorage` by hand (see `model::json` for why
//! not a derived `Deserialize`), in the format the derived `Serialize` writes.

use serde::Deserialize;

use super::{Capabilities, FeedAccess, MediaCaps, PollLimits, Software};

/// Capabilities are read back from `localStorage` (every page load, and on each
/// `cached_capabilities`) by hand from a `Value` (see `model::json`), in the format the derived
/// `Serialize` writes; a field missing from an older cache fails the entry, as before, except
/// `media` (defaulted).
fn from_json(v: &serde_json::Value) -> Option<Capabilities> {
    use crate::model::json::{ob, obj, os, ou};
    use serde_json::Value;
    let n32 = |v: &Value, k: &str| ou(v, k).and_then(|n| u32::try_from(n).ok());
    let feed = |k: &str| match v.get(k)?.as_str()? {
        "Public" => Some(FeedAccess::Public),
        "Authenticated" => Some(FeedAccess::Authenticated),
        "Disabled" => Some(FeedAccess::Disabled),
        _ => None,
    };
    let software = match v.get("software")? {
        Value::String(name) => match name.as_str() {
            "Mastodon" => Software::Mastodon,
            "GlitchSoc" => Software::GlitchSoc,
            "Hometown" => Software::Hometown,
            "GoToSocial" => Software::GoToSocial,
            "Akkoma" => Software::Akkoma,
            "Pleroma" => Software::Pleroma,
            _ => return None,
        },
        Value::Object(o) => Software::Other(o.get("Other")?.as_str()?.to_string()),
        _ => return None,
    };
    let polls = obj(v, "polls")?;
    Some(Capabilities {
        software,
        version: v.get("version")?.as_str()?.to_string(),
        api_version: n32(v, "api_version"),
        pkce: ob(v, "pkce")?,
        grouped_notifications: ob(v, "grouped_notifications")?,
        quotes: ob(v, "quotes")?,
        quote_posts: ob(v, "quote_posts")?,
        edit: ob(v, "edit")?,
        translation: ob(v, "translation")?,
        streaming_url: os(v, "streaming_url"),
        max_characters: n32(v, "max_characters")?,
        max_media_attachments: n32(v, "max_media_attachments")?,
        characters_reserved_per_url: n32(v, "characters_reserved_per_url")?,
        polls: PollLimits {
            max_options: n32(polls, "max_options")?,
            max_characters_per_option: n32(polls, "max_characters_per_option")?,
            min_expiration: ou(polls, "min_expiration")?,
            max_expiration: ou(polls, "max_expiration")?,
        },
        media: obj(v, "media")
            .and_then(|m| {
                Some(MediaCaps {
                    supported_mime_types: crate::model::json::strings(m, "supported_mime_types")?,
                    description_limit: n32(m, "description_limit")?,
                    image_size_limit: ou(m, "image_size_limit")?,
                    video_size_limit: ou(m, "video_size_limit")?,
                })
            })
            .unwrap_or_default(),
        markdown: ob(v, "markdown")?,
        redirect_uris_as_array: ob(v, "redirect_uris_as_array")?,
        revoke: ob(v, "revoke")?,
        local_feed: feed("local_feed")?,
        remote_feed: feed("remote_feed")?,
    })
}

impl<'de> Deserialize<'de> for Capabilities {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::model::json::from_value(
            serde_json::Value::deserialize(d)?,
            from_json,
            "not capabilities",
        )
        .map_err(serde::de::Error::custom)
    }
}
