//! Hostile-input table for the content pipeline (cfg(test) only).
//!
//! Every payload must come out inert: only the tree's own types, every link http(s)/mailto
//! with no whitespace or controls, no link inside a link, every emoji image http(s). Text
//! that spells `<script>` is fine — the renderer makes it a text node. Each row also says
//! how many links must survive and a string that must not appear anywhere in the output
//! (content of dropped elements, unsafe hrefs).

use super::tests_sanitize::emoji;
use super::*;

/// (payload, links that must survive, text that must appear nowhere in the output)
#[rustfmt::skip]
const PAYLOADS: &[(&str, usize, &str)] = &[
    // Raw-text and dangerous elements.
    ("<script>alert(1)</script>", 0, "alert"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", 0, "evil"),
    ("<script>alert(1)</script >after", 0, "alert"),
    ("<SCRIPT>alert(1)</sCrIpT>", 0, "alert"),
    ("<script/xss src=x>alert(1)</script>", 0, "alert"),
    ("<script\tsrc=x>alert(1)</script\t>", 0, "alert"),
    ("<script>document.write('</scr'+'ipt>')</script>", 0, "document"),
    ("<scr<script>ipt>alert(1)</script>", 0, "script>"),
    ("<<script>alert(1)//<</script>", 0, "alert"),
    ("<style>body{background:url(javascript:alert(1))}</style>", 0, "alert"),
    ("<style>@import 'javascript:alert(1)';</style>", 0, "import"),
    ("<iframe src=\"javascript:alert(1)\"></iframe>", 0, "javascript"),
    ("<iframe srcdoc=\"<script>alert(1)</script>\">x</iframe>", 0, "alert"),
    ("<svg onload=alert(1)>", 0, "alert"),
    ("<svg><script>alert(1)</script></svg>", 0, "alert"),
    ("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", 0, "javascript"),
    ("<svg/onload=alert(1)>", 0, "alert"),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", 0, "alert"),
    ("<math href=\"javascript:alert(1)\">CLICK</math>", 0, "javascript"),
    ("<object data=\"javascript:alert(1)\"></object>", 0, "javascript"),
    ("<embed src=\"javascript:alert(1)\">", 0, "javascript"),
    ("<img src=x onerror=alert(1)>", 0, "alert"),
    ("<img src=\"x\" onerror=\"alert(1)\"//", 0, "alert"),
    ("<IMG SRC=\"jav&#x09;ascript:alert(1);\">", 0, "alert"),
    ("<body onload=alert(1)>hi", 0, "alert"),
    ("<form action=\"javascript:alert(1)\"><input type=submit></form>", 0, "javascript"),
    ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", 0, "javascript"),
    ("<base href=\"javascript:alert(1)//\">", 0, "javascript"),
    ("<link rel=stylesheet href=\"javascript:alert(1)\">", 0, "javascript"),
    ("<template><script>alert(1)</script><p>x</p></template>", 0, "alert"),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", 0, "alert"),
    ("<textarea><script>alert(1)</script></textarea>", 0, "alert"),
    ("<title><script>alert(1)</script></title>", 0, "alert"),
    ("<xmp><script>alert(1)</script></xmp>", 0, "alert"),
    ("<noembed><img src=x onerror=alert(1)></noembed>", 0, "alert"),
    ("<plaintext><a href=javascript:alert(1)>x", 0, "javascript"),
    ("<video><source onerror=\"alert(1)\"></video>", 0, "alert"),
    ("<audio src=x onerror=alert(1)>", 0, "alert"),
    ("<details open ontoggle=alert(1)>", 0, "alert"),
    ("<isindex action=javascript:alert(1) type=image>", 0, "javascript"),
    // Event handlers and styles on allowed tags.
    ("<p onclick=\"alert(1)\" style=\"position:fixed\">hi</p>", 0, "alert"),
    ("<span style=\"x\" onmouseenter=alert(1)>x</span>", 0, "alert"),
    ("<div style=\"background:url(javascript:alert(1))\">x</div>", 0, "javascript"),
    ("<a href=\"https://ok.example/\" onmouseover=\"alert(1)\">x</a>", 1, "alert"),
    ("<a href=https://ok.example/x onclick=alert(1)>y</a>", 1, "alert"),
    ("<a href=\"https://ok.example/\" title=\"x\"onclick=alert(1)>y</a>", 1, "alert"),
    // Link schemes in every disguise.
    ("<a href=\"javascript:alert(1)\">x</a>", 0, "javascript"),
    ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", 0, "alert"),
    ("<a HREF=\"JAVASCRIPT:alert(1)\">x</a>", 0, "alert"),
    ("<a href=' javascript:alert(1)'>x</a>", 0, "alert"),
    ("<a href=\"\njavascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"java\tscript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"java\nscript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"java&#9;script:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"java&#x09;script:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"java&Tab;script:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"java&NewLine;script:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"&#106;avascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"&#106avascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"&#x6A;avascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"&#x6Aavascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"&#0000106;&#0000097;vascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"javascript&colon;alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"javascript&#58;alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"javascript&#x3A;alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"%6Aavascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"\u{1}javascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"jav\0ascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"jav\u{7f}ascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"java\u{2028}script:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"  &#x20;javascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href='javascript:alert(1)'>x</a>", 0, "alert"),
    ("<a href=javascript:alert(1)>x</a>", 0, "alert"),
    ("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", 0, "base64"),
    ("<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>", 0, "alert"),
    ("<a href=\"d&#97;ta:text/html,x\">x</a>", 0, "text/html"),
    ("<a href=\"vbscript:msgbox(1)\">x</a>", 0, "msgbox"),
    ("<a href=\"VBScript:msgbox(1)\">x</a>", 0, "msgbox"),
    ("<a href=\"file:///etc/passwd\">x</a>", 0, "passwd"),
    ("<a href=\"https:javascript:alert(1)\">x</a>", 0, "alert"),
    ("<a href=\"//evil.example/\">x</a>", 0, "evil"),
    ("<a href=\"http://ok.example/\" href=\"javascript:alert(1)\">x</a>", 1, "javascript"),
    ("<a href=\"javascript:alert(1)\" href=\"http://ok.example/\">x</a>", 0, "ok.example"),
    ("<a href=\"https://ok.example/\"><a href=\"javascript:alert(1)\">in</a></a>", 1, "alert"),
    ("<a href=\"javascript:alert(1)\"><a href=\"https://ok.example/\">in</a></a>", 1, "alert"),
    ("<a href=\"mailto:x@y.example?body=<script>\">m</a>", 1, ""),
    ("<a href=\"https://ok.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>", 1, ""),
    ("<a href=\"javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>", 0, "javascript"),
    // Broken markup, quotes, comments, CDATA.
    ("<a href=\"x\" <script>alert(1)</script>", 0, ""),
    ("<p>unclosed \"quote <a href=\"https://ok.example/>x</a>", 0, "ok.example"),
    ("</p><script>alert(1)</script>", 0, "alert"),
    ("<p title=\"</p><script>alert(1)</script>\">x</p>", 0, "alert"),
    ("<p title='\"'><script>alert(1)</script></p>", 0, "alert"),
    ("<p title=\"a'b\\\"c\">x</p><script>alert(1)</script>", 0, "alert"),
    ("<!--<script>alert(1)</script>-->", 0, "alert"),
    ("<!-- --!><script>alert(1)</script>", 0, "alert"),
    ("<!--> <script>alert(1)</script> -->", 0, "alert"),
    ("<!-- <!-- nested --> <script>alert(1)</script> -->", 0, "alert"),
    ("<![CDATA[<script>alert(1)</script>]]>", 0, "<script"),
    ("<?xml version=\"1.0\"?><script>alert(1)</script>", 0, "alert"),
    ("<!DOCTYPE html><script>alert(1)</script>", 0, "alert"),
    ("<scri\npt>alert(1)</scri\npt>", 0, ""),
    // Mastodon classes used against us.
    ("<span class=\"invisible\"><a href=\"https://ok.example/\">x</a></span>", 0, "ok.example"),
    ("<span class=\"ellipsis\"><script>alert(1)</script></span>", 0, "alert"),
    ("<a href=\"https://ok.example/\" class=\"hashtag\">#<script>alert(1)</script></a>", 1, "alert"),
    ("<a href=\"https://ok.example/\" class=\"hashtag\">#\"><img src=x onerror=alert(1)></a>", 1, "alert"),
];

/// Walk a tree and panic on anything that is not inert.
pub(super) fn assert_inert(nodes: &[Node], in_link: bool, payload: &str) {
    for node in nodes {
        match node {
            Node::Text(_) => {}
            Node::Emoji(e) => {
                for url in [&e.url, &e.static_url] {
                    assert!(
                        url.starts_with("http://") || url.starts_with("https://"),
                        "{payload}: emoji {url}"
                    );
                    assert!(
                        !url.chars().any(|c| c.is_whitespace() || c.is_control()),
                        "{payload}"
                    );
                }
            }
            Node::Element { tag, children } => {
                if *tag == Tag::Br {
                    assert!(children.is_empty(), "{payload}: br with children");
                }
                assert_inert(children, in_link, payload);
            }
            Node::Link { target, children } => {
                assert!(!in_link, "{payload}: link inside link");
                let url = match target {
                    LinkTarget::External { href } => href.as_str(),
                    LinkTarget::Mention { url, .. } => url.as_str(),
                    LinkTarget::Hashtag { name } => {
                        assert!(
                            name.chars().all(|c| c.is_alphanumeric() || c == '_'),
                            "{payload}: tag {name}"
                        );
                        "https://"
                    }
                };
                assert!(
                    url.starts_with("http://")
                        || url.starts_with("https://")
                        || url.starts_with("mailto:"),
                    "{payload}: href {url}"
                );
                assert!(
                    !url.chars().any(|c| c.is_whitespace() || c.is_control()),
                    "{payload}: {url:?}"
                );
                assert_inert(children, true, payload);
            }
        }
    }
}

fn count_links(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Link { children, .. } => 1 + count_links(children),
            Node::Element { children, .. } => count_links(children),
            _ => 0,
        })
        .sum()
}

