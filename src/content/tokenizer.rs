//! A small, tolerant HTML tokenizer and character-reference decoder.
//!
//! Owns turning a string of (possibly hostile) HTML into a flat stream of start tags, end
//! tags and decoded text, following the WHATWG tokenizer closely enough for sanitising:
//! comments, doctypes, CDATA and processing instructions are skipped, raw-text elements
//! (`script`, `style`, `textarea`, …) are skipped *with their content*, a tag cut off by the
//! end of input is dropped. It does not build a tree or decide what is allowed — that is
//! `sanitize.rs`. Runs in linear time; never panics on any input.

/// One token of HTML.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    /// Entity-decoded text.
    Text(String),
    /// A start tag: ASCII-lowercased name, attributes (lowercased names, decoded values,
    /// first occurrence wins).
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    /// An end tag with its ASCII-lowercased name.
    End { name: String },
}

use super::entities::decode_entities;

/// Elements whose content is never markup and never shown: skipped up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "iframe", "textarea", "title", "xmp", "noembed", "noframes", "noscript",
];

/// Attributes kept per tag; the rest are parsed and ignored.
const MAX_ATTRS: usize = 16;

pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// What a `<` at `at` starts: `true` if it opens markup rather than being a literal.
    fn opens_markup(&self, at: usize) -> bool {
        match self.bytes().get(at + 1) {
            Some(c) => c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'),
            None => false,
        }
    }

    fn text(&mut self) -> Token {
        let start = self.pos;
        let b = self.bytes();
        let mut i = start;
        loop {
            match self.src[i..].find('<') {
                Some(off) if self.opens_markup(i + off) => {
                    i += off;
                    break;
                }
                Some(off) => i += off + 1,
                None => {
                    i = b.len();
                    break;
                }
            }
        }
        self.pos = i;
        Token::Text(decode_entities(&self.src[start..i], false))
    }

    /// Skip to just past the next `>` from `from`; to the end if there is none.
    fn skip_past_gt(&mut self, from: usize) {
        self.pos = match self.src[from..].find('>') {
            Some(off) => from + off + 1,
            None => self.src.len(),
        };
    }

    fn comment(&mut self) {
        let b = self.bytes();
        let body = self.pos + 4;
        // `<!-->` and `<!--->` are complete (empty) comments.
        if b.get(body) == Some(&b'>') {
            self.pos = body + 1;
            return;
        }
        if b.get(body) == Some(&b'-') && b.get(body + 1) == Some(&b'>') {
            self.pos = body + 2;
            return;
        }
        let mut i = body;
        while let Some(off) = self.src[i..].find("--") {
            let at = i + off + 2;
            if b.get(at) == Some(&b'>') {
                self.pos = at + 1;
                return;
            }
            if b.get(at) == Some(&b'!') && b.get(at + 1) == Some(&b'>') {
                self.pos = at + 2;
                return;
            }
            i = i + off + 1;
        }
        self.pos = b.len();
    }

    /// Read a tag name starting at `i`; returns (lowercased name, index after it).
    fn tag_name(&self, i: usize) -> (String, usize) {
        let b = self.bytes();
        let mut j = i;
        while j < b.len() && !is_space(b[j]) && b[j] != b'/' && b[j] != b'>' {
            j += 1;
        }
        (self.src[i..j].to_ascii_lowercase(), j)
    }

    /// Parse a start tag at `self.pos` (`<` followed by a letter). `None` if the input ends
    /// inside the tag, which drops it, as browsers do.
    fn start_tag(&mut self) -> Option<Token> {
        let b = self.bytes();
        let (name, mut i) = self.tag_name(self.pos + 1);
        let mut attrs: Vec<(String, String)> = Vec::new();
        loop {
            while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() {
                self.pos = b.len();
                return None;
            }
            if b[i] == b'>' {
                self.pos = i + 1;
                break;
            }
            // Attribute name; a leading '=' belongs to the name.
            let name_start = i;
            i += 1;
            while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr_name = self.src[name_start..i].to_ascii_lowercase();
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = self.src[i + 1..].find(q as char);
                        let Some(off) = close else {
                            self.pos = b.len();
                            return None;
                        };
                        value = decode_entities(&self.src[i + 1..i + 1 + off], true);
                        i += off + 2;
                    }
                    _ => {
                        let start = i;
                        while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        value = decode_entities(&self.src[start..i], true);
                    }
                }
            }
            // Capped so a tag with thousands of attributes stays linear.
            if attrs.len() < MAX_ATTRS && !attrs.iter().any(|(n, _)| *n == attr_name) {
                attrs.push((attr_name, value));
            }
        }
        if RAW_TEXT.contains(&name.as_str()) {
            self.skip_raw_text(&name);
            return None;
        }
        if name == "plaintext" {
            self.pos = b.len();
            return None;
        }
        Some(Token::Start { name, attrs })
    }

    /// Skip a raw-text element's content and its end tag (`</script >`, any case).
    fn skip_raw_text(&mut self, name: &str) {
        let b = self.bytes();
        let mut i = self.pos;
        while let Some(off) = self.src[i..].find("</") {
            let at = i + off + 2;
            let end = at + name.len();
            if end <= b.len()
                && b[at..end].eq_ignore_ascii_case(name.as_bytes())
                && b.get(end)
                    .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
            {
                self.skip_past_gt(end);
                return;
            }
            i = at;
        }
        self.pos = b.len();
    }

    fn end_tag(&mut self) -> Token {
        let (name, i) = self.tag_name(self.pos + 2);
        self.skip_past_gt(i);
        Token::End { name }
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            let b = self.bytes();
            if self.pos >= b.len() {
                return None;
            }
            if b[self.pos] != b'<' || !self.opens_markup(self.pos) {
                match self.text() {
                    Token::Text(t) if t.is_empty() => continue,
                    t => return Some(t),
                }
            }
            let next = b[self.pos + 1];
            if next.is_ascii_alphabetic() {
                if let Some(t) = self.start_tag() {
                    return Some(t);
                }
            } else if next == b'/' {
                match b.get(self.pos + 2) {
                    Some(c) if c.is_ascii_alphabetic() => return Some(self.end_tag()),
                    // `</>` is nothing; `</ …>` and `</` + other are bogus comments.
                    _ => self.skip_past_gt(self.pos + 2),
                }
            } else if self.src[self.pos..].starts_with("<!--") {
                self.comment();
            } else {
                // `<!doctype>`, `<![CDATA[`, `<?xml …?>`: bogus comments up to `>`.
                self.skip_past_gt(self.pos + 2);
            }
        }
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        Tokenizer::new(s).collect()
    }
    fn text(s: &str) -> Token {
        Token::Text(s.into())
    }
    fn start(n: &str, attrs: &[(&str, &str)]) -> Token {
        let attrs = attrs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        Token::Start {
            name: n.into(),
            attrs,
        }
    }
    fn end(n: &str) -> Token {
        Token::End { name: n.into() }
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            toks(r#"<P Class="a b" data-x='1' hidden href=x&amp;y>hi</p>"#),
            vec![
                start(
                    "p",
                    &[
                        ("class", "a b"),
                        ("data-x", "1"),
                        ("hidden", ""),
                        ("href", "x&y")
                    ]
                ),
                text("hi"),
                end("p")
            ]
        );
    }

    #[test]
    fn duplicate_attribute_first_wins() {
        assert_eq!(
            toks(r#"<a href="a" HREF="b">"#),
            vec![start("a", &[("href", "a")])]
        );
    }

    #[test]
    fn comments_doctype_cdata_pi_are_skipped() {
        assert_eq!(
            toks("a<!-- <b> -->b<!---->c<!-->d<!--->e<!doctype html>f<![CDATA[x]]>g<?php x ?>h"),
            vec![
                text("a"),
                text("b"),
                text("c"),
                text("d"),
                text("e"),
                text("f"),
                text("g"),
                text("h")
            ]
        );
        assert_eq!(toks("a<!-- x --!>b"), vec![text("a"), text("b")]);
        assert_eq!(toks("a<!-- never closed <p>"), vec![text("a")]);
    }

    #[test]
    fn literal_less_than() {
        assert_eq!(toks("1 < 2 <3 <"), vec![text("1 < 2 <3 <")]);
        assert_eq!(toks("a</>b</ x>c"), vec![text("a"), text("b"), text("c")]);
    }

    #[test]
    fn raw_text_skipped_with_content() {
        assert_eq!(
            toks("a<script>x</p>y</script >b"),
            vec![text("a"), text("b")]
        );
        assert_eq!(toks("a<STYLE>x</sTyLe>b"), vec![text("a"), text("b")]);
        assert_eq!(
            toks("a<script>x</scripty>y</script>b"),
            vec![text("a"), text("b")]
        );
        assert_eq!(
            toks("a<textarea><p>x</textarea>b"),
            vec![text("a"), text("b")]
        );
        assert_eq!(toks("a<script>never closed"), vec![text("a")]);
        assert_eq!(toks("a<plaintext></plaintext>b"), vec![text("a")]);
    }

    #[test]
    fn tag_cut_off_by_eof_is_dropped() {
        assert_eq!(toks("a<p class=\"x"), vec![text("a")]);
        assert_eq!(toks("a<p"), vec![text("a")]);
    }
}
