//! Identifiers: opaque strings that some servers send as JSON numbers.
//!
//! Mastodon IDs are 64-bit snowflakes (too large for a JS number), GoToSocial uses ULIDs and
//! Akkoma FlakeIds. A few fields are integers on some servers (grouped notifications'
//! `most_recent_notification_id`, Pleroma's `conversation_id`): [`string_or_number`] accepts both.

use std::fmt;

use serde::{
    Deserializer,
    de::{self, Visitor},
};

/// Deserialises a string or an integer into a `String`, without going through `f64`.
/// Mastodon 2.x (2017) sent integer ids everywhere; later versions send strings.
pub fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(IdVisitor)
}

/// As [`string_or_number`], for nullable ids (`in_reply_to_id`).
pub fn opt_string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_option(OptIdVisitor)
}

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id (string or integer)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
}

struct OptIdVisitor;

impl<'de> Visitor<'de> for OptIdVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<String>, D::Error> {
        string_or_number(d).map(Some)
    }
}

/// A `null` where a value is expected reads as the default (old servers sent
/// `"sensitive": null`).
pub fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + serde::Deserialize<'de>,
{
    use serde::Deserialize;
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Orders two snowflake-like IDs: a longer decimal string is newer; otherwise lexicographic.
/// This also orders ULIDs and FlakeIds correctly, which are fixed-length and sortable.
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
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
        #[derive(Deserialize)]
        struct O {
            #[serde(default, deserialize_with = "opt_string_or_number")]
            id: Option<String>,
        }
        let o: O = serde_json::from_str(r#"{"id": null}"#).unwrap();
        assert_eq!(o.id, None);
        let o: O = serde_json::from_str(r#"{"id": 5566577}"#).unwrap();
        assert_eq!(o.id.as_deref(), Some("5566577"));
        let o: O = serde_json::from_str(r#"{}"#).unwrap();
        assert_eq!(o.id, None);
    }
}
