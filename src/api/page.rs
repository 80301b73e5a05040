//! Link-header paging. Mastodon pages are cursors in the `Link` header (`rel="next"` = older,
//! `rel="prev"` = newer); for many endpoints the cursors are internal ids that never appear in
//! the body, so pages are always followed by these URLs, never by guessing ids.

/// One page of a list, with the URLs of its neighbours.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Older items; `None` at the end of the list.
    pub next: Option<String>,
    /// Newer items.
    pub prev: Option<String>,
}

/// The `next` and `prev` URLs of a `Link` header value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    pub next: Option<String>,
    pub prev: Option<String>,
}

/// Parses `<url>; rel="next", <url>; rel="prev"` (RFC 8288, the subset servers send).
/// Unparseable parts are skipped; `rel` may hold several space-separated values.
pub fn parse_link_header(value: &str) -> Links {
    let mut links = Links::default();
    let mut rest = value;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let url = rest[start + 1..start + end].trim();
        let after = &rest[start + end + 1..];
        let params_end = after.find('<').unwrap_or(after.len());
        let params = &after[..params_end];
        for rel in rel_values(params) {
            let slot = match rel.as_str() {
                "next" => &mut links.next,
                "prev" | "previous" => &mut links.prev,
                _ => continue,
            };
            if slot.is_none() && !url.is_empty() {
                *slot = Some(url.to_string());
            }
        }
        rest = &after[params_end..];
    }
    links
}

fn rel_values(params: &str) -> Vec<String> {
    params
        .split(';')
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            (k.trim().eq_ignore_ascii_case("rel")).then(|| {
                v.trim_matches(|c: char| c == '"' || c == ',' || c.is_whitespace())
                    .to_string()
            })
        })
        .flat_map(|v| {
            v.split_whitespace()
                .map(str::to_ascii_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mastodon_link_header() {
        let h = "<http://localhost:3000/api/v1/timelines/home?max_id=117020574694606796>; rel=\"next\", <http://localhost:3000/api/v1/timelines/home?min_id=117020593473214477>; rel=\"prev\"";
        let l = parse_link_header(h);
        assert_eq!(
            l.next.as_deref(),
            Some("http://localhost:3000/api/v1/timelines/home?max_id=117020574694606796")
        );
        assert_eq!(
            l.prev.as_deref(),
            Some("http://localhost:3000/api/v1/timelines/home?min_id=117020593473214477")
        );
    }

    #[test]
    fn tolerates_missing_parts_and_odd_spacing() {
        assert_eq!(parse_link_header(""), Links::default());
        assert_eq!(parse_link_header("garbage"), Links::default());
        let l = parse_link_header("<https://a/x?max_id=1>;rel=next");
        assert_eq!(l.next.as_deref(), Some("https://a/x?max_id=1"));
        assert_eq!(l.prev, None);
        let l = parse_link_header("<https://a/p>; rel=\"prev next\"");
        assert_eq!(l.next.as_deref(), Some("https://a/p"));
        assert_eq!(l.prev.as_deref(), Some("https://a/p"));
    }

    #[test]
    fn only_next_means_no_newer_page() {
        let l = parse_link_header("<https://a/api/v1/bookmarks?max_id=9>; rel=\"next\"");
        assert!(l.prev.is_none());
    }
}
