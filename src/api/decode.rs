//! JSON decoding of API bodies. Lists are decoded item by item: one item a server sends in a
//! shape Woolly does not understand is skipped and reported, instead of failing a timeline.

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::error::ApiError;

/// Decodes one entity; an undecodable body is a `Decode` error (not a Mastodon server?).
pub fn decode_one<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::decode(e.to_string()))
}

/// A decoded list and how many items were skipped (with why, for the console).
pub struct Decoded<T> {
    pub items: Vec<T>,
    pub skipped: Vec<String>,
}

pub fn decode_list<T: DeserializeOwned>(text: &str) -> Result<Decoded<T>, ApiError> {
    let raws: Vec<&RawValue> =
        serde_json::from_str(text).map_err(|e| ApiError::decode(e.to_string()))?;
    let mut items = Vec::with_capacity(raws.len());
    let mut skipped = Vec::new();
    for raw in raws {
        match serde_json::from_str(raw.get()) {
            Ok(item) => items.push(item),
            Err(e) => skipped.push(e.to_string()),
        }
    }
    Ok(Decoded { items, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn one_bad_item_does_not_fail_the_list() {
        let home = include_str!("../../tests/fixtures/timeline_home.json");
        let mut values: Vec<serde_json::Value> = serde_json::from_str(home).unwrap();
        let total = values.len();
        values[1]["account"] = serde_json::json!("not an account");
        let text = serde_json::to_string(&values).unwrap();
        let decoded = decode_list::<Status>(&text).unwrap();
        assert_eq!(decoded.items.len(), total - 1);
        assert_eq!(decoded.skipped.len(), 1);
    }

    #[test]
    fn an_html_page_is_a_decode_error() {
        let e = decode_list::<Status>("<!doctype html><p>Welcome to nginx</p>")
            .err()
            .unwrap();
        assert_eq!(e.kind, super::super::error::ErrorKind::Decode);
    }
}
