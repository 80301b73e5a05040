//! Composer helpers: the word at the caret for `:`/`@`/`#` autocomplete, replacing it,
//! UTF-16 caret offsets, the custom-emoji picker over the real `custom_emojis` fixture, and
//! the (plain-text) markdown preview's paragraphs.

use woolly::compose::autocomplete::{
    TokenKind, byte_offset, grouped, insert_shortcode, matching, replace, token_at, utf16_offset,
};
use woolly::compose::markdown::paragraphs;
use woolly::model::CustomEmoji;

fn emojis() -> Vec<CustomEmoji> {
    serde_json::from_str(include_str!("../fixtures/custom_emojis.json")).unwrap()
}

fn kind_and_query(text: &str) -> Option<(TokenKind, String, usize)> {
    token_at(text, text.len()).map(|t| (t.kind, t.query, t.start))
}

#[test]
fn the_word_at_the_caret_decides_what_to_complete() {
    use TokenKind::*;
    type Want = Option<(TokenKind, &'static str, usize)>;
    let table: &[(&str, Want)] = &[
        ("@ca", Some((Mention, "ca", 0))),
        ("hi @carol", Some((Mention, "carol", 3))),
        ("hi @dana@example.so", Some((Mention, "dana@example.so", 3))),
        ("mail me a@b", None),
        ("@", None),
        ("@@x", None),
        ("#wo", Some((Hashtag, "wo", 0))),
        ("love #café", Some((Hashtag, "café", 5))),
        ("#", None),
        ("# heading", None),
        (":bl", Some((Emoji, "bl", 0))),
        (":b", None),
        ("so :blob_aww", Some((Emoji, "blob_aww", 3))),
        ("time 10:30", None),
        ("https://x", None),
        ("done @carol ", None),
        ("line\n@bo", Some((Mention, "bo", 5))),
    ];
    for (text, want) in table {
        let got = kind_and_query(text);
        let want = want.map(|(k, q, s)| (k, q.to_string(), s));
        assert_eq!(got, want, "{text:?}");
    }
    // Only what is before the caret counts.
    let text = "@carol is here";
    assert_eq!(token_at(text, 3).map(|t| t.query), Some("ca".into()));
    assert_eq!(token_at(text, 9), None);
}

#[test]
fn a_suggestion_replaces_the_typed_word_and_leaves_the_caret_after_a_space() {
    let (text, at) = replace("hi @ca and more", 3, 6, "@carol");
    assert_eq!(text, "hi @carol and more");
    assert_eq!(&text[at..], "and more");
    let (text, at) = replace("#wo", 0, 3, "#woolly");
    assert_eq!(text, "#woolly ");
    assert_eq!(at, text.len());
}

#[test]
fn the_picker_inserts_a_shortcode_that_stands_apart() {
    let (text, at) = insert_shortcode("hello", 5, "blobaww");
    assert_eq!(text, "hello :blobaww: ");
    assert_eq!(at, text.len());
    let (text, at) = insert_shortcode("hi  there", 3, "yikes");
    assert_eq!(text, "hi :yikes: there");
    assert_eq!(&text[at..], " there".trim_start());
    let (text, _) = insert_shortcode("", 0, "aaaa");
    assert_eq!(text, ":aaaa: ");
}

#[test]
fn caret_offsets_convert_between_utf16_and_bytes() {
    let text = "é😀a";
    // é = 1 unit / 2 bytes, 😀 = 2 units / 4 bytes.
    assert_eq!(byte_offset(text, 0), 0);
    assert_eq!(byte_offset(text, 1), 2);
    assert_eq!(byte_offset(text, 3), 6);
    assert_eq!(byte_offset(text, 99), text.len());
    assert_eq!(utf16_offset(text, 6), 3);
    assert_eq!(utf16_offset(text, text.len()), 4);
}

#[test]
fn emoji_matches_prefer_prefixes_and_skip_hidden_ones() {
    let mut list = emojis();
    let found: Vec<&str> = matching(&list, "a", 10)
        .iter()
        .map(|e| e.shortcode.as_str())
        .collect();
    // Prefix matches (any case) before the ones containing "a".
    assert_eq!(found, ["AAAAAA", "aaaa", "blobaww"]);
    list[2].visible_in_picker = false;
    assert!(matching(&list, "blob", 10).is_empty());
    assert_eq!(matching(&list, "", 2).len(), 2);
}

#[test]
fn the_picker_groups_by_category_with_uncategorised_first() {
    let list = emojis();
    let groups = grouped(&list, "");
    let names: Vec<&str> = groups.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Custom", "Blobs"]);
    assert_eq!(groups[1].1[0].shortcode, "blobaww");
    assert_eq!(groups[0].1.len() + groups[1].1.len(), list.len());
    assert_eq!(grouped(&list, "zil")[0].1[0].shortcode, "ziltoid");
    assert!(grouped(&list, "nothing-like-this").is_empty());
}

#[test]
fn the_markdown_preview_keeps_paragraphs_and_line_breaks_as_plain_text() {
    let text = "**Bold** line\nsecond line   \n\n\n- one\n- two\n\n<script>x</script>";
    assert_eq!(
        paragraphs(text),
        vec![
            vec!["**Bold** line", "second line"],
            vec!["- one", "- two"],
            vec!["<script>x</script>"],
        ]
    );
    assert!(paragraphs("  \n\n").is_empty());
}
