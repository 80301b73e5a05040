//! Character-reference decoding for text and attribute values.
//!
//! Owns `&amp;`-style named references (the basic five, `&nbsp;` and a small set of common
//! ones — not the full HTML table, which would cost kilobytes of WASM), decimal and hex
//! numeric references (zero, surrogates and out-of-range become U+FFFD) and the legacy
//! rule that the basic names work without `;`. Called by the tokenizer only.

/// Named references decoded with a `;`. The first seven are also decoded without one
/// (legacy names), longest first so `&nbsp` is not read as `&nb`…
const NAMED: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'),
    ("quot", '"'),
    ("copy", '©'),
    ("amp", '&'),
    ("reg", '®'),
    ("lt", '<'),
    ("gt", '>'),
    ("apos", '\''),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("middot", '·'),
    ("bull", '•'),
    ("deg", '°'),
    ("times", '×'),
    ("divide", '÷'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("trade", '™'),
    ("shy", '\u{ad}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("larr", '←'),
    ("rarr", '→'),
    ("hearts", '♥'),
    ("colon", ':'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("excl", '!'),
    ("num", '#'),
    ("sol", '/'),
    ("lpar", '('),
    ("rpar", ')'),
    ("period", '.'),
    ("comma", ','),
];
const LEGACY: usize = 7;

/// Decode character references in `s`. In attribute values (`in_attr`), a legacy reference
/// without `;` followed by an alphanumeric or `=` stays literal, as in browsers.
pub(crate) fn decode_entities(s: &str, in_attr: bool) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = s[i..].find('&') {
        let amp = i + off;
        out.push_str(&s[last..amp]);
        let (ch, end) = match b.get(amp + 1) {
            Some(b'#') => numeric(s, amp + 2),
            Some(c) if c.is_ascii_alphanumeric() => named(s, amp + 1, in_attr),
            _ => (None, amp + 1),
        };
        match ch {
            Some(c) => out.push(c),
            None => out.push('&'),
        }
        last = if ch.is_some() { end } else { amp + 1 };
        i = last;
    }
    out.push_str(&s[last..]);
    out
}

/// `&#…` after the `#` at `i`: (char, index after the reference).
fn numeric(s: &str, i: usize) -> (Option<char>, usize) {
    let b = s.as_bytes();
    let (radix, mut j) = match b.get(i) {
        Some(b'x' | b'X') => (16, i + 1),
        _ => (10, i),
    };
    let digits = j;
    let mut value: u32 = 0;
    while let Some(d) = b.get(j).and_then(|&c| (c as char).to_digit(radix)) {
        value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        j += 1;
    }
    if j == digits {
        return (None, i);
    }
    if b.get(j) == Some(&b';') {
        j += 1;
    }
    let ch = match value {
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    };
    (Some(ch), j)
}

/// `&name…` with the name starting at `i`.
fn named(s: &str, i: usize, in_attr: bool) -> (Option<char>, usize) {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && j - i < 32 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    let word = &s[i..j];
    if b.get(j) == Some(&b';')
        && let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == word)
    {
        return (Some(c), j + 1);
    }
    for &(n, c) in &NAMED[..LEGACY] {
        if let Some(rest) = word.strip_prefix(n) {
            let next = if rest.is_empty() {
                b.get(j)
            } else {
                Some(&rest.as_bytes()[0])
            };
            if in_attr && next.is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'=') {
                return (None, i);
            }
            return (Some(c), i + n.len());
        }
    }
    (None, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("&lt;b&gt; &amp;&quot;&apos;&nbsp;", false),
            "<b> &\"'\u{a0}"
        );
        assert_eq!(
            decode_entities("&#65;&#x42;&#X43;&#68&#x45", false),
            "ABCDE"
        );
        assert_eq!(
            decode_entities("&#0;&#xD800;&#x110000;&#99999999999;", false),
            "\u{fffd}".repeat(4)
        );
        assert_eq!(
            decode_entities("&amp &lt3 &nosuch; &#; &#x; & &", false),
            "& <3 &nosuch; &#; &#x; & &"
        );
        assert_eq!(decode_entities("&hellip;&mdash;&copy", false), "…—©");
        assert_eq!(decode_entities("&ampx", false), "&x");
        assert_eq!(decode_entities("&ampx=&amp=", true), "&ampx=&amp=");
        assert_eq!(decode_entities("a&amp;b&ampc", true), "a&b&ampc");
        assert_eq!(decode_entities("javascript&colon;", true), "javascript:");
    }
}
