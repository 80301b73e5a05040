//! Discovery → capabilities over the real instance fixtures (mastodon.social v2 and v1,
//! NodeInfo, RFC 8414 metadata) and over synthetic Akkoma, Pleroma, GoToSocial and
//! glitch-soc documents written here from those servers' documented shapes.

use woolly::api::capabilities::{Capabilities, FeedAccess, PollLimits, Software};
use woolly::api::decode::decode_one;
use woolly::api::instance::Instance;
use woolly::model::{misc::NodeInfo, oauth::ServerMetadata};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../fixtures/", $name))
    };
}

fn nodeinfo(text: &str) -> NodeInfo {
    decode_one(text).unwrap()
}

fn mastodon_defaults_polls() -> PollLimits {
    PollLimits {
        max_options: 4,
        max_characters_per_option: 50,
        min_expiration: 300,
        max_expiration: 2_629_746,
    }
}

#[test]
fn mastodon_social_v2_with_nodeinfo_and_metadata() {
    let instance = Instance::from_v2_json(fixture!("instance_v2.json")).unwrap();
    let info = nodeinfo(fixture!("nodeinfo_2.0.json"));
    let meta: ServerMetadata =
        decode_one(fixture!("oauth_authorization_server_metadata.json")).unwrap();
    let caps = Capabilities::derive(&instance, Some(&info), Some(&meta));
    assert_eq!(caps.software, Software::Mastodon);
    assert_eq!(caps.version, "4.6.0-nightly.2026-04-09");
    assert_eq!(caps.api_version, Some(11));
    assert!(caps.pkce);
    assert!(caps.grouped_notifications);
    assert!(caps.quotes && caps.quote_posts);
    assert!(caps.edit);
    assert!(caps.translation);
    assert!(caps.redirect_uris_as_array);
    assert!(caps.revoke);
    assert!(!caps.markdown);
    assert_eq!(
        caps.streaming_url.as_deref(),
        Some("wss://streaming.mastodon.social")
    );
    assert_eq!(caps.max_characters, 500);
    assert_eq!(caps.max_media_attachments, 4);
    assert_eq!(caps.characters_reserved_per_url, 23);
    assert_eq!(caps.polls, mastodon_defaults_polls());
    assert_eq!(caps.local_feed, FeedAccess::Disabled);
    assert_eq!(caps.remote_feed, FeedAccess::Disabled);

    // The preview shows the instance's own words and picture.
    assert_eq!(instance.title(), "Mastodon");
    assert!(
        instance
            .description()
            .starts_with("The original server of Mastodon")
    );
    assert!(
        instance
            .thumbnail()
            .unwrap()
            .starts_with("https://files.mastodon.social/")
    );

    // Cached per instance as JSON, and read back unchanged.
    let json = serde_json::to_string(&caps).unwrap();
    assert_eq!(serde_json::from_str::<Capabilities>(&json).unwrap(), caps);
}

#[test]
fn v1_alone_is_treated_as_an_old_server() {
    let instance = Instance::from_v1_json(fixture!("instance_v1.json")).unwrap();
    let caps = Capabilities::derive(&instance, None, None);
    assert_eq!(caps.software, Software::Mastodon);
    assert_eq!(caps.api_version, None);
    assert!(!caps.pkce);
    assert!(!caps.grouped_notifications);
    assert!(!caps.quotes);
    assert!(
        !caps.redirect_uris_as_array,
        "pre-4.3 servers want one string"
    );
    assert!(!caps.revoke);
    assert_eq!(
        caps.streaming_url.as_deref(),
        Some("wss://streaming.mastodon.social")
    );
    assert_eq!(caps.max_characters, 500);
    assert_eq!(caps.polls, mastodon_defaults_polls());
    assert_eq!(caps.local_feed, FeedAccess::Public);
    assert!(
        instance
            .description()
            .starts_with("The original server of Mastodon")
    );
}

