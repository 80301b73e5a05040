//! Plain text → Mastodon HTML for statuses posted through the API, and Mastodon's length
//! rule.
//!
//! Blank lines split `<p>`, single newlines become `<br>`, text is HTML-escaped, URLs become
//! the invisible/ellipsis link markup, `@user` / `@user@host` of known accounts become h-card
//! mentions and `#tag` hashtag links. The length counts every URL as 23 characters and a
//! remote mention only as `@user`.

use crate::authorize_page::esc;
use crate::seed::text::{hashtag_html, link_html, mention_html};

/// A mention the text resolved: (account id, profile url, username).
pub type Resolved = (String, String, String);

/// The outcome of rendering a status text.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Rendered {
    pub html: String,
    /// Account ids of the resolved mentions, in order, without duplicates.
    pub mentions: Vec<String>,
    /// Hashtag names as typed, without duplicates (case-insensitively).
    pub tags: Vec<String>,
}

/// Characters Mastodon reserves per URL.
pub const URL_LENGTH: usize = 23;

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A token starting at `i` of `chars`: (kind, text, length in chars).
enum Token {
    Url(String),
    /// `@user` or `@user@host` (without the `@` prefix), and the username part.
    Mention(String, String),
    Tag(String),
}

fn token_at(chars: &[char], i: usize) -> Option<(Token, usize)> {
    let prev = if i == 0 { None } else { Some(chars[i - 1]) };
    let rest: String = chars[i..].iter().take(8).collect();
    if (rest.starts_with("http://") || rest.starts_with("https://"))
        && prev.is_none_or(|p| p.is_whitespace() || "([<\"'".contains(p))
    {
        let mut end = i;
        while end < chars.len() && !chars[end].is_whitespace() && chars[end] != '<' {
            end += 1;
        }
        while end > i && ".,!?:;)'\"".contains(chars[end - 1]) {
            end -= 1;
        }
        let url: String = chars[i..end].iter().collect();
        if url.split("://").nth(1).is_some_and(|r| !r.is_empty()) {
            return Some((Token::Url(url), end - i));
        }
        return None;
    }
    let boundary = prev.is_none_or(|p| !is_word(p) && p != '@' && p != '#' && p != '/');
    if chars[i] == '@' && boundary {
        let mut end = i + 1;
        while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_') {
            end += 1;
        }
        if end == i + 1 {
            return None;
        }
        let user: String = chars[i + 1..end].iter().collect();
        let mut full = user.clone();
        if end < chars.len() && chars[end] == '@' {
            let mut d = end + 1;
            while d < chars.len() && (chars[d].is_ascii_alphanumeric() || ".-:".contains(chars[d]))
            {
                d += 1;
            }
            while d > end + 1 && ".:-".contains(chars[d - 1]) {
                d -= 1;
            }
            if d > end + 1 {
                full = chars[i + 1..d].iter().collect();
                end = d;
            }
        }
        return Some((Token::Mention(full, user), end - i));
    }
    if chars[i] == '#' && boundary {
        let mut end = i + 1;
        while end < chars.len() && is_word(chars[end]) {
            end += 1;
        }
        let tag: String = chars[i + 1..end].iter().collect();
        if !tag.is_empty() && tag.chars().any(|c| !c.is_ascii_digit()) {
            return Some((Token::Tag(tag), end - i));
        }
    }
    None
}

/// Mastodon's status length: URLs count 23, `@user@host` counts as `@user`.
pub fn count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let (mut i, mut n) = (0, 0);
    while i < chars.len() {
        match token_at(&chars, i) {
            Some((Token::Url(_), len)) => {
                n += URL_LENGTH;
                i += len;
            }
            Some((Token::Mention(_, user), len)) => {
                n += 1 + user.chars().count();
                i += len;
            }
            Some((Token::Tag(_), len)) => {
                n += len;
                i += len;
            }
            None => {
                n += 1;
                i += 1;
            }
        }
    }
    n
}

