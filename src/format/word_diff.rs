//! A word-level diff of two texts (for a status's edit history): the longest common
//! subsequence of words, then runs of kept, removed and added words. Pure and host-tested.
//! Whitespace between words is kept with the word before it, so joining the pieces of the
//! new side gives the new text back (and the old side, the old words).

/// One run of words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

/// Words longer than this many on either side are compared as whole texts, to bound the
/// quadratic table (statuses are short; this is a safety net).
const MAX_WORDS: usize = 2_000;

/// Splits into words, each with its trailing whitespace.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space && !space {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// How `new` differs from `old`, word by word.
pub fn diff_words(old: &str, new: &str) -> Vec<Piece> {
    let (a, b) = (words(old), words(new));
    if a.len() > MAX_WORDS || b.len() > MAX_WORDS {
        return [Piece::Removed(old.into()), Piece::Added(new.into())]
            .into_iter()
            .filter(|p| !matches!(p, Piece::Removed(s) | Piece::Added(s) if s.is_empty()))
            .collect();
    }
    let key = |w: &str| w.trim_end().to_string();
    let (ka, kb): (Vec<String>, Vec<String>) = (
        a.iter().map(|w| key(w)).collect(),
        b.iter().map(|w| key(w)).collect(),
    );
    // lcs[i][j]: common words of a[i..] and b[j..].
    let w = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * w + j] = if ka[i] == kb[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |p: Piece| match (out.last_mut(), p) {
        (Some(Piece::Same(s)), Piece::Same(t))
        | (Some(Piece::Removed(s)), Piece::Removed(t))
        | (Some(Piece::Added(s)), Piece::Added(t)) => s.push_str(&t),
        (_, p) => out.push(p),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if ka[i] == kb[j] {
            push(Piece::Same(b[j].to_string()));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
            push(Piece::Removed(a[i].to_string()));
            i += 1;
        } else {
            push(Piece::Added(b[j].to_string()));
            j += 1;
        }
    }
    a[i..]
        .iter()
        .for_each(|x| push(Piece::Removed(x.to_string())));
    b[j..]
        .iter()
        .for_each(|x| push(Piece::Added(x.to_string())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Piece::*;

    fn side(pieces: &[Piece], new: bool) -> String {
        pieces
            .iter()
            .filter_map(|p| match p {
                Same(s) => Some(s.as_str()),
                Added(s) if new => Some(s.as_str()),
                Removed(s) if !new => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_changed_word_is_removed_then_added() {
        let d = diff_words("the quick brown fox", "the slow brown fox");
        assert_eq!(
            d,
            [
                Same("the ".into()),
                Removed("quick ".into()),
                Added("slow ".into()),
                Same("brown fox".into())
            ]
        );
    }

    #[test]
    fn each_side_is_rebuilt_exactly() {
        let (old, new) = (
            "Hello world, this is  a test",
            "Hello there world, this was a test!",
        );
        let d = diff_words(old, new);
        assert_eq!(side(&d, false), old);
        assert_eq!(side(&d, true), new);
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(
            diff_words("same text", "same text"),
            [Same("same text".into())]
        );
        assert_eq!(diff_words("", "new"), [Added("new".into())]);
        assert_eq!(diff_words("old", ""), [Removed("old".into())]);
        assert!(diff_words("", "").is_empty());
    }

    #[test]
    fn edit_history_fixture_versions_diff() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/status_edit_history.json"
        ))
        .expect("fixture");
        let edits: Vec<crate::model::misc::StatusEdit> =
            serde_json::from_str(&text).expect("decodes");
        assert!(edits.len() >= 2);
        let plain = |html: &str| {
            crate::content::plain_text(&crate::content::sanitize(
                html,
                &crate::content::ContentContext {
                    emojis: &[],
                    mentions: &[],
                    tags: &[],
                    hide_quote_inline: false,
                },
            ))
        };
        let (a, b) = (plain(&edits[0].content), plain(&edits[1].content));
        let d = diff_words(&a, &b);
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&side(&d, false)), words(&a));
        assert_eq!(side(&d, true), b);
        assert!(
            d.iter().any(|p| !matches!(p, Same(_))),
            "the versions differ"
        );
    }
}