#[test]
fn payload_table_is_big_enough() {
    assert!(PAYLOADS.len() >= 70, "{}", PAYLOADS.len());
}

#[test]
fn every_payload_is_inert() {
    let emojis = [emoji("blob")];
    for hide in [false, true] {
        let ctx = ContentContext {
            emojis: &emojis,
            hide_quote_inline: hide,
            ..Default::default()
        };
        for &(payload, links, forbidden) in PAYLOADS {
            let out = sanitize(payload, &ctx);
            assert_inert(&out, false, payload);
            assert_eq!(count_links(&out), links, "{payload}: {out:?}");
            if !forbidden.is_empty() {
                let dump = format!("{out:?}");
                assert!(
                    !dump.contains(forbidden),
                    "{payload}: {forbidden} in {dump}"
                );
            }
        }
    }
}

#[test]
fn hostile_hashtag_text_falls_back_to_external() {
    let out = sanitize(
        "<a href=\"https://ok.example/\" class=\"hashtag\">#\"><b>x</b></a>",
        &ContentContext::default(),
    );
    assert!(
        matches!(
            &out[0],
            Node::Link {
                target: LinkTarget::External { .. },
                ..
            }
        ),
        "{out:?}"
    );
}

#[test]
fn script_text_stays_text() {
    let out = sanitize(
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        &ContentContext::default(),
    );
    assert_eq!(out, vec![Node::Text("<script>alert(1)</script>".into())]);
}

