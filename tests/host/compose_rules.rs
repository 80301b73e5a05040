//! Composer rules over real fixtures: reply prefill from real statuses, and poll and media
//! validation against the limits mastodon.social states (instance v2 and v1).

use woolly::api::capabilities::Capabilities;
use woolly::api::decode::decode_one;
use woolly::api::instance::Instance;
use woolly::compose::rules::{
    self, MediaProblem, PollProblem, focus_from_click, focus_param, narrowest, reply_prefill,
    validate_alt, validate_file, validate_poll,
};
use woolly::model::Status;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../fixtures/", $name))
    };
}

fn v2() -> Capabilities {
    Capabilities::derive(
        &Instance::from_v2_json(fixture!("instance_v2.json")).unwrap(),
        None,
        None,
    )
}

fn v1() -> Capabilities {
    Capabilities::derive(
        &Instance::from_v1_json(fixture!("instance_v1.json")).unwrap(),
        None,
        None,
    )
}

fn status(text: &str) -> Status {
    decode_one(text).unwrap()
}

#[test]
fn a_reply_mentions_the_author_then_the_others_without_me() {
    let parent = status(fixture!("status_reply_mention.json"));
    assert_eq!(parent.account.acct, "admin");
    let p = reply_prefill(&parent, "someone", "public");
    assert_eq!(p.text, "@admin @mastodonpy_test_2 ");
    // Replying as one of the mentioned: yourself is left out (case-insensitively).
    let p = reply_prefill(&parent, "MastodonPy_Test_2", "public");
    assert_eq!(p.text, "@admin ");
    // Replying to yourself with nobody else: nothing to prefill.
    let mut own = parent.clone();
    own.mentions.clear();
    assert_eq!(reply_prefill(&own, "admin", "public").text, "");
}

#[test]
fn a_reply_never_duplicates_a_mention() {
    let mut parent = status(fixture!("status_reply_mention.json"));
    let again = parent.mentions[0].clone();
    parent.mentions.push(again);
    let mut author = parent.mentions[0].clone();
    author.acct = "ADMIN".into();
    parent.mentions.push(author);
    assert_eq!(
        reply_prefill(&parent, "me", "public").text,
        "@admin @mastodonpy_test_2 "
    );
}

#[test]
fn a_reply_keeps_the_cw_and_is_never_wider_than_its_parent() {
    let direct = status(fixture!("status_direct_cw.json"));
    let p = reply_prefill(&direct, "me", "public");
    assert_eq!(p.spoiler_text, "Content warning");
    assert_eq!(p.visibility, "direct");
    let private = status(fixture!("status_private.json"));
    assert_eq!(
        reply_prefill(&private, "me", "public").visibility,
        "private"
    );
    assert_eq!(reply_prefill(&private, "me", "direct").visibility, "direct");
    let public = status(fixture!("status_reply_mention.json"));
    assert_eq!(
        reply_prefill(&public, "me", "unlisted").visibility,
        "unlisted"
    );
    assert_eq!(narrowest("public", "private"), "private");
    assert_eq!(narrowest("direct", "unlisted"), "direct");
}

#[test]
fn a_reply_to_a_boost_answers_the_boosted_post() {
    let boost = status(fixture!("status_reblog_wrapper.json"));
    let inner = boost.reblog.as_deref().unwrap();
    let p = reply_prefill(&boost, "nobody", "public");
    assert!(
        p.text.starts_with(&format!("@{} ", inner.account.acct)),
        "{}",
        p.text
    );
}

fn opts(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn polls_follow_the_instance_limits() {
    for caps in [v2(), v1()] {
        let l = &caps.polls;
        assert_eq!((l.max_options, l.max_characters_per_option), (4, 50));
        assert!(validate_poll(&opts(&["yes", "no"]), 86_400, l).is_empty());
        assert_eq!(
            validate_poll(&opts(&["only"]), 86_400, l),
            vec![PollProblem::TooFewOptions]
        );
        assert_eq!(
            validate_poll(&opts(&["a", "b", "c", "d", "e"]), 86_400, l),
            vec![PollProblem::TooManyOptions(4)]
        );
        let long = "x".repeat(51);
        assert_eq!(
            validate_poll(&opts(&["a", &long]), 86_400, l),
            vec![PollProblem::OptionTooLong(1, 50)]
        );
        // 50 emoji are 50 characters, as Mastodon counts them.
        let emoji = "👨‍👩‍👧".repeat(50);
        assert!(validate_poll(&opts(&["a", &emoji]), 86_400, l).is_empty());
        assert_eq!(
            validate_poll(&opts(&["a", " "]), 86_400, l),
            vec![PollProblem::EmptyOption(1)]
        );
        assert_eq!(
            validate_poll(&opts(&["a", "a"]), 86_400, l),
            vec![PollProblem::DuplicateOption(1)]
        );
        assert_eq!(
            validate_poll(&opts(&["a", "b"]), 299, l),
            vec![PollProblem::Duration(300, 2_629_746)]
        );
        assert!(!validate_poll(&opts(&["a", "b"]), 2_629_747, l).is_empty());
        assert!(validate_poll(&opts(&["a", "b"]), 2_629_746, l).is_empty());
        assert_eq!(rules::poll_durations(l).first(), Some(&300));
        assert_eq!(rules::poll_durations(l).last(), Some(&604_800));
    }
}

#[test]
fn media_follows_the_instance_limits() {
    for caps in [v2(), v1()] {
        assert_eq!(caps.max_media_attachments, 4);
        assert_eq!(caps.media.image_size_limit, 16_777_216);
        assert_eq!(validate_file("image/png", 1_000, 0, &caps), None);
        assert_eq!(validate_file("video/mp4", 50_000_000, 3, &caps), None);
        assert_eq!(
            validate_file("image/png", 1_000, 4, &caps),
            Some(MediaProblem::TooMany(4))
        );
        assert_eq!(
            validate_file("image/png", 16_777_217, 0, &caps),
            Some(MediaProblem::TooLarge(16_777_216))
        );
        assert_eq!(
            validate_file("video/mp4", 103_809_025, 0, &caps),
            Some(MediaProblem::TooLarge(103_809_024))
        );
        assert_eq!(
            validate_file("application/pdf", 10, 0, &caps),
            Some(MediaProblem::Type("application/pdf".into()))
        );
    }
    // v2 states its alt text limit (10,000); v1 does not, so Mastodon's 1,500 applies.
    let (v2, v1) = (v2(), v1());
    assert_eq!(v2.media.description_limit, 10_000);
    assert_eq!(validate_alt(&"a".repeat(10_000), &v2.media), None);
    assert_eq!(
        validate_alt(&"a".repeat(10_001), &v2.media),
        Some(MediaProblem::AltTooLong(10_000))
    );
    assert_eq!(
        validate_alt(&"a".repeat(1_501), &v1.media),
        Some(MediaProblem::AltTooLong(1_500))
    );
}

#[test]
fn focal_points_are_centred_with_y_up() {
    assert_eq!(focus_from_click(50.0, 50.0, 100.0, 100.0), (0.0, 0.0));
    assert_eq!(focus_from_click(0.0, 0.0, 200.0, 100.0), (-1.0, 1.0));
    assert_eq!(focus_from_click(200.0, 100.0, 200.0, 100.0), (1.0, -1.0));
    assert_eq!(focus_from_click(150.0, 25.0, 200.0, 100.0), (0.5, 0.5));
    assert_eq!(focus_param((0.5, -0.25)), "0.50,-0.25");
    assert_eq!(focus_param((-1.0, 0.0)), "-1.00,0.00");
}
