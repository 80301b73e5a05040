//! Behaviour tests for `sanitize`: real Mastodon content, mentions, hashtags, shortened
//! links, quote-inline, headings, lists, emoji, entities, broken markup. (cfg(test) only.)

use super::*;

pub(super) fn t(s: &str) -> Node {
    Node::Text(s.into())
}
pub(super) fn el(tag: Tag, children: Vec<Node>) -> Node {
    Node::Element { tag, children }
}
fn p(children: Vec<Node>) -> Node {
    el(Tag::P, children)
}
fn span(children: Vec<Node>) -> Node {
    el(Tag::Span, children)
}
fn ext(href: &str, children: Vec<Node>) -> Node {
    Node::Link {
        target: LinkTarget::External { href: href.into() },
        children,
    }
}
pub(super) fn emoji(code: &str) -> EmojiRef {
    EmojiRef {
        shortcode: code.into(),
        url: format!("https://files.example/{code}.png"),
        static_url: format!("https://files.example/{code}_static.png"),
    }
}
fn plain(html: &str) -> Vec<Node> {
    sanitize(html, &ContentContext::default())
}

#[test]
fn real_card_link_content_invisible_and_ellipsis() {
    let html = r#"<p><a href="https://soundcloud.com/wakarangirl/popstars-dj-wakaran-girl-khard-bass-flex-1" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span class="ellipsis">soundcloud.com/wakarangirl/pop</span><span class="invisible">stars-dj-wakaran-girl-khard-bass-flex-1</span></a> link to soundcloud that should generate a card</p>"#;
    assert_eq!(
        plain(html),
        vec![p(vec![
            ext(
                "https://soundcloud.com/wakarangirl/popstars-dj-wakaran-girl-khard-bass-flex-1",
                vec![t("soundcloud.com/wakarangirl/pop…")]
            ),
            t(" link to soundcloud that should generate a card"),
        ])]
    );
}

const QUOTE_HTML: &str = r#"<p class="quote-inline">RE: <a href="http://localhost:3000/@mastodonpy_test/117020582917124092" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">http://</span><span class="ellipsis">localhost:3000/@mastodonpy_tes</span><span class="invisible">t/117020582917124092</span></a></p><p>yoooooooo</p>"#;

#[test]
fn real_quote_inline_hidden_when_quote_is_set() {
    let ctx = ContentContext {
        hide_quote_inline: true,
        ..Default::default()
    };
    assert_eq!(sanitize(QUOTE_HTML, &ctx), vec![p(vec![t("yoooooooo")])]);
    let shown = plain(QUOTE_HTML);
    assert_eq!(shown.len(), 2);
    assert_eq!(
        plain_text(&shown),
        "RE: localhost:3000/@mastodonpy_tes…\n\nyoooooooo"
    );
}

#[test]
fn real_mention_hashtag_and_emoji_content() {
    let html = r#"<p><span class="h-card"><a href="https://icosahedron.website/@halcy" class="u-url mention" rel="nofollow noopener" target="_blank">@<span>halcy</span></a></span> you're a doo-doo head</p><p>edit: editing this to have the maximum amount of fields filled :trans_heart: <a href="https://icosahedron.website/tags/ThisIsAHashtag" class="mention hashtag" rel="nofollow noopener" target="_blank">#<span>ThisIsAHashtag</span></a></p>"#;
    let emojis = [emoji("trans_heart")];
    let mentions = [MentionRef {
        url: "https://icosahedron.website/@halcy".into(),
        acct: "halcy@icosahedron.website".into(),
        id: "23972".into(),
    }];
    let tags = [TagRef {
        name: "thisisahashtag".into(),
        url: "https://mastodon.social/tags/thisisahashtag".into(),
    }];
    let ctx = ContentContext {
        emojis: &emojis,
        mentions: &mentions,
        tags: &tags,
        hide_quote_inline: false,
    };
    let mention = Node::Link {
        target: LinkTarget::Mention {
            acct: "halcy@icosahedron.website".into(),
            id: "23972".into(),
            url: "https://icosahedron.website/@halcy".into(),
        },
        children: vec![t("@"), span(vec![t("halcy")])],
    };
    // The tag URL differs from the href (another server), so the class decides.
    let hashtag = Node::Link {
        target: LinkTarget::Hashtag {
            name: "ThisIsAHashtag".into(),
        },
        children: vec![t("#"), span(vec![t("ThisIsAHashtag")])],
    };
    assert_eq!(
        sanitize(html, &ctx),
        vec![
            p(vec![span(vec![mention]), t(" you're a doo-doo head")]),
            p(vec![
                t("edit: editing this to have the maximum amount of fields filled "),
                Node::Emoji(emoji("trans_heart")),
                t(" "),
                hashtag,
            ]),
        ]
    );
}

