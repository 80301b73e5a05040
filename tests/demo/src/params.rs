//! Request parameters the way Rails sees them: query string merged with a form-urlencoded or
//! JSON body.
//!
//! Mastodon accepts either encoding on every write endpoint, and arrays arrive as `key[]=a&key[]=b`
//! in forms or as JSON arrays. [`Params`] normalises both into `key -> [values]` (the `[]` suffix is
//! dropped) so handlers need not care which encoding a client chose.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde_json::Value;
use std::collections::HashMap;

use crate::error::ApiError;

/// All parameters of a request: query first, then the body (body values win for `get`).
#[derive(Debug, Default, Clone)]
pub struct Params(pub HashMap<String, Vec<String>>);

impl Params {
    /// Parses a form-urlencoded string into the map (appending).
    pub fn add_form(&mut self, raw: &str) {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw).unwrap_or_default();
        for (k, v) in pairs {
            let key = k.strip_suffix("[]").unwrap_or(&k).to_string();
            self.0.entry(key).or_default().push(v);
        }
    }

    fn add_json(&mut self, value: &Value) {
        let Some(obj) = value.as_object() else { return };
        for (k, v) in obj {
            let key = k.strip_suffix("[]").unwrap_or(k).to_string();
            let list = self.0.entry(key).or_default();
            match v {
                Value::Array(items) => list.extend(items.iter().map(scalar)),
                Value::Null => {}
                other => list.push(scalar(other)),
            }
        }
    }

    /// The last value given for `key`, if any and non-empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .get(key)
            .and_then(|v| v.last())
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// Every value given for `key` (`key[]` in forms, arrays in JSON).
    pub fn all(&self, key: &str) -> &[String] {
        self.0.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `key` holds a truthy value (`true`, `1`, `on`).
    pub fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), Some("true" | "1" | "on" | "yes"))
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl<S: Send + Sync> FromRequest<S> for Params {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let mut params = Params::default();
        if let Some(q) = req.uri().query() {
            params.add_form(q);
        }
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/json"));
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|_| ApiError::unprocessable("Could not read the request body"))?;
        if body.is_empty() {
            return Ok(params);
        }
        if is_json {
            let value: Value = serde_json::from_slice(&body)
                .map_err(|_| ApiError::new(axum::http::StatusCode::BAD_REQUEST, "Invalid JSON"))?;
            params.add_json(&value);
        } else {
            params.add_form(&String::from_utf8_lossy(&body));
        }
        Ok(params)
    }
}
