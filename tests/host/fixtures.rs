//! Every real response in `tests/fixtures/` decodes into Woolly's models, and the fields
//! that matter come out right. If one fails, the model is wrong, not the fixture.

use woolly::api::decode::{decode_list, decode_one};
use woolly::api::page::parse_link_header;
use woolly::model::{
    Account, CustomEmoji, ErrorBody, InstanceV1, InstanceV2, MediaAttachment, Poll, Status,
    misc::*, notification::*, oauth::*,
};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../fixtures/", $name))
    };
}

fn one<T: serde::de::DeserializeOwned>(text: &str) -> T {
    decode_one(text).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Lists must decode with nothing skipped.
fn all<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    let decoded = decode_list(text).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(decoded.skipped.is_empty(), "skipped: {:?}", decoded.skipped);
    decoded.items
}

#[test]
fn statuses_decode_with_their_shapes() {
    let home: Vec<Status> = all(fixture!("timeline_home.json"));
    assert_eq!(home.len(), 13);
    assert_eq!(home[0].id, "117020593473214477");
    assert!(home.iter().any(|s| s.poll.is_some()));

    let cw: Status = one(fixture!(
        "status_cw_emoji_gifv_mention_hashtag_edited_filtered.json"
    ));
    assert!(!cw.spoiler_text.is_empty());
    assert!(cw.edited_at.is_some());
    assert_eq!(cw.filtered[0].filter.title, "animes");
    assert_eq!(cw.media_attachments[0].kind, "gifv");
    assert_eq!(cw.emojis[0].shortcode, "trans_heart");
    assert_eq!(cw.mentions[0].acct, "halcy@icosahedron.website");

    let boost: Status = one(fixture!("status_reblog_wrapper.json"));
    assert!(boost.content.is_empty());
    assert!(boost.uri.ends_with("/activity"));
    assert_ne!(boost.shown().id, boost.id);

    let quote: Status = one(fixture!("status_quote_nested.json"));
    let q = quote.quote.as_ref().unwrap();
    assert_eq!(q.state, "accepted");
    let inner = q.quoted_status.as_ref().unwrap();
    assert!(inner.quote.as_ref().unwrap().quoted_status_id.is_some());

    let card: Status = one(fixture!("status_with_card_author.json"));
    assert_eq!(
        card.card.unwrap().authors[0].account.as_ref().unwrap().acct,
        "halcy@icosahedron.website"
    );

    for text in [
        fixture!("status_audio_reply.json"),
        fixture!("status_direct_cw.json"),
        fixture!("status_image_focus_reply.json"),
        fixture!("status_poll_with_emoji.json"),
        fixture!("status_private.json"),
        fixture!("status_reply_mention.json"),
        fixture!("status_two_images_focus.json"),
        fixture!("status_video.json"),
        fixture!("status_video_empty_content.json"),
        fixture!("status_with_card_link.json"),
        fixture!("status_with_quote_inline_fallback.json"),
        fixture!("old_server_status_reblog_old.json"),
    ] {
        let s: Status = one(text);
        assert!(!s.id.is_empty() && !s.account.acct.is_empty());
    }
    let page: Vec<Status> = all(fixture!("account_statuses_page1.json"));
    assert_eq!(page.len(), 5);
    // An unknown key (AndStatus's "//comment") is tolerated.
    let old: Vec<Status> = all(fixture!(
        "old_server_timeline_video_old_with_extra_key.json"
    ));
    assert_eq!(old[0].media_attachments[0].kind, "video");
}

#[test]
fn media_meta_gives_aspect_ratios_and_focus() {
    let s: Status = one(fixture!("status_two_images_focus.json"));
    for m in &s.media_attachments {
        assert!(m.aspect_ratio().unwrap() > 0.0);
        assert!(m.meta.as_ref().unwrap().focus.is_some());
        assert!(m.alt().is_some());
    }
    let upload: MediaAttachment = one(fixture!("media_attachment_v2_upload.json"));
    assert_eq!(upload.kind, "image");
    let audio: Status = one(fixture!("status_audio_reply.json"));
    assert_eq!(audio.media_attachments[0].kind, "audio");
}

