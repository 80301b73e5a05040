//! Link safety and classification.
//!
//! Owns the decision "may this decoded `href` become a link, and what kind": only `http:`,
//! `https:` and `mailto:` survive (scheme lower-cased, no whitespace or control characters
//! anywhere, so `java\tscript:` and friends cannot slip through a browser's URL parser), and
//! a safe href is then matched against the status's mentions and tags. Relative and
//! scheme-less hrefs are not links. It sees already entity-decoded attribute values and
//! knows nothing of the tokenizer or the tree builder.

use super::node::{ContentContext, LinkTarget, Node, plain_text};

/// The normalised form of `raw` if it is a safe external URL, else `None`.
pub(crate) fn safe_href(raw: &str) -> Option<String> {
    // Browsers strip leading/trailing C0 controls and spaces before parsing a URL.
    let s = raw.trim_matches(|c: char| c <= ' ');
    if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let colon = s.find(':')?;
    let (scheme, rest) = (&s[..colon], &s[colon + 1..]);
    let ok = if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        rest.len() > 2 && rest.starts_with("//") && !rest[2..].starts_with('/')
    } else {
        scheme.eq_ignore_ascii_case("mailto") && !rest.is_empty()
    };
    ok.then(|| {
        let mut out = scheme.to_ascii_lowercase();
        out.push(':');
        out.push_str(rest);
        out
    })
}

/// True if `url` is a safe `http:`/`https:` URL (custom emoji images).
pub(crate) fn is_http_url(url: &str) -> bool {
    safe_href(url).is_some_and(|u| u.starts_with("http"))
}

/// Classify a link whose href already passed `safe_href`.
///
/// Mentions and tags match by exact URL; a link Mastodon marked `class="hashtag"` that is
/// not in `tags` (another server's tag page) still opens in-app, named after its text.
pub(crate) fn classify(
    href: String,
    hashtag_class: bool,
    children: &[Node],
    ctx: &ContentContext,
) -> LinkTarget {
    if let Some(m) = ctx.mentions.iter().find(|m| m.url == href) {
        return LinkTarget::Mention {
            acct: m.acct.clone(),
            id: m.id.clone(),
            url: m.url.clone(),
        };
    }
    if let Some(t) = ctx.tags.iter().find(|t| t.url == href) {
        return LinkTarget::Hashtag {
            name: t.name.clone(),
        };
    }
    if hashtag_class {
        let text = plain_text(children);
        let name = text.trim().trim_start_matches('#');
        let word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '·' | '\u{200c}');
        if !name.is_empty() && name.chars().all(word) {
            return LinkTarget::Hashtag {
                name: name.to_string(),
            };
        }
    }
    LinkTarget::External { href }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_http_https_mailto() {
        assert_eq!(
            safe_href("https://a.b/c?d#e").as_deref(),
            Some("https://a.b/c?d#e")
        );
        assert_eq!(safe_href("  HTTP://a.b/\n").as_deref(), Some("http://a.b/"));
        assert_eq!(safe_href("MailTo:x@y.z").as_deref(), Some("mailto:x@y.z"));
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "%6Aavascript:alert(1)",
            "/relative/path",
            "//evil.example/x",
            "example.com",
            "http:/x",
            "http:///x",
            "https:",
            "mailto:",
            "http://a b",
            "http://a\u{a0}b",
            "http://a\u{2028}b",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn emoji_urls_must_be_http() {
        assert!(is_http_url("https://files.example/e.png"));
        assert!(!is_http_url("mailto:x@y"));
        assert!(!is_http_url("data:image/png;base64,AA"));
    }
}