#[test]
fn old_mastodon_without_configuration_gets_defaults() {
    let v1 = r#"{"uri":"old.example","title":"Old","short_description":"","description":"",
        "version":"3.4.6","urls":{"streaming_api":"wss://old.example"},"thumbnail":null}"#;
    let caps = Capabilities::derive(&Instance::from_v1_json(v1).unwrap(), None, None);
    assert_eq!(caps.software, Software::Mastodon);
    assert!(!caps.edit, "editing arrived in 3.5");
    assert_eq!(caps.max_characters, 500);
    assert_eq!(caps.max_media_attachments, 4);
    assert_eq!(caps.polls, PollLimits::default());
    let v1_35 = v1.replace("3.4.6", "3.5.3");
    let caps = Capabilities::derive(&Instance::from_v1_json(&v1_35).unwrap(), None, None);
    assert!(caps.edit);
}

const AKKOMA_V1: &str = r#"{
  "uri": "https://akkoma.example",
  "title": "Akkoma Example",
  "short_description": "",
  "description": "A <b>small</b> Akkoma server",
  "email": "admin@akkoma.example",
  "version": "2.7.2 (compatible; Akkoma 3.13.2)",
  "urls": {"streaming_api": "wss://akkoma.example"},
  "stats": {"user_count": 12, "status_count": 3400, "domain_count": 900},
  "thumbnail": "https://akkoma.example/instance/thumbnail.jpeg",
  "languages": ["en"],
  "registrations": false,
  "approval_required": false,
  "max_toot_chars": 5000,
  "poll_limits": {"max_expiration": 31536000, "max_option_chars": 200, "max_options": 20, "min_expiration": 0},
  "upload_limit": 16000000,
  "avatar_upload_limit": 2000000,
  "pleroma": {
    "metadata": {
      "features": ["pleroma_api", "mastodon_api", "polls", "editing", "quote_posting"],
      "post_formats": ["text/plain", "text/html", "text/markdown", "text/bbcode", "text/x.misskeymarkdown"],
      "fields_limits": {"max_fields": 10}
    },
    "vapid_public_key": "BKey"
  }
}"#;

const AKKOMA_NODEINFO: &str = r#"{"version":"2.1","software":{"name":"akkoma","version":"3.13.2",
  "repository":"https://akkoma.dev/AkkomaGang/akkoma"},"protocols":["activitypub"],
  "services":{"inbound":[],"outbound":[]},"openRegistrations":false,"usage":{"localPosts":3400,
  "users":{"total":12}},"metadata":{"nodeName":"Akkoma Example"}}"#;

#[test]
fn akkoma_limits_come_from_its_own_fields() {
    let instance = Instance::from_v1_json(AKKOMA_V1).unwrap();
    let info = nodeinfo(AKKOMA_NODEINFO);
    let caps = Capabilities::derive(&instance, Some(&info), None);
    assert_eq!(caps.software, Software::Akkoma);
    assert_eq!(caps.version, "3.13.2");
    assert!(!caps.pkce);
    assert!(!caps.grouped_notifications);
    assert!(!caps.redirect_uris_as_array);
    assert!(caps.markdown);
    assert!(caps.edit);
    assert_eq!(caps.max_characters, 5000);
    assert_eq!(
        caps.polls,
        PollLimits {
            max_options: 20,
            max_characters_per_option: 200,
            min_expiration: 0,
            max_expiration: 31_536_000,
        }
    );
    assert_eq!(caps.streaming_url.as_deref(), Some("wss://akkoma.example"));
    // Without NodeInfo the version string still names it.
    let caps = Capabilities::derive(&instance, None, None);
    assert_eq!(caps.software, Software::Akkoma);
    assert_eq!(caps.version, "2.7.2 (compatible; Akkoma 3.13.2)");
}