#[test]
fn hashtag_matched_by_tag_url_uses_tag_name() {
    let tags = [TagRef {
        name: "rust".into(),
        url: "https://m.example/tags/rust".into(),
    }];
    let ctx = ContentContext {
        tags: &tags,
        ..Default::default()
    };
    let out = sanitize(r##"<a href="https://m.example/tags/rust">#Rust</a>"##, &ctx);
    assert_eq!(
        out,
        vec![Node::Link {
            target: LinkTarget::Hashtag {
                name: "rust".into()
            },
            children: vec![t("#Rust")]
        }]
    );
}

#[test]
fn unmatched_mention_class_is_external() {
    let out = plain(r#"<a class="u-url mention" href="https://x.example/@bob">@bob</a>"#);
    assert_eq!(out, vec![ext("https://x.example/@bob", vec![t("@bob")])]);
}

#[test]
fn headings_become_strong_paragraphs() {
    assert_eq!(
        plain("<h1>Title</h1><h3>Sub <em>x</em></h3>"),
        vec![
            p(vec![el(Tag::Strong, vec![t("Title")])]),
            p(vec![el(
                Tag::Strong,
                vec![t("Sub "), el(Tag::Em, vec![t("x")])]
            )]),
        ]
    );
}

#[test]
fn lists_keep_start_reversed_value() {
    assert_eq!(
        plain(
            r#"<ol start="3" reversed class="x"><li value="7">a</li><li>b<li value="x">c</ol><ul><li>d</li></ul>"#
        ),
        vec![
            el(
                Tag::Ol {
                    start: Some(3),
                    reversed: true
                },
                vec![
                    el(Tag::Li { value: Some(7) }, vec![t("a")]),
                    el(Tag::Li { value: None }, vec![t("b")]),
                    el(Tag::Li { value: None }, vec![t("c")]),
                ]
            ),
            el(Tag::Ul, vec![el(Tag::Li { value: None }, vec![t("d")])]),
        ]
    );
}

#[test]
fn aliases_and_formatting() {
    assert_eq!(
        plain(
            "<b>b</b><i>i</i><s>s</s><strong>S</strong><em>E</em><del>D</del><u>U</u><pre><code>c</code></pre><blockquote>q</blockquote>"
        ),
        vec![
            el(Tag::Strong, vec![t("b")]),
            el(Tag::Em, vec![t("i")]),
            el(Tag::Del, vec![t("s")]),
            el(Tag::Strong, vec![t("S")]),
            el(Tag::Em, vec![t("E")]),
            el(Tag::Del, vec![t("D")]),
            el(Tag::U, vec![t("U")]),
            el(Tag::Pre, vec![el(Tag::Code, vec![t("c")])]),
            el(Tag::Blockquote, vec![t("q")]),
        ]
    );
}

#[test]
fn ruby_and_unknown_elements_keep_text() {
    assert_eq!(
        plain("<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>"),
        vec![t("漢(kan)")]
    );
    assert_eq!(
        plain("<div><section>a<font>b</font></section></div>"),
        vec![t("ab")]
    );
}

#[test]
fn br_and_entities() {
    assert_eq!(
        plain("<p>a<br>b<br/>&lt;script&gt; &amp; &#128512; &#x1F600 &nbsp;</p>"),
        vec![p(vec![
            t("a"),
            el(Tag::Br, vec![]),
            t("b"),
            el(Tag::Br, vec![]),
            t("<script> & 😀 😀 \u{a0}"),
        ])]
    );
}

#[test]
fn emoji_only_in_text_not_in_href_or_unknown() {
    let emojis = [emoji("blob")];
    let ctx = ContentContext {
        emojis: &emojis,
        ..Default::default()
    };
    let out = sanitize(
        r#"<p><a href="https://x.example/:blob:">:blob:</a> :nope: :blob:</p>"#,
        &ctx,
    );
    assert_eq!(
        out,
        vec![p(vec![
            ext("https://x.example/:blob:", vec![Node::Emoji(emoji("blob"))]),
            t(" :nope: "),
            Node::Emoji(emoji("blob")),
        ])]
    );
    // Shortcodes split by markup are not joined, and case matters.
    let out = sanitize("<p>:bl<b>ob</b>: :Blob:</p>", &ctx);
    assert!(!format!("{out:?}").contains("Emoji"));
}

#[test]
fn misnesting_unclosed_and_stray() {
    assert_eq!(
        plain("<p><b>a<i>b</b>c</i></p></span>d"),
        vec![
            p(vec![
                el(Tag::Strong, vec![t("a"), el(Tag::Em, vec![t("b")])]),
                t("c")
            ]),
            t("d")
        ]
    );
    assert_eq!(
        plain("<p>one<p>two"),
        vec![p(vec![t("one")]), p(vec![t("two")])]
    );
    assert_eq!(
        plain("<blockquote><p>x"),
        vec![el(Tag::Blockquote, vec![p(vec![t("x")])])]
    );
}

#[test]
fn nested_links_are_flattened() {
    assert_eq!(
        plain(r#"<a href="https://a.example/">x<a href="https://b.example/">y</a>z</a>"#),
        vec![ext("https://a.example/", vec![t("xyz")])]
    );
}

#[test]
fn unsafe_or_relative_links_keep_children_as_content() {
    assert_eq!(
        plain(r#"<p><a href="/tags/x">#<span>x</span></a> <a>bare</a></p>"#),
        vec![p(vec![t("#"), span(vec![t("x")]), t(" bare")])]
    );
}

#[test]
fn depth_is_capped() {
    let html = format!("{}deep{}", "<span>".repeat(500), "</span>".repeat(500));
    let out = plain(&html);
    let mut depth = 0;
    let mut level = &out;
    while let Some(Node::Element { children, .. }) = level.first() {
        depth += 1;
        level = children;
    }
    assert_eq!(depth, MAX_DEPTH);
    assert_eq!(level, &vec![t("deep")]);
    assert_eq!(plain_text(&out), "deep");
}

#[test]
fn long_input_is_fast() {
    let chunk = r#"<p>hello <a href="https://x.example/a">link</a> :blob: &amp; <b>bold</p>"#;
    let html = chunk.repeat(200_000 / chunk.len() + 1);
    let emojis = [emoji("blob")];
    let ctx = ContentContext {
        emojis: &emojis,
        ..Default::default()
    };
    let t0 = std::time::Instant::now();
    let out = sanitize(&html, &ctx);
    assert!(out.len() > 1000);
    for hostile in [
        "<".repeat(200_000),
        "<a ".repeat(70_000),
        ":a".repeat(100_000),
        "&#".repeat(100_000),
        "<!--".repeat(50_000),
        "</x".repeat(70_000),
    ] {
        let _ = sanitize(&hostile, &ctx);
    }
    assert!(t0.elapsed().as_secs_f64() < 2.0, "{:?}", t0.elapsed());
}

#[test]
fn many_attributes_stay_linear() {
    let attrs: String = (0..40_000).map(|i| format!(" a{i}=x")).collect();
    let t0 = std::time::Instant::now();
    let out = plain(&format!("<p{attrs}>ok</p>"));
    assert_eq!(out, vec![p(vec![t("ok")])]);
    assert!(t0.elapsed().as_secs_f64() < 1.0);
}