#[test]
fn accounts_decode_old_and_new() {
    let me: Account = one(fixture!("account_verify_credentials.json"));
    assert!(me.source.is_some());
    let remote: Account = one(fixture!("account_remote_emoji_fields.json"));
    assert!(!remote.emojis.is_empty());
    assert!(remote.fields.iter().any(|f| f.verified_at.is_some()));
    let old: Account = one(fixture!("old_server_account_old.json"));
    assert!(old.group.is_none());
    let rels: Vec<Relationship> = all(fixture!("relationships.json"));
    assert!(rels[0].following && rels[0].followed_by);
}

#[test]
fn instance_oauth_and_discovery_decode() {
    let v2: InstanceV2 = one(fixture!("instance_v2.json"));
    assert_eq!(v2.domain, "mastodon.social");
    assert_eq!(v2.api_versions.unwrap().mastodon, Some(11));
    assert_eq!(
        v2.configuration.urls.streaming.as_deref(),
        Some("wss://streaming.mastodon.social")
    );
    assert_eq!(v2.configuration.statuses.unwrap().max_characters, Some(500));
    let live = v2
        .configuration
        .timelines_access
        .unwrap()
        .live_feeds
        .unwrap();
    assert_eq!(live.local.as_deref(), Some("disabled"));
    let v1: InstanceV1 = one(fixture!("instance_v1.json"));
    assert!(v1.urls.streaming_api.is_some());

    let meta: ServerMetadata = one(fixture!("oauth_authorization_server_metadata.json"));
    assert!(meta.supports_pkce_s256());
    let app: RegisteredApp = one(fixture!("apps_create_credential_application.json"));
    assert!(!app.client_secret.is_empty());
    let token: Token = one(fixture!("oauth_token.json"));
    assert_eq!(token.token_type, "Bearer");
    let _: serde_json::Value = one(fixture!("oauth_revoke_ok.json"));
    let info: UserInfo = one(fixture!("oauth_userinfo.json"));
    assert!(!info.sub.is_empty());
    let node: NodeInfo = one(fixture!("nodeinfo_2.0.json"));
    assert_eq!(node.software.name, "mastodon");
}

#[test]
fn notifications_decode_including_integer_ids() {
    for text in [
        fixture!("grouped_notifications_favourite_partial_avatars.json"),
        fixture!("grouped_notifications_mentions_page.json"),
        fixture!("grouped_notifications_mentions_partial_avatars.json"),
        fixture!("grouped_notifications_mixed_types_trimmed.json"),
    ] {
        let g: GroupedNotifications = one(text);
        assert!(!g.notification_groups.is_empty());
        assert!(
            g.notification_groups
                .iter()
                .all(|n| !n.most_recent_notification_id.is_empty())
        );
    }
    for text in [
        fixture!("notifications_v1_admin_sign_up.json"),
        fixture!("notifications_v1_mention_poll_old_server.json"),
        fixture!("notifications_v1_mentions_first3.json"),
        fixture!("notifications_v1_status_type.json"),
        fixture!("old_server_notifications_v1_old_mixed_types.json"),
    ] {
        let list: Vec<Notification> = all(text);
        assert!(!list.is_empty());
    }
    let reqs: Vec<NotificationRequest> = all(fixture!("notification_requests.json"));
    assert_eq!(reqs[0].notifications_count, "5");
    let _: NotificationPolicy = one(fixture!("notification_policy_v2.json"));
}

