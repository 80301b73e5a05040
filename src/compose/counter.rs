//! Mastodon's character counter (pure): what `StatusLengthValidator` counts.
//!
//! The rule, from Mastodon's `app/validators/status_length_validator.rb`
//! (<https://github.com/mastodon/mastodon/blob/main/app/validators/status_length_validator.rb>):
//! the content warning and the text are joined; in the text every `http(s)://` URL is replaced
//! by 23 characters (`characters_reserved_per_url`) and every `@user@remote.domain` by `@user`;
//! the result is measured with `str.mb_chars.grapheme_length`, i.e. in **extended grapheme
//! clusters** — so a ZWJ family emoji, a flag or `e` + combining accent each count as one.
//!
//! Grapheme segmentation here is a compact subset of UAX #29 that covers what people type:
//! CR LF, combining marks and variation selectors (Extend), spacing marks of Indic scripts,
//! ZWJ emoji sequences, emoji modifiers and tag sequences, regional-indicator pairs (flags),
//! and Hangul jamo. Whole-table crates (`unicode-segmentation`) would cost ~30 KB of WASM.

/// Entities the counter replaces: `(start byte, end byte, counted length)`.
fn entities(text: &str, url_len: usize) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let prev = text[..i].chars().next_back();
        let rest = &text[i..];
        let lower_is = |p: &str| {
            rest.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        if (lower_is("http://") || lower_is("https://"))
            && prev.is_none_or(|p| !p.is_alphanumeric() && !"@$#/=_".contains(p))
        {
            let scheme = rest.find("://").unwrap_or(0) + 3;
            let end = url_end(rest);
            if end > scheme && rest[scheme..end].chars().next().is_some_and(is_host_char) {
                out.push((i, i + end, url_len));
                i += end;
                continue;
            }
        }
        if bytes[i] == b'@'
            && prev.is_none_or(|p| !is_word(p) && p != '/' && p != '=' && p != '@')
            && let Some((end, user_len)) = mention_end(rest)
        {
            out.push((i, i + end, 1 + user_len));
            i += end;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_host_char(c: char) -> bool {
    c.is_alphanumeric() || c == '[' || (c as u32) > 0x7f
}

/// Byte length of the URL at the start of `s`: up to whitespace, minus trailing punctuation
/// (twitter-text's rule: a URL does not end in `.,;:!?'")`, unbalanced).
fn url_end(s: &str) -> usize {
    let mut end = s
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        .map_or(s.len(), |(i, _)| i);
    while let Some(c) = s[..end].chars().next_back() {
        let unbalanced_paren =
            c == ')' && s[..end].matches('(').count() < s[..end].matches(')').count();
        if ".,;:!?'".contains(c) || unbalanced_paren {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// `@user` or `@user@domain` at the start of `s` (Mastodon's `Account::MENTION_RE`): byte
/// length, and the username's length in characters.
fn mention_end(s: &str) -> Option<(usize, usize)> {
    let user = dotted_run(&s[1..], |c| c.is_ascii_alphanumeric() || c == '_');
    if user == 0 {
        return None;
    }
    let mut end = 1 + user;
    if s[end..].starts_with('@') {
        let domain = dotted_run(&s[end + 1..], is_word);
        if domain > 0 {
            end += 1 + domain;
        }
    }
    Some((end, user))
}

/// Length of `word([.-]+word)*` at the start of `s`, where `word` is a run of `ok`.
fn dotted_run(s: &str, ok: impl Fn(char) -> bool) -> usize {
    let mut end = 0;
    let mut pending = 0;
    for (i, c) in s.char_indices() {
        if ok(c) {
            end = i + c.len_utf8();
            pending = end;
        } else if (c == '.' || c == '-') && pending > 0 {
            continue;
        } else {
            break;
        }
    }
    end
}

/// The text as Mastodon measures it: URLs as 23 `x`, remote mentions as `@user`.
pub fn countable_text(text: &str, url_len: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end, _) in entities(text, url_len) {
        out.push_str(&text[last..start]);
        if text[start..].starts_with('@') {
            let user = mention_end(&text[start..]).map_or(0, |(_, u)| u);
            out.push_str(&text[start..start + 1 + user]);
        } else {
            out.extend(std::iter::repeat_n('x', url_len));
        }
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// Characters a status uses: `spoiler_text` + text, counted as Mastodon does.
pub fn status_length(text: &str, spoiler_text: &str, url_len: usize) -> usize {
    graphemes(spoiler_text) + graphemes(&countable_text(text, url_len))
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Cr,
    Lf,
    Extend,
    Zwj,
    Regional,
    Pictographic,
    HangulL,
    HangulV,
    HangulT,
    Other,
}

fn class(c: char) -> Class {
    let u = c as u32;
    match u {
        0x0D => Class::Cr,
        0x0A => Class::Lf,
        0x200D => Class::Zwj,
        0x1F1E6..=0x1F1FF => Class::Regional,
        0x1100..=0x115F | 0xA960..=0xA97C => Class::HangulL,
        0x1160..=0x11A7 | 0xD7B0..=0xD7C6 => Class::HangulV,
        0x11A8..=0x11FF | 0xD7CB..=0xD7FB => Class::HangulT,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF..=0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x0900..=0x0903
        | 0x093A..=0x094F
        | 0x0951..=0x0957
        | 0x0962..=0x0963
        | 0x0981..=0x0983
        | 0x09BC..=0x09D7
        | 0x0A01..=0x0A03
        | 0x0A3C..=0x0A51
        | 0x0A81..=0x0A83
        | 0x0ABC..=0x0ACD
        | 0x0B01..=0x0B03
        | 0x0B3C..=0x0B57
        | 0x0BBE..=0x0BCD
        | 0x0C00..=0x0C04
        | 0x0C3E..=0x0C56
        | 0x0C81..=0x0C83
        | 0x0CBC..=0x0CD6
        | 0x0D00..=0x0D03
        | 0x0D3B..=0x0D57
        | 0x0E31
        | 0x0E34..=0x0E3A
        | 0x0E47..=0x0E4E
        | 0x0EB1
        | 0x0EB4..=0x0EBC
        | 0x0EC8..=0x0ECE
        | 0x0F71..=0x0F84
        | 0x102B..=0x103E
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200C
        | 0x20D0..=0x20FF
        | 0x302A..=0x302F
        | 0x3099..=0x309A
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF => Class::Extend,
        0x00A9
        | 0x00AE
        | 0x203C
        | 0x2049
        | 0x2122
        | 0x2139
        | 0x2194..=0x21AA
        | 0x231A..=0x23FF
        | 0x24C2
        | 0x25AA..=0x27BF
        | 0x2934..=0x2935
        | 0x2B05..=0x2B55
        | 0x3030
        | 0x303D
        | 0x3297
        | 0x3299
        | 0x1F000..=0x1F0FF
        | 0x1F10D..=0x1F1AD
        | 0x1F200..=0x1FAFF => Class::Pictographic,
        _ => Class::Other,
    }
}

/// Extended grapheme clusters in `s` (the subset of UAX #29 described above).
pub fn graphemes(s: &str) -> usize {
    let mut count = 0;
    let mut prev: Option<Class> = None;
    // Inside an emoji sequence (pictographic, then Extend*): a ZWJ may join the next one.
    let mut in_emoji = false;
    let mut after_emoji_zwj = false;
    let mut regional_run = 0;
    for c in s.chars() {
        let cur = class(c);
        let joins = match (prev, cur) {
            (None, _) => false,
            (Some(Class::Cr), Class::Lf) => true,
            (Some(Class::Cr | Class::Lf), _) | (_, Class::Cr | Class::Lf) => false,
            (_, Class::Extend | Class::Zwj) => true,
            (Some(Class::HangulL), Class::HangulL | Class::HangulV) => true,
            (Some(Class::HangulV), Class::HangulV | Class::HangulT) => true,
            (Some(Class::HangulT), Class::HangulT) => true,
            (Some(Class::Zwj), Class::Pictographic) => after_emoji_zwj,
            (Some(Class::Regional), Class::Regional) => regional_run % 2 == 1,
            _ => false,
        };
        if !joins {
            count += 1;
        }
        after_emoji_zwj = cur == Class::Zwj && in_emoji;
        in_emoji = match cur {
            Class::Pictographic => true,
            Class::Extend | Class::Zwj => in_emoji,
            _ => false,
        };
        regional_run = if cur == Class::Regional {
            regional_run + 1
        } else {
            0
        };
        prev = Some(cur);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values follow Mastodon's rule (URL = 23, remote mention = `@user`, grapheme
    /// clusters as Ruby's `grapheme_length`).
    const TABLE: &[(&str, usize)] = &[
        ("", 0),
        ("hello", 5),
        ("hello world\n", 12),
        ("\r\n", 1),
        ("https://example.com", 23),
        (
            "https://example.com/a/very/long/path/that/goes/on?and=on#forever",
            23,
        ),
        ("see http://x.io.", 4 + 23 + 1),
        ("(https://example.com/wiki/Rust_(language))", 1 + 23 + 1),
        (
            "two https://a.example and https://b.example",
            4 + 23 + 5 + 23,
        ),
        ("http://", 7),
        ("nothttps://example.com", 22),
        ("@alice", 6),
        ("@alice@mastodon.social hi", 9),
        ("hi @bob@example.co.uk!", 3 + 4 + 1),
        ("mail me: me@example.com", 23),
        ("https://mastodon.social/@alice", 23),
        ("日本語のテキスト", 8),
        ("한국어", 3),
        ("\u{1100}\u{1161}\u{11A8}", 1),
        ("e\u{301}", 1),
        ("Z\u{351}\u{36B}\u{343}", 1),
        ("😀", 1),
        ("👍🏽", 1),
        ("👨‍👩‍👧‍👦", 1),
        ("🏳️‍🌈", 1),
        ("🇫🇷🇩🇪", 2),
        ("🇫🇷🇩", 2),
        ("1️⃣", 1),
        (
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
            1,
        ),
        // न | म | स् | ते: UAX #29 before Unicode 15.1 (Ruby 3.x), no conjunct rule.
        ("नमस्ते", 4),
        (
            "ok 👋 @carol@social.example https://x.example/y",
            3 + 2 + 6 + 1 + 23,
        ),
    ];

    #[test]
    fn counts_like_mastodon_over_the_table() {
        for &(text, want) in TABLE {
            assert_eq!(status_length(text, "", 23), want, "{text:?}");
        }
        assert!(TABLE.len() >= 20);
    }

    #[test]
    fn the_content_warning_counts_too() {
        assert_eq!(status_length("body", "CW 👨‍👩‍👧", 23), 4 + 4);
    }

    #[test]
    fn the_reserved_url_length_comes_from_the_instance() {
        assert_eq!(status_length("https://example.com/long", "", 30), 30);
    }

    #[test]
    fn countable_text_replaces_entities() {
        assert_eq!(countable_text("@a@b.c https://q.r", 3), "@a xxx");
    }
}
