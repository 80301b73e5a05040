//! Custom emoji shortcode replacement in plain text.
//!
//! Owns turning `:shortcode:` in a text run into `Node::Emoji`, with Mastodon's scan rule
//! (`app/models/custom_emoji.rb` SCAN_RE): a shortcode of at least two `[a-zA-Z0-9_-]`
//! characters, the opening `:` not preceded and the closing `:` not followed by an
//! alphanumeric or `:`. Only shortcodes listed in the entity's own `emojis[]` whose `url`
//! and `static_url` are http(s) are replaced (exact, case-sensitive). It only ever sees
//! text — never attribute values — and produces only `Text` and `Emoji` nodes.

use super::links::is_http_url;
use super::node::{EmojiRef, Node};

/// Replace known custom emoji in a plain-text field (display name, CW, poll option, field
/// name). The result holds only `Text` and `Emoji` nodes; any HTML in `text` stays text.
pub fn emojify(text: &str, emojis: &[EmojiRef]) -> Vec<Node> {
    let usable = usable_emojis(emojis);
    let mut out = Vec::new();
    expand_into(text, &usable, &mut out);
    out
}

/// The emojis that may be shown: both URLs http(s).
pub(crate) fn usable_emojis(emojis: &[EmojiRef]) -> Vec<&EmojiRef> {
    emojis
        .iter()
        .filter(|e| is_http_url(&e.url) && is_http_url(&e.static_url))
        .collect()
}

fn is_shortcode_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

fn is_boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric() && c != ':')
}

/// Append `text` to `out` as Text and Emoji nodes (merging with a trailing Text node).
pub(crate) fn expand_into(text: &str, emojis: &[&EmojiRef], out: &mut Vec<Node>) {
    let b = text.as_bytes();
    let mut last = 0;
    let mut i = 0;
    if !emojis.is_empty() {
        while let Some(off) = text[i..].find(':') {
            let open = i + off;
            i = open + 1;
            let mut close = open + 1;
            while close < b.len() && is_shortcode_byte(b[close]) {
                close += 1;
            }
            if close - open - 1 < 2
                || b.get(close) != Some(&b':')
                || !is_boundary(text[..open].chars().next_back())
                || !is_boundary(text[close + 1..].chars().next())
            {
                continue;
            }
            let code = &text[open + 1..close];
            if let Some(e) = emojis.iter().find(|e| e.shortcode == code) {
                push_text(out, &text[last..open]);
                out.push(Node::Emoji((*e).clone()));
                last = close + 1;
                i = last;
            }
        }
    }
    push_text(out, &text[last..]);
}

/// Push text, merging it into a preceding Text node; empty text is not pushed.
pub(crate) fn push_text(out: &mut Vec<Node>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Node::Text(prev)) = out.last_mut() {
        prev.push_str(s);
    } else {
        out.push(Node::Text(s.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emoji(code: &str) -> EmojiRef {
        EmojiRef {
            shortcode: code.into(),
            url: format!("https://e.example/{code}.png"),
            static_url: format!("https://e.example/{code}_s.png"),
        }
    }
    fn t(s: &str) -> Node {
        Node::Text(s.into())
    }

    #[test]
    fn replaces_known_shortcodes() {
        let list = [emoji("blob"), emoji("trans_heart"), emoji("a-b")];
        assert_eq!(
            emojify("hi :blob: and :trans_heart:!", &list),
            vec![
                t("hi "),
                Node::Emoji(emoji("blob")),
                t(" and "),
                Node::Emoji(emoji("trans_heart")),
                t("!")
            ]
        );
        assert_eq!(emojify(":a-b:", &list), vec![Node::Emoji(emoji("a-b"))]);
        assert_eq!(emojify("(:blob:)", &list)[1], Node::Emoji(emoji("blob")));
    }

    #[test]
    fn scan_rule_boundaries() {
        let list = [emoji("blob"), emoji("ab")];
        for s in [
            "x:blob:",
            ":blob:x",
            "::blob:",
            ":blob::",
            ":blob::blob:",
            ":Blob:",
            ":bl ob:",
            ":nope:",
            "é:blob:",
        ] {
            assert_eq!(emojify(s, &list), vec![t(s)], "{s}");
        }
        // A one-character shortcode never matches even if listed.
        assert_eq!(emojify(":a:", &[emoji("a")]), vec![t(":a:")]);
        assert_eq!(emojify(":ab:", &list), vec![Node::Emoji(emoji("ab"))]);
        assert_eq!(emojify(":blob: :blob:", &list).len(), 3);
    }

    #[test]
    fn unsafe_emoji_urls_stay_text() {
        let mut bad = emoji("evil");
        bad.url = "javascript:alert(1)".into();
        let mut bad2 = emoji("evil2");
        bad2.static_url = "data:image/png;base64,AAAA".into();
        assert_eq!(
            emojify(":evil: :evil2:", &[bad, bad2]),
            vec![t(":evil: :evil2:")]
        );
    }

    #[test]
    fn html_stays_text() {
        let out = emojify("<b>Bob</b> :blob:", &[emoji("blob")]);
        assert_eq!(out[0], t("<b>Bob</b> "));
        assert_eq!(emojify("", &[]), vec![]);
    }
}
