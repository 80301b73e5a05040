//! The composer's helpers as pure logic: which `:emoji`, `@mention` or `#hashtag` is being
//! typed at the caret, what replaces it, caret offsets between the DOM's UTF-16 units and
//! Rust's bytes, and the instance's custom emoji filtered and grouped for the picker.

use crate::model::CustomEmoji;

/// What the word at the caret asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Emoji,
    Mention,
    Hashtag,
}

/// The word being typed: its kind, where it starts (byte offset of the trigger) and the query
/// after the trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub query: String,
}

/// The token that ends at byte `caret` of `text`, if any: the word begins at the text's start
/// or after whitespace, with `:` (2+ word characters), `@` (an acct, possibly remote) or `#`
/// (1+ letters, digits or `_`).
pub fn token_at(text: &str, caret: usize) -> Option<Token> {
    let before = text.get(..caret)?;
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    let mut chars = word.chars();
    let trigger = chars.next()?;
    let query = chars.as_str();
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    let kind = match trigger {
        ':' if query.chars().count() >= 2 && query.chars().all(word_char) => TokenKind::Emoji,
        '@' if !query.is_empty()
            && !query.starts_with('@')
            && query
                .chars()
                .all(|c| word_char(c) || matches!(c, '.' | '-' | '@'))
            && query.matches('@').count() <= 1 =>
        {
            TokenKind::Mention
        }
        '#' if !query.is_empty() && query.chars().all(word_char) => TokenKind::Hashtag,
        _ => return None,
    };
    Some(Token {
        kind,
        start,
        query: query.to_string(),
    })
}

/// Replaces `text[start..caret]` with `replacement` and a space; returns the new text and
/// the byte offset of the caret after the space.
pub fn replace(text: &str, start: usize, caret: usize, replacement: &str) -> (String, usize) {
    let (start, caret) = (start.min(text.len()), caret.min(text.len()));
    let rest = &text[caret..];
    let mut out = String::with_capacity(text.len() + replacement.len() + 1);
    out.push_str(&text[..start]);
    out.push_str(replacement);
    let skip_space = rest.starts_with(' ');
    if !skip_space {
        out.push(' ');
    }
    let at = out.len() + usize::from(skip_space);
    out.push_str(rest);
    (out, at)
}

/// Inserts `:shortcode:` at byte `caret` (picker), with a space before it when it would touch
/// a word (Mastodon only renders shortcodes that stand apart) and one after it.
pub fn insert_shortcode(text: &str, caret: usize, shortcode: &str) -> (String, usize) {
    let caret = floor_boundary(text, caret);
    let glued = text[..caret]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ':' || c == '_');
    let code = format!("{}:{shortcode}:", if glued { " " } else { "" });
    replace(text, caret, caret, &code)
}

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte offset of UTF-16 offset `units` (what `selectionStart` gives).
pub fn byte_offset(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.len()
}

/// The UTF-16 offset of byte offset `byte` (for `setSelectionRange`).
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    text[..floor_boundary(text, byte)]
        .chars()
        .map(char::len_utf16)
        .sum()
}

/// Picker emoji whose shortcode contains `query` (any case), those starting with it first,
/// at most `limit`.
pub fn matching<'a>(list: &'a [CustomEmoji], query: &str, limit: usize) -> Vec<&'a CustomEmoji> {
    let q = query.to_lowercase();
    let mut found: Vec<(bool, &CustomEmoji)> = list
        .iter()
        .filter(|e| e.visible_in_picker)
        .filter_map(|e| {
            let code = e.shortcode.to_lowercase();
            code.contains(&q).then(|| (!code.starts_with(&q), e))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.shortcode.cmp(&b.1.shortcode)));
    found.into_iter().take(limit).map(|(_, e)| e).collect()
}

/// The picker's sections: emoji matching `query` by category (uncategorised ones first under
/// "Custom", then categories by name), shortcodes sorted within each.
pub fn grouped<'a>(list: &'a [CustomEmoji], query: &str) -> Vec<(String, Vec<&'a CustomEmoji>)> {
    let mut all = matching(list, query, usize::MAX);
    all.sort_by(|a, b| {
        a.category
            .is_some()
            .cmp(&b.category.is_some())
            .then(a.category.cmp(&b.category))
            .then(a.shortcode.to_lowercase().cmp(&b.shortcode.to_lowercase()))
    });
    let mut groups: Vec<(String, Vec<&CustomEmoji>)> = Vec::new();
    for e in all {
        let name = e.category.as_deref().unwrap_or("Custom");
        match groups.last_mut() {
            Some((n, items)) if n == name => items.push(e),
            _ => groups.push((name.to_string(), vec![e])),
        }
    }
    groups
}
