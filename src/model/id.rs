//! Identifiers: opaque strings that some servers send as JSON numbers.
//!
//! Mastodon IDs are 64-bit snowflakes (too large for a JS number), GoToSocial uses ULIDs and
//! Akkoma FlakeIds. A few fields are integers on some servers (grouped notifications'
//! `most_recent_notification_id`, Pleroma's `conversation_id`): [`string_or_number`] accepts both.

use serde::{Deserialize, Deserializer};

/// Deserialises a string or an integer into a `String`, without going through `f64`.
pub fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        S(String),
        U(u64),
        I(i64),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::S(s) => s,
        Raw::U(n) => n.to_string(),
        Raw::I(n) => n.to_string(),
    })
}

/// Orders two snowflake-like IDs: a longer decimal string is newer; otherwise lexicographic.
/// This also orders ULIDs and FlakeIds correctly, which are fixed-length and sortable.
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn longer_ids_are_newer() {
        assert_eq!(compare("99", "100"), Ordering::Less);
        assert_eq!(
            compare("117020593473214477", "117020574694606796"),
            Ordering::Greater
        );
        assert_eq!(compare("01HZX", "01HZX"), Ordering::Equal);
    }

    #[test]
    fn accepts_numbers_without_precision_loss() {
        #[derive(Deserialize)]
        struct T {
            #[serde(deserialize_with = "string_or_number")]
            id: String,
        }
        let t: T = serde_json::from_str(r#"{"id": 117020593473214477}"#).unwrap();
        assert_eq!(t.id, "117020593473214477");
        let t: T = serde_json::from_str(r#"{"id": "AM7iejUVqeZiIAYReK"}"#).unwrap();
        assert_eq!(t.id, "AM7iejUVqeZiIAYReK");
    }
}