#[test]
fn the_rest_decodes() {
    let ctx: Context = one(fixture!("context_thread.json"));
    assert!(!ctx.ancestors.is_empty() || !ctx.descendants.is_empty());
    let _: Context = one(fixture!("old_server_context_old.json"));
    let convs: Vec<Conversation> = all(fixture!("conversations.json"));
    assert!(convs[0].last_status.is_some());
    let _: Vec<Conversation> = all(fixture!("old_server_conversations_old.json"));
    let emojis: Vec<CustomEmoji> = all(fixture!("custom_emojis.json"));
    assert!(emojis.iter().any(|e| e.category.is_none()));
    let lists: Vec<List> = all(fixture!("lists.json"));
    assert!(lists[0].exclusive.is_some());
    let markers: Markers = one(fixture!("markers_home.json"));
    assert_eq!(markers.home.unwrap().last_read_id, "112354531929585923");
    let tag: Hashtag = one(fixture!("tag.json"));
    assert_eq!(tag.history[0].uses, "0");
    let trends: Vec<Hashtag> = all(fixture!("trends_tags.json"));
    assert_eq!(trends.len(), 10);
    let filters: Vec<Filter> = all(fixture!("filters_v2.json"));
    assert_eq!(filters[0].keywords[0].keyword, "animes");
    let _: Filter = one(fixture!("filter_v2_created.json"));
    let _: Vec<FilterStatus> = all(fixture!("filter_statuses_v2.json"));
    let _: Vec<FilterV1> = all(fixture!("filters_v1_deprecated.json"));
    let ann: Vec<Announcement> = all(fixture!("announcements.json"));
    assert_eq!(ann.len(), 3);
    let search: SearchResults = one(fixture!("search_v2.json"));
    assert!(!search.accounts.is_empty());
    let src: StatusSource = one(fixture!("status_source.json"));
    assert!(!src.text.is_empty());
    let edits: Vec<StatusEdit> = all(fixture!("status_edit_history.json"));
    assert_eq!(edits.len(), 2);
    let poll: Poll = one(fixture!("poll.json"));
    assert!(!poll.options.is_empty());
}

#[test]
fn error_bodies_decode() {
    for text in [
        fixture!("error_400_oauth_invalid_grant.json"),
        fixture!("error_401_invalid_token.json"),
        fixture!("error_401_revoked_token_localized_ja.json"),
        fixture!("error_403_not_allowed.json"),
        fixture!("error_404_record_not_found.json"),
        fixture!("error_422_account_creation_details.json"),
        fixture!("error_422_status_too_long_ja.json"),
        fixture!("error_422_update_credentials_details_ja.json"),
    ] {
        let e: ErrorBody = one(text);
        assert!(!e.error.is_empty());
    }
}

#[test]
fn recorded_link_headers_parse() {
    let meta: serde_json::Value = serde_json::from_str(fixture!("_http_meta.json")).unwrap();
    let mut seen = 0;
    for (file, m) in meta.as_object().unwrap() {
        let Some(link) = m.get("link").and_then(|l| l.as_str()) else {
            continue;
        };
        let links = parse_link_header(link);
        assert!(
            links.next.is_some() || links.prev.is_some(),
            "{file}: nothing in {link}"
        );
        if let Some(next) = links.next {
            assert!(
                next.starts_with("http") && (next.contains("max_id=") || next.contains("offset=")),
                "{file}: {next}"
            );
        }
        if let Some(prev) = links.prev {
            assert!(
                prev.contains("min_id=") || prev.contains("since_id="),
                "{file}: {prev}"
            );
        }
        seen += 1;
    }
    assert!(seen >= 3, "only {seen} fixtures had Link headers");
}

#[test]
fn streaming_captures_decode_their_payloads_twice() {
    // The frame's data is a JSON string that must itself be parsed again.
    let capture: serde_json::Value =
        serde_json::from_str(fixture!("streaming_user_sse_events.json")).unwrap();
    let mut updates = 0;
    for event in capture["events"].as_array().unwrap() {
        let data = event["data"].as_str().unwrap();
        match event["event"].as_str().unwrap() {
            "update" | "status.update" => {
                let _: Status = one(data);
                updates += 1;
            }
            "notification" => {
                let _: Notification = one(data);
            }
            "delete" => assert!(data.chars().all(|c| c.is_ascii_digit())),
            _ => {}
        }
    }
    assert!(updates > 0);
}
