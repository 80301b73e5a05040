//! The output tree of the content pipeline and its inputs.
//!
//! Owns the plain data types the renderer consumes (`Node`, `Tag`, `LinkTarget`) and the
//! per-entity context (`ContentContext`, `EmojiRef`, `MentionRef`, `TagRef`), plus
//! `plain_text`. It holds no parsing logic and knows nothing of the DOM: every value in a
//! tree is already decoded plain text or a checked URL, so the renderer only ever needs
//! `createElement` / `createTextNode` / `setAttribute`.

/// A custom emoji as listed in an entity's `emojis[]`.
#[derive(Debug, Clone, PartialEq)]
pub struct EmojiRef {
    pub shortcode: String,
    pub url: String,
    pub static_url: String,
}

/// One entry of `status.mentions[]`.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRef {
    pub url: String,
    pub acct: String,
    pub id: String,
}

/// One entry of `status.tags[]`.
#[derive(Debug, Clone, PartialEq)]
pub struct TagRef {
    pub name: String,
    pub url: String,
}

/// What `sanitize` needs to know about the entity the HTML belongs to.
#[derive(Debug, Clone, Copy, Default)]
pub struct ContentContext<'a> {
    /// That entity's own `emojis[]` only.
    pub emojis: &'a [EmojiRef],
    /// `status.mentions`.
    pub mentions: &'a [MentionRef],
    /// `status.tags`.
    pub tags: &'a [TagRef],
    /// True when `status.quote` is set: drop `<p class="quote-inline">`.
    pub hide_quote_inline: bool,
}

/// One node of sanitised content.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Entity-decoded plain text; render with `createTextNode`.
    Text(String),
    /// A custom emoji image; `url` and `static_url` are checked http(s).
    Emoji(EmojiRef),
    /// An allow-listed element.
    Element { tag: Tag, children: Vec<Node> },
    /// A link whose target has been checked and classified.
    Link {
        target: LinkTarget,
        children: Vec<Node>,
    },
}

/// The allow-listed elements (attributes other than these fields never survive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tag {
    P,
    Br,
    Span,
    Del,
    Pre,
    Code,
    Em,
    Strong,
    U,
    Ul,
    Ol { start: Option<i32>, reversed: bool },
    Li { value: Option<i32> },
    Blockquote,
}

impl Tag {
    /// The HTML element name to create for this tag.
    pub fn name(&self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::Br => "br",
            Tag::Span => "span",
            Tag::Del => "del",
            Tag::Pre => "pre",
            Tag::Code => "code",
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::U => "u",
            Tag::Ul => "ul",
            Tag::Ol { .. } => "ol",
            Tag::Li { .. } => "li",
            Tag::Blockquote => "blockquote",
        }
    }
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// `http:`, `https:` or `mailto:` only, scheme lower-cased, no whitespace or controls.
    External { href: String },
    /// A link whose href is exactly the URL of one of `status.mentions`.
    Mention {
        acct: String,
        id: String,
        url: String,
    },
    /// A hashtag link: matched against `status.tags` by URL, or marked `class="hashtag"`.
    Hashtag { name: String },
}

/// The text of a tree, for aria-labels, previews and character counting.
///
/// Emoji become `:shortcode:`, `<br>` a newline, paragraphs are separated by a blank line
/// and other blocks (list items, quotes, pre) by a newline.
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    push_plain(nodes, &mut out);
    // Separators (and a trailing `<br>`) carry no meaning at the very end.
    let len = out.trim_end_matches('\n').len();
    out.truncate(len);
    out
}

fn push_plain(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Emoji(e) => {
                out.push(':');
                out.push_str(&e.shortcode);
                out.push(':');
            }
            Node::Link { children, .. } => push_plain(children, out),
            Node::Element { tag, children } => {
                let newlines = match tag {
                    Tag::Br => {
                        out.push('\n');
                        continue;
                    }
                    Tag::P => 2,
                    Tag::Pre | Tag::Blockquote | Tag::Li { .. } | Tag::Ul | Tag::Ol { .. } => 1,
                    _ => 0,
                };
                separate(out, newlines);
                push_plain(children, out);
                separate(out, newlines);
            }
        }
    }
}

/// Make `out` end in at least `n` newlines, unless it is empty.
fn separate(out: &mut String, n: usize) {
    if n == 0 || out.is_empty() {
        return;
    }
    let have = out.bytes().rev().take_while(|&b| b == b'\n').count();
    for _ in have..n {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(tag: Tag, children: Vec<Node>) -> Node {
        Node::Element { tag, children }
    }
    fn text(s: &str) -> Node {
        Node::Text(s.to_string())
    }

    #[test]
    fn plain_text_separates_paragraphs_and_breaks() {
        let nodes = vec![
            el(Tag::P, vec![text("a"), el(Tag::Br, vec![]), text("b")]),
            el(Tag::P, vec![text("c")]),
        ];
        assert_eq!(plain_text(&nodes), "a\nb\n\nc");
    }

    #[test]
    fn plain_text_emoji_and_links() {
        let e = EmojiRef {
            shortcode: "blob".into(),
            url: "https://x/a.png".into(),
            static_url: "https://x/s.png".into(),
        };
        let nodes = vec![
            text("hi "),
            Node::Emoji(e),
            Node::Link {
                target: LinkTarget::Hashtag { name: "t".into() },
                children: vec![text("#t")],
            },
        ];
        assert_eq!(plain_text(&nodes), "hi :blob:#t");
    }

    #[test]
    fn plain_text_lists() {
        let nodes = vec![el(
            Tag::Ul,
            vec![
                el(Tag::Li { value: None }, vec![text("one")]),
                el(Tag::Li { value: None }, vec![text("two")]),
            ],
        )];
        assert_eq!(plain_text(&nodes), "one\ntwo");
    }
}