/// Renders `text`; `resolve` maps an acct (`bob`, `dana@example.social`) to an account.
pub fn render(text: &str, origin: &str, resolve: &dyn Fn(&str) -> Option<Resolved>) -> Rendered {
    let mut out = Rendered::default();
    let text = text.replace("\r\n", "\n");
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = para
            .split('\n')
            .map(|l| line(l, origin, resolve, &mut out))
            .collect();
        out.html.push_str(&format!("<p>{}</p>", lines.join("<br>")));
    }
    out
}

fn line(
    l: &str,
    origin: &str,
    resolve: &dyn Fn(&str) -> Option<Resolved>,
    out: &mut Rendered,
) -> String {
    let chars: Vec<char> = l.chars().collect();
    let mut html = String::new();
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        let Some((tok, len)) = token_at(&chars, i) else {
            plain.push(chars[i]);
            i += 1;
            continue;
        };
        let piece = match &tok {
            Token::Url(url) => Some(link_html(url)),
            Token::Mention(acct, user) => resolve(acct).map(|(id, url, _)| {
                if !out.mentions.contains(&id) {
                    out.mentions.push(id);
                }
                mention_html(&url, user)
            }),
            Token::Tag(tag) => {
                if !out.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                    out.tags.push(tag.clone());
                }
                Some(hashtag_html(origin, tag))
            }
        };
        match piece {
            Some(p) => {
                html.push_str(&esc(&plain));
                plain.clear();
                html.push_str(&p);
            }
            None => plain.extend(&chars[i..i + len]),
        }
        i += len;
    }
    html.push_str(&esc(&plain));
    html
}

/// HTML → plain text (for `source` of seeded statuses and for search): tags dropped
/// (link text, including the invisible parts, kept), paragraphs and `<br>` back to newlines.
pub fn strip_html(html: &str) -> String {
    let html = html
        .replace("</p><p>", "\n\n")
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n");
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(acct: &str) -> Option<Resolved> {
        match acct {
            "bob" => Some(("2".into(), "http://h/@bob".into(), "bob".into())),
            "dana@example.social" => Some((
                "9".into(),
                "https://example.social/@dana".into(),
                "dana".into(),
            )),
            _ => None,
        }
    }

    #[test]
    fn renders_paragraphs_links_mentions_tags_and_escapes() {
        let r = render(
            "Hi @bob & @dana@example.social <b>\nsee https://example.com/a/very/long/path/that/goes/on.\n\n#Rust #123 @nobody",
            "http://h",
            &resolve,
        );
        assert!(
            r.html.starts_with("<p>Hi <span class=\"h-card\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("&amp; "), "{}", r.html);
        assert!(
            r.html.contains(
                "&lt;b&gt;<br>see <a href=\"https://example.com/a/very/long/path/that/goes/on\""
            ),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<span class=\"invisible\">https://</span><span class=\"ellipsis\">"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("</a>.<br>") || r.html.contains("</a>.</p>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<p><a href=\"http://h/tags/Rust\" class=\"mention hashtag\" rel=\"tag\">#<span>Rust</span></a> #123 @nobody</p>"), "{}", r.html);
        assert_eq!(r.mentions, vec!["2".to_string(), "9".to_string()]);
        assert_eq!(r.tags, vec!["Rust".to_string()]);
    }

    #[test]
    fn counts_like_mastodon() {
        assert_eq!(count("hello"), 5);
        assert_eq!(count("https://example.com/a/very/long/url/indeed/yes"), 23);
        assert_eq!(count("@dana@example.social hi"), 8);
        assert_eq!(count("a http://x.y b"), 27);
        assert_eq!(count("日本語"), 3);
    }

    #[test]
    fn strips_html_back_to_text() {
        let r = render(
            "one\ntwo\n\n#tag & https://example.com",
            "http://h",
            &resolve,
        );
        assert_eq!(
            strip_html(&r.html),
            "one\ntwo\n\n#tag & https://example.com"
        );
    }
}
