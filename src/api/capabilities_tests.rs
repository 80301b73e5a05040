//! Tests of `api/capabilities.rs`, kept beside it so the module stays small.
use super::*;

#[test]
fn software_from_version_strings() {
    assert_eq!(
        from_version("2.7.2 (compatible; Akkoma 3.13.2)", None),
        Software::Akkoma
    );
    assert_eq!(
        from_version("2.7.2 (compatible; Pleroma 2.6.1)", None),
        Software::Pleroma
    );
    assert_eq!(from_version("0.2.0 31935ee", None), Software::GoToSocial);
    assert_eq!(
        from_version("0.17.0 git-8c32458", None),
        Software::GoToSocial
    );
    assert_eq!(
        from_version(
            "0.19.1",
            Some("https://codeberg.org/superseriousbusiness/gotosocial")
        ),
        Software::GoToSocial
    );
    assert_eq!(from_version("4.3.2+glitch", None), Software::GlitchSoc);
    assert_eq!(
        from_version("4.0.2+hometown-1.1.1", None),
        Software::Hometown
    );
    assert_eq!(
        from_version("4.7.0-alpha.2+pr-39999-68e5caf", None),
        Software::Mastodon
    );
    assert_eq!(
        from_version("misskey", None),
        Software::Other("misskey".into())
    );
}

#[test]
fn version_numbers() {
    assert_eq!(major_minor("4.7.0-alpha.2"), Some((4, 7)));
    assert_eq!(major_minor("2.7.2 (compatible; Akkoma 3.x)"), Some((2, 7)));
    assert_eq!(major_minor("v0.18.0 git-x"), Some((0, 18)));
    assert_eq!(major_minor("nightly"), None);
}

#[test]
fn feed_access_defaults_to_public() {
    assert_eq!(FeedAccess::parse(None), FeedAccess::Public);
    assert_eq!(FeedAccess::parse(Some("bogus")), FeedAccess::Public);
    assert_eq!(FeedAccess::parse(Some("disabled")), FeedAccess::Disabled);
}

#[test]
fn the_stored_form_reads_back() {
    let mut caps = Capabilities {
        software: Software::Other("misskey".into()),
        version: "13.0".into(),
        api_version: Some(7),
        pkce: true,
        grouped_notifications: true,
        quotes: false,
        quote_posts: true,
        edit: true,
        translation: false,
        streaming_url: Some("wss://stream.example".into()),
        max_characters: 500,
        max_media_attachments: 4,
        characters_reserved_per_url: 23,
        polls: PollLimits::default(),
        media: MediaCaps {
            supported_mime_types: vec!["image/png".into()],
            description_limit: 1500,
            image_size_limit: 1,
            video_size_limit: 2,
        },
        markdown: true,
        redirect_uris_as_array: false,
        revoke: true,
        local_feed: FeedAccess::Authenticated,
        remote_feed: FeedAccess::Disabled,
    };
    for software in [Software::Other("misskey".into()), Software::GlitchSoc] {
        caps.software = software;
        let text = serde_json::to_string(&caps).unwrap();
        assert_eq!(serde_json::from_str::<Capabilities>(&text).unwrap(), caps);
    }
    // Entries cached before `media` existed still read.
    let mut v = serde_json::to_value(&caps).unwrap();
    v.as_object_mut().unwrap().remove("media");
    assert_eq!(
        serde_json::from_value::<Capabilities>(v).unwrap().media,
        MediaCaps::default()
    );
}
