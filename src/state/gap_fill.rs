//! Planning the catch-up after the stream was lost (or on a poll): which pages to request so
//! that nothing posted meanwhile is missed. Pure and host-tested; `state::streaming` runs it.
//!
//! The first request is the timeline's first page with `min_id=<newest shown>`: Mastodon
//! answers with the posts *immediately* above that id, so the page touches what is shown.
//! Each later request follows the page's `Link rel="prev"` (or `min_id=<newest of the page>`
//! when a server sends no link), until a page comes back empty or has no `prev` — then the gap
//! is closed. A cap keeps a long absence from turning into hundreds of requests.

use super::notification_groups::id_cmp;

/// Pages requested at most per catch-up.
pub const MAX_GAP_PAGES: usize = 10;

/// What a fetched page told the planner.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched {
    /// Ids on the page, newest first.
    pub ids: Vec<String>,
    /// Its `Link rel="prev"` URL.
    pub prev: Option<String>,
}

/// The next step of a catch-up.
#[derive(Clone, Debug, PartialEq)]
pub enum GapStep {
    /// Request this path or `Link` URL.
    Fetch(String),
    /// Nothing is missing any more (or nothing was shown to fill up to).
    Closed,
    /// The cap was hit: more exists; the reader can still "load newer".
    Capped,
}

/// The next request, given the timeline's first page path, the newest id shown, and the pages
/// fetched so far in this catch-up (oldest request first).
pub fn next_step(
    first_page_path: &str,
    newest_shown: Option<&str>,
    fetched: &[Fetched],
) -> GapStep {
    let Some(newest) = newest_shown else {
        return GapStep::Closed;
    };
    let Some(last) = fetched.last() else {
        return GapStep::Fetch(with_min_id(first_page_path, newest));
    };
    if last.ids.is_empty() {
        return GapStep::Closed;
    }
    if fetched.len() >= MAX_GAP_PAGES {
        return GapStep::Capped;
    }
    match &last.prev {
        Some(prev) => GapStep::Fetch(prev.clone()),
        None => GapStep::Closed,
    }
}

/// `path?min_id=id` (or `&min_id=` when the path has a query).
pub fn with_min_id(path: &str, id: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}min_id={id}")
}

/// The newest of the ids shown and waiting (pending ones are above the shown ones).
pub fn newest_of<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates.into_iter().max_by(|a, b| id_cmp(a, b))
}

/// The ids of fetched pages that are new (newer than `newest` and not yet seen), newest
/// first, ready to be put in the "new posts" list.
pub fn fresh_ids(fetched: &[Fetched], newest: &str, seen: &[String]) -> Vec<String> {
    let mut out: Vec<String> = fetched
        .iter()
        .flat_map(|p| p.ids.iter())
        .filter(|id| id_cmp(id, newest).is_gt() && !seen.contains(id))
        .cloned()
        .collect();
    out.sort_by(|a, b| id_cmp(b, a));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(ids: &[&str], prev: Option<&str>) -> Fetched {
        Fetched {
            ids: ids.iter().map(|s| s.to_string()).collect(),
            prev: prev.map(str::to_string),
        }
    }

    #[test]
    fn starts_right_above_the_newest_shown() {
        assert_eq!(
            next_step("/api/v1/timelines/home", Some("100"), &[]),
            GapStep::Fetch("/api/v1/timelines/home?min_id=100".into())
        );
        assert_eq!(
            next_step("/api/v1/timelines/public?local=true", Some("7"), &[]),
            GapStep::Fetch("/api/v1/timelines/public?local=true&min_id=7".into())
        );
        assert_eq!(
            next_step("/api/v1/timelines/home", None, &[]),
            GapStep::Closed
        );
    }

    #[test]
    fn follows_prev_links_until_an_empty_page() {
        let p1 = page(
            &["120", "110"],
            Some("https://x/api/v1/timelines/home?min_id=120"),
        );
        assert_eq!(
            next_step("/h", Some("100"), std::slice::from_ref(&p1)),
            GapStep::Fetch("https://x/api/v1/timelines/home?min_id=120".into())
        );
        let p2 = page(&[], None);
        assert_eq!(
            next_step("/h", Some("100"), &[p1.clone(), p2]),
            GapStep::Closed
        );
        // No prev link: nothing above.
        assert_eq!(
            next_step("/h", Some("100"), &[page(&["101"], None)]),
            GapStep::Closed
        );
    }

    #[test]
    fn a_long_absence_is_capped() {
        let full: Vec<Fetched> = (0..MAX_GAP_PAGES)
            .map(|i| page(&["999"], Some(&format!("/h?min_id={i}"))))
            .collect();
        assert_eq!(next_step("/h", Some("1"), &full), GapStep::Capped);
    }

    #[test]
    fn fresh_ids_are_new_and_newest_first() {
        let pages = [
            page(&["103", "102"], Some("/p")),
            page(&["105", "104", "102"], None),
        ];
        let seen = vec!["104".to_string()];
        assert_eq!(fresh_ids(&pages, "101", &seen), ["105", "103", "102"]);
        assert_eq!(newest_of(["99", "100", "98"]), Some("100"));
        assert_eq!(newest_of([]), None);
    }
}
