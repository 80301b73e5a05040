//! Mastodon's id-cursor pagination over newest-first id lists, and the `Link` header.
//!
//! `max_id` = strictly older than, `since_id` = strictly newer than (page taken from the
//! newest end), `min_id` = the page directly newer than the cursor (taken from the cursor's
//! end). Results are newest-first in every case. Ids are compared as numbers here, which for
//! decimal snowflakes equals comparing strings by (length, text); never as floats.

use axum::Json;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::params::Params;

/// Cursor parameters of one request.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageQuery {
    pub max_id: Option<u64>,
    pub since_id: Option<u64>,
    pub min_id: Option<u64>,
    pub limit: usize,
}

/// Parses a cursor id. Oversized all-digit ids count as "newer than everything".
fn cursor(s: Option<&str>) -> Option<u64> {
    let s = s?.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.parse().unwrap_or(u64::MAX))
}

impl PageQuery {
    /// Reads `max_id`/`since_id`/`min_id`/`limit` (default `default`, capped at `max`).
    pub fn from_params(p: &Params, default: usize, max: usize) -> Self {
        let limit = p
            .get("limit")
            .and_then(|l| l.parse::<usize>().ok())
            .unwrap_or(default);
        Self {
            max_id: cursor(p.get("max_id")),
            since_id: cursor(p.get("since_id")),
            min_id: cursor(p.get("min_id")),
            limit: limit.clamp(1, max),
        }
    }
}

/// One page of `ids` (sorted newest-first) and whether older items exist beyond it.
pub fn page(ids: &[u64], q: PageQuery) -> (Vec<u64>, bool) {
    let in_range = |id: &u64| {
        q.max_id.is_none_or(|m| *id < m)
            && q.since_id.is_none_or(|s| *id > s)
            && q.min_id.is_none_or(|m| *id > m)
    };
    let matching: Vec<u64> = ids.iter().copied().filter(in_range).collect();
    if q.min_id.is_some() {
        // The `limit` items right above the cursor, i.e. the oldest matching ones.
        let start = matching.len().saturating_sub(q.limit);
        let page = matching[start..].to_vec();
        let older = ids.iter().any(|id| page.last().is_some_and(|l| id < l));
        (page, older)
    } else {
        let page: Vec<u64> = matching.iter().copied().take(q.limit).collect();
        let older = matching.len() > page.len();
        (page, older)
    }
}

/// The `Link` header for a page: `next` (older, `max_id`) unless this is the end, `prev`
/// (newer, `min_id`). Other query parameters are kept as sent. None for an empty page.
pub fn link_header(
    origin: &str,
    path: &str,
    raw_query: Option<&str>,
    page: &[u64],
    has_older: bool,
) -> Option<String> {
    let (newest, oldest) = (page.first()?, page.last()?);
    let kept: Vec<&str> = raw_query
        .unwrap_or("")
        .split('&')
        .filter(|kv| !kv.is_empty())
        .filter(|kv| {
            let key = kv.split('=').next().unwrap_or("");
            !matches!(key, "max_id" | "min_id" | "since_id")
        })
        .collect();
    let url = |cursor: String| {
        let mut q = kept.clone();
        q.push(&cursor);
        format!("{origin}{path}?{}", q.join("&"))
    };
    let prev = format!("<{}>; rel=\"prev\"", url(format!("min_id={newest}")));
    Some(if has_older {
        format!(
            "<{}>; rel=\"next\", {prev}",
            url(format!("max_id={oldest}"))
        )
    } else {
        prev
    })
}

/// A JSON array response with its `Link` header.
pub fn respond(items: Vec<Value>, link: Option<String>) -> Response {
    let mut res = Json(Value::Array(items)).into_response();
    if let Some(v) = link.and_then(|l| HeaderValue::from_str(&l).ok()) {
        res.headers_mut().insert(header::LINK, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(max: Option<u64>, since: Option<u64>, min: Option<u64>, limit: usize) -> PageQuery {
        PageQuery {
            max_id: max,
            since_id: since,
            min_id: min,
            limit,
        }
    }

    #[test]
    fn pages_newest_first_in_every_mode() {
        let ids: Vec<u64> = (1..=10).rev().collect();
        assert_eq!(page(&ids, q(None, None, None, 3)), (vec![10, 9, 8], true));
        assert_eq!(page(&ids, q(Some(8), None, None, 3)), (vec![7, 6, 5], true));
        assert_eq!(page(&ids, q(Some(3), None, None, 3)), (vec![2, 1], false));
        assert_eq!(
            page(&ids, q(None, Some(5), None, 3)),
            (vec![10, 9, 8], true)
        );
        assert_eq!(page(&ids, q(None, None, Some(5), 3)), (vec![8, 7, 6], true));
        assert_eq!(page(&ids, q(None, None, Some(10), 3)), (vec![], false));
    }

    #[test]
    fn link_keeps_other_params_and_omits_next_at_end() {
        let l = link_header(
            "http://h",
            "/api/v1/timelines/public",
            Some("local=true&max_id=9&limit=2"),
            &[8, 7],
            true,
        )
        .unwrap();
        assert_eq!(
            l,
            "<http://h/api/v1/timelines/public?local=true&limit=2&max_id=7>; rel=\"next\", <http://h/api/v1/timelines/public?local=true&limit=2&min_id=8>; rel=\"prev\""
        );
        let end = link_header("http://h", "/p", None, &[2, 1], false).unwrap();
        assert_eq!(end, "<http://h/p?min_id=2>; rel=\"prev\"");
        assert!(link_header("http://h", "/p", None, &[], true).is_none());
    }

    #[test]
    fn cursors_parse_as_integers_not_floats() {
        assert_eq!(cursor(Some("117020593473214477")), Some(117020593473214477));
        assert_eq!(cursor(Some("99999999999999999999999")), Some(u64::MAX));
        assert_eq!(cursor(Some("abc")), None);
    }
}