#[test]
fn pleroma_without_markdown_in_its_post_formats() {
    let v1 = AKKOMA_V1
        .replace("compatible; Akkoma 3.13.2", "compatible; Pleroma 2.6.1")
        .replace(r#""text/markdown", "#, "");
    let caps = Capabilities::derive(&Instance::from_v1_json(&v1).unwrap(), None, None);
    assert_eq!(caps.software, Software::Pleroma);
    assert!(!caps.markdown);
}

const GOTOSOCIAL_V1: &str = r#"{
  "uri": "gts.example",
  "account_domain": "gts.example",
  "title": "GoToSocial Example",
  "description": "<p>A GoToSocial instance.</p>",
  "short_description": "<p>Tiny &amp; friendly.</p>",
  "email": "",
  "version": "0.17.0 git-8c32458",
  "languages": [],
  "registrations": false,
  "approval_required": true,
  "invites_enabled": false,
  "configuration": {
    "statuses": {"max_characters": 5000, "max_media_attachments": 6, "characters_reserved_per_url": 25,
      "supported_mime_types": ["text/plain", "text/markdown"]},
    "media_attachments": {"supported_mime_types": ["image/jpeg", "image/png"], "image_size_limit": 41943040,
      "video_size_limit": 41943040},
    "polls": {"max_options": 6, "max_characters_per_option": 50, "min_expiration": 300, "max_expiration": 2629746},
    "accounts": {"allow_custom_css": false, "max_featured_tags": 10, "max_profile_fields": 6},
    "emojis": {"emoji_size_limit": 51200}
  },
  "urls": {"streaming_api": "wss://gts.example"},
  "stats": {"domain_count": 10, "status_count": 20, "user_count": 1},
  "thumbnail": "https://gts.example/assets/logo.webp",
  "max_toot_chars": 5000
}"#;

#[test]
fn gotosocial_never_gets_an_array_of_redirect_uris() {
    let instance = Instance::from_v1_json(GOTOSOCIAL_V1).unwrap();
    let caps = Capabilities::derive(&instance, None, None);
    assert_eq!(caps.software, Software::GoToSocial);
    assert!(!caps.pkce, "no RFC 8414 metadata: PKCE cannot be assumed");
    assert!(!caps.redirect_uris_as_array);
    assert!(!caps.grouped_notifications);
    assert!(caps.markdown);
    assert!(!caps.edit, "editing arrived in GoToSocial 0.18");
    assert_eq!(caps.max_characters, 5000);
    assert_eq!(caps.max_media_attachments, 6);
    assert_eq!(caps.characters_reserved_per_url, 25);
    assert_eq!(caps.polls.max_options, 6);
    assert_eq!(instance.description(), "<p>Tiny &amp; friendly.</p>");

    // Newer GoToSocial: plain version, v2 instance, named by source_url and NodeInfo.
    let v2 = r#"{"domain":"gts.example","title":"GoToSocial Example","version":"0.19.1",
        "source_url":"https://codeberg.org/superseriousbusiness/gotosocial",
        "description":"","configuration":{"urls":{"streaming":"wss://gts.example"},
        "statuses":{"max_characters":5000,"max_media_attachments":6}}}"#;
    let instance = Instance::from_v2_json(v2).unwrap();
    let caps = Capabilities::derive(&instance, None, None);
    assert_eq!(caps.software, Software::GoToSocial);
    assert!(caps.edit);
    assert!(!caps.redirect_uris_as_array && !caps.grouped_notifications);
    let info = nodeinfo(
        r#"{"version":"2.0","software":{"name":"gotosocial","version":"0.19.1 git-abc"}}"#,
    );
    let caps = Capabilities::derive(&instance, Some(&info), None);
    assert_eq!(caps.software, Software::GoToSocial);
    assert_eq!(caps.version, "0.19.1 git-abc");
}

#[test]
fn forks_of_mastodon_are_named_by_their_version_suffix() {
    let v2 = fixture!("instance_v2.json");
    let instance = Instance::from_v2_json(v2).unwrap();
    let glitch = nodeinfo(r#"{"software":{"name":"mastodon","version":"4.3.2+glitch"}}"#);
    let caps = Capabilities::derive(&instance, Some(&glitch), None);
    assert_eq!(caps.software, Software::GlitchSoc);
    assert!(caps.markdown && caps.redirect_uris_as_array && caps.grouped_notifications);
    let hometown = nodeinfo(r#"{"software":{"name":"mastodon","version":"4.0.2+hometown-1.1.1"}}"#);
    assert_eq!(
        Capabilities::derive(&instance, Some(&hometown), None).software,
        Software::Hometown
    );
    let other = nodeinfo(r#"{"software":{"name":"sharkey","version":"2024.11.0"}}"#);
    let caps = Capabilities::derive(&instance, Some(&other), None);
    assert_eq!(caps.software, Software::Other("sharkey".into()));
    // Unknown software never gets Mastodon-only behaviour from an api_versions it echoes.
    assert!(!caps.redirect_uris_as_array && !caps.grouped_notifications);
}
