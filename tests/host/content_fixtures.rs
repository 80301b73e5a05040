//! Real statuses through the content pipeline: what a reader would see.

use woolly::content::{LinkTarget, Node, plain_text, sanitize};
use woolly::model::Status;

fn status(text: &str) -> Status {
    serde_json::from_str(text).unwrap()
}

fn links(nodes: &[Node], out: &mut Vec<LinkTarget>) {
    for n in nodes {
        match n {
            Node::Link { target, children } => {
                out.push(target.clone());
                links(children, out);
            }
            Node::Element { children, .. } => links(children, out),
            _ => {}
        }
    }
}

#[test]
fn mention_hashtag_and_emoji_become_app_nodes() {
    let s = status(include_str!(
        "../fixtures/status_cw_emoji_gifv_mention_hashtag_edited_filtered.json"
    ));
    let refs = s.content_refs();
    let nodes = sanitize(&s.content, &refs.context());
    let mut found = Vec::new();
    links(&nodes, &mut found);
    assert!(found.iter().any(
        |l| matches!(l, LinkTarget::Mention { acct, .. } if acct == "halcy@icosahedron.website")
    ));
    assert!(
        found
            .iter()
            .any(|l| matches!(l, LinkTarget::Hashtag { .. }))
    );
    let text = plain_text(&nodes);
    assert!(text.contains("you're a doo-doo head"), "{text}");
    assert!(text.contains(":trans_heart:"));
}

#[test]
fn quote_fallback_is_hidden_only_when_quote_is_set() {
    let s = status(include_str!(
        "../fixtures/status_with_quote_inline_fallback.json"
    ));
    assert!(s.content.contains("quote-inline"));
    let refs = s.content_refs();
    assert!(refs.hide_quote_inline);
    let shown = plain_text(&sanitize(&s.content, &refs.context()));
    assert!(!shown.contains("RE:"), "{shown}");
}

#[test]
fn shortened_links_show_like_mastodon() {
    let s = status(include_str!("../fixtures/status_with_card_link.json"));
    let refs = s.content_refs();
    let nodes = sanitize(&s.content, &refs.context());
    let text = plain_text(&nodes);
    assert!(
        !text.contains("https://"),
        "invisible prefix must be hidden: {text}"
    );
    let mut found = Vec::new();
    links(&nodes, &mut found);
    assert!(matches!(&found[0], LinkTarget::External { href } if href.starts_with("https://")));
}

#[test]
fn every_status_fixture_renders_to_a_safe_tree() {
    for text in [
        include_str!("../fixtures/status_audio_reply.json"),
        include_str!("../fixtures/status_direct_cw.json"),
        include_str!("../fixtures/status_image_focus_reply.json"),
        include_str!("../fixtures/status_poll_with_emoji.json"),
        include_str!("../fixtures/status_private.json"),
        include_str!("../fixtures/status_quote_nested.json"),
        include_str!("../fixtures/status_reply_mention.json"),
        include_str!("../fixtures/status_two_images_focus.json"),
        include_str!("../fixtures/status_video.json"),
        include_str!("../fixtures/status_with_card_author.json"),
    ] {
        let s = status(text);
        let refs = s.content_refs();
        let nodes = sanitize(&s.content, &refs.context());
        let mut found = Vec::new();
        links(&nodes, &mut found);
        for l in found {
            if let LinkTarget::External { href } = l {
                assert!(
                    href.starts_with("http://")
                        || href.starts_with("https://")
                        || href.starts_with("mailto:")
                );
            }
        }
        let visible = plain_text(&nodes);
        assert!(!visible.contains('<'), "markup leaked as text: {visible}");
    }
}
