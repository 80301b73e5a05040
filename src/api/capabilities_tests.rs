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