#[test]
fn hostile_emoji_definitions() {
    let mut js = emoji("js");
    js.url = "javascript:alert(1)".into();
    let mut data = emoji("data");
    data.url = "data:image/svg+xml,<svg onload=alert(1)>".into();
    let mut stat = emoji("stat");
    stat.static_url = "JAVASCRIPT:alert(1)".into();
    let mut spaced = emoji("spaced");
    spaced.url = " java\tscript:alert(1)".into();
    let mut quoted = emoji("quoted");
    quoted.url = "https://e.example/\"><script>alert(1)</script>".into();
    let mut weird = emoji("x");
    weird.shortcode = "x\"><script>alert(1)</script>".into();
    let list = [js, data, stat, spaced, quoted.clone(), weird];
    let ctx = ContentContext {
        emojis: &list,
        ..Default::default()
    };
    let html = "<p>:js: :data: :stat: :spaced: :quoted: :x\"><script>alert(1)</script>:</p>";
    let out = sanitize(html, &ctx);
    assert_inert(&out, false, html);
    let dump = format!("{out:?}");
    // Only the http(s) emoji became an image; its odd URL is set as an attribute value.
    assert_eq!(dump.matches("Emoji(").count(), 1, "{dump}");
    assert!(dump.contains("Emoji(EmojiRef { shortcode: \"quoted\""));
    assert_eq!(
        plain_text(&out),
        ":js: :data: :stat: :spaced: :quoted: :x\">:"
    );
    for text in [
        ":js: :data:",
        ":stat::spaced:",
        ":x\"><script>alert(1)</script>:",
    ] {
        let nodes = emojify(text, &list);
        assert!(
            nodes.iter().all(|n| matches!(n, Node::Text(_))),
            "{text}: {nodes:?}"
        );
    }
}

#[test]
fn emoji_never_replaced_inside_attributes() {
    let list = [emoji("blob")];
    let ctx = ContentContext {
        emojis: &list,
        ..Default::default()
    };
    let out = sanitize(
        "<p title=\":blob:\"><a href=\"https://e.example/:blob:\">x</a></p>",
        &ctx,
    );
    assert_inert(&out, false, "attr");
    let dump = format!("{out:?}");
    assert!(!dump.contains("Emoji("), "{dump}");
    assert!(dump.contains("https://e.example/:blob:"));
}

#[test]
fn display_names_with_html_are_text() {
    let list = [emoji("blob")];
    for name in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>:blob:",
        "<a href=\"javascript:alert(1)\">:blob:</a>",
        "&lt;b&gt;bold&lt;/b&gt;",
        "\"><svg onload=alert(1)>",
        "<!-- :blob: -->",
    ] {
        let nodes = emojify(name, &list);
        assert_inert(&nodes, false, name);
        assert!(
            nodes
                .iter()
                .all(|n| matches!(n, Node::Text(_) | Node::Emoji(_))),
            "{name}"
        );
        // Nothing is decoded or dropped: the text round-trips.
        assert_eq!(plain_text(&nodes), name);
    }
    let nodes = emojify("<b>x</b>:blob:", &list);
    assert_eq!(nodes[0], Node::Text("<b>x</b>".into()));
    assert_eq!(nodes[1], Node::Emoji(emoji("blob")));
}

#[test]
fn deep_nesting_is_inert_and_bounded() {
    let html = "<b><a href=\"https://ok.example/\">".repeat(5000) + "<script>alert(1)</script>x";
    let out = sanitize(&html, &ContentContext::default());
    assert_inert(&out, false, "deep");
    assert_eq!(count_links(&out), 1);
    assert!(!format!("{out:?}").contains("alert"));
}
