//! The allow-list tree builder: tokens → `Vec<Node>`.
//!
//! Owns which elements survive (Mastodon 4.2's allow-list: p br span a del/s pre code em/i
//! strong/b u ul ol li blockquote; headings become `<p><strong>`), which disappear with their
//! content (`.invisible`, hidden `.quote-inline`, `template`), which are unwrapped (anything
//! unknown, ruby, nested or unsafe links), the `.ellipsis` "…", open/close bookkeeping for
//! broken markup, the depth cap, and running emoji replacement over finished text. Raw-text
//! elements never reach it (the tokenizer skips them). Link safety lives in `links.rs`.

use super::emoji::{expand_into, push_text, usable_emojis};
use super::links::{classify, safe_href};
use super::node::{ContentContext, EmojiRef, Node, Tag};
use super::tokenizer::{Token, Tokenizer};

/// Elements nested deeper than this are unwrapped: their text joins the deepest kept element.
pub const MAX_DEPTH: usize = 64;

/// What closing an open element does with its children.
enum Kind {
    Root,
    Element(Tag),
    /// `h1`–`h6`: becomes `<p><strong>…</strong></p>`.
    Heading,
    /// A safe link, classified when it closes (hashtag names come from its text).
    Link {
        href: String,
        hashtag_class: bool,
    },
    /// Unwrapped: children move to the parent.
    Transparent,
    /// `span.ellipsis`: children move to the parent, followed by "…".
    Ellipsis,
    /// Children are discarded.
    Drop,
}

struct Frame {
    name: String,
    kind: Kind,
    children: Vec<Node>,
}

struct Builder<'a> {
    ctx: &'a ContentContext<'a>,
    emojis: Vec<&'a EmojiRef>,
    stack: Vec<Frame>,
    open_links: usize,
}

/// Sanitise remote HTML into an allow-listed tree. Never fails: anything not understood is
/// dropped or turned into text.
pub fn sanitize(html: &str, ctx: &ContentContext) -> Vec<Node> {
    let mut b = Builder {
        ctx,
        emojis: usable_emojis(ctx.emojis),
        stack: vec![Frame {
            name: String::new(),
            kind: Kind::Root,
            children: Vec::new(),
        }],
        open_links: 0,
    };
    for token in Tokenizer::new(html) {
        match token {
            Token::Text(t) => push_text(&mut b.top().children, &t),
            Token::Start { name, attrs } => b.start(name, &attrs),
            Token::End { name } => b.end(&name),
        }
    }
    while b.stack.len() > 1 {
        b.close_top();
    }
    let root = b.stack.pop().map(|f| f.children).unwrap_or_default();
    b.finish(root)
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn has_class(attrs: &[(String, String)], class: &str) -> bool {
    attr(attrs, "class").is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
}

fn int_attr(attrs: &[(String, String)], name: &str) -> Option<i32> {
    attr(attrs, name).and_then(|v| v.trim().parse().ok())
}

/// Elements that never have children or an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "image"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "frame"
    )
}

/// Starting one of these closes an open `<p>` right above it, as browsers do.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "p" | "ul"
            | "ol"
            | "pre"
            | "blockquote"
            | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "hr"
    )
}

impl Builder<'_> {
    fn top(&mut self) -> &mut Frame {
        // The root frame is never popped while tokens are processed.
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn start(&mut self, name: String, attrs: &[(String, String)]) {
        if closes_p(&name) && self.stack.last().is_some_and(|f| f.name == "p") {
            self.close_top();
        }
        if name == "li" && self.stack.last().is_some_and(|f| f.name == "li") {
            self.close_top();
        }
        if name == "br" {
            let br = Node::Element {
                tag: Tag::Br,
                children: Vec::new(),
            };
            self.top().children.push(br);
            return;
        }
        if is_void(&name) || self.stack.len() > MAX_DEPTH {
            return;
        }
        let kind = match name.as_str() {
            "p" if self.ctx.hide_quote_inline && has_class(attrs, "quote-inline") => Kind::Drop,
            "p" => Kind::Element(Tag::P),
            "span" if has_class(attrs, "invisible") => Kind::Drop,
            "span" if has_class(attrs, "ellipsis") => Kind::Ellipsis,
            "span" => Kind::Element(Tag::Span),
            "a" => self.link_kind(attrs),
            "del" | "s" | "strike" => Kind::Element(Tag::Del),
            "pre" => Kind::Element(Tag::Pre),
            "code" => Kind::Element(Tag::Code),
            "em" | "i" => Kind::Element(Tag::Em),
            "strong" | "b" => Kind::Element(Tag::Strong),
            "u" => Kind::Element(Tag::U),
            "ul" => Kind::Element(Tag::Ul),
            "ol" => Kind::Element(Tag::Ol {
                start: int_attr(attrs, "start"),
                reversed: attr(attrs, "reversed").is_some(),
            }),
            "li" => Kind::Element(Tag::Li {
                value: int_attr(attrs, "value"),
            }),
            "blockquote" => Kind::Element(Tag::Blockquote),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
            "template" => Kind::Drop,
            _ => Kind::Transparent,
        };
        if matches!(kind, Kind::Link { .. }) {
            self.open_links += 1;
        }
        self.stack.push(Frame {
            name,
            kind,
            children: Vec::new(),
        });
    }

    fn link_kind(&self, attrs: &[(String, String)]) -> Kind {
        if self.open_links > 0 {
            return Kind::Transparent; // no link inside a link
        }
        match attr(attrs, "href").and_then(safe_href) {
            Some(href) => Kind::Link {
                href,
                hashtag_class: has_class(attrs, "hashtag"),
            },
            None => Kind::Transparent,
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            // `</br>` is a `<br>` in browsers.
            self.start("br".to_string(), &[]);
            return;
        }
        // Close up to the matching open element; a stray end tag is ignored.
        if let Some(k) = self.stack.iter().skip(1).rposition(|f| f.name == name) {
            while self.stack.len() > k + 1 {
                self.close_top();
            }
        }
    }

    fn close_top(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let node = match frame.kind {
            Kind::Root | Kind::Drop => None,
            Kind::Element(tag) => Some(Node::Element {
                tag,
                children: self.finish(frame.children),
            }),
            Kind::Heading => Some(Node::Element {
                tag: Tag::P,
                children: vec![Node::Element {
                    tag: Tag::Strong,
                    children: self.finish(frame.children),
                }],
            }),
            Kind::Link {
                href,
                hashtag_class,
            } => {
                self.open_links -= 1;
                let children = self.finish(frame.children);
                let target = classify(href, hashtag_class, &children, self.ctx);
                Some(Node::Link { target, children })
            }
            Kind::Transparent | Kind::Ellipsis => {
                let ellipsis = matches!(frame.kind, Kind::Ellipsis);
                let parent = &mut self.top().children;
                for child in frame.children {
                    match child {
                        Node::Text(t) => push_text(parent, &t),
                        other => parent.push(other),
                    }
                }
                if ellipsis {
                    push_text(parent, "…");
                }
                None
            }
        };
        if let Some(node) = node {
            self.top().children.push(node);
        }
    }

    /// Run emoji replacement over the direct text children of a finished element.
    fn finish(&self, children: Vec<Node>) -> Vec<Node> {
        if self.emojis.is_empty() {
            return children;
        }
        let mut out = Vec::with_capacity(children.len());
        for child in children {
            match child {
                Node::Text(t) => expand_into(&t, &self.emojis, &mut out),
                other => out.push(other),
            }
        }
        out
    }
}
