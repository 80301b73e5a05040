//! Where to put the reader back in the home timeline from the saved marker, and how many
//! posts are unread above it. Pure and host-tested; `TimelineFeed` does the scrolling.

use super::notification_groups::id_cmp;

/// The outcome of restoring a marker against the loaded ids (newest first).
#[derive(Clone, Debug, PartialEq)]
pub enum Restore {
    /// No marker, or nothing newer than it: stay at the top.
    Top,
    /// Scroll to the status at `index`; `unread` posts are above it.
    At {
        id: String,
        index: usize,
        unread: usize,
    },
    /// The marker is older than everything loaded: at least `unread` posts are unread.
    Beyond { unread: usize },
}

/// Where to restore to. The marker may point at a status that is gone (deleted, or filtered
/// out): then the first loaded status older than it takes its place.
pub fn restore(ids: &[String], marker: Option<&str>) -> Restore {
    let Some(marker) = marker.filter(|m| !m.is_empty()) else {
        return Restore::Top;
    };
    if let Some(index) = ids.iter().position(|id| id == marker) {
        return if index == 0 {
            Restore::Top
        } else {
            Restore::At {
                id: marker.to_string(),
                index,
                unread: index,
            }
        };
    }
    match ids.iter().position(|id| id_cmp(id, marker).is_lt()) {
        Some(0) => Restore::Top,
        Some(index) => Restore::At {
            id: ids[index].clone(),
            index,
            unread: index,
        },
        None if ids.is_empty() => Restore::Top,
        None => Restore::Beyond { unread: ids.len() },
    }
}

/// Whether a new top-of-screen id is worth saving: it differs from the saved one.
pub fn should_save(saved: Option<&str>, top: &str) -> bool {
    !top.is_empty() && saved != Some(top)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn restores_to_the_marked_status_with_the_unread_count() {
        let list = ids(&["50", "40", "30", "20"]);
        assert_eq!(
            restore(&list, Some("30")),
            Restore::At {
                id: "30".into(),
                index: 2,
                unread: 2
            }
        );
        assert_eq!(restore(&list, Some("50")), Restore::Top);
        assert_eq!(restore(&list, None), Restore::Top);
    }

    #[test]
    fn a_vanished_marker_lands_on_the_next_older_status() {
        let list = ids(&["50", "40", "30", "20"]);
        assert_eq!(
            restore(&list, Some("35")),
            Restore::At {
                id: "30".into(),
                index: 2,
                unread: 2
            }
        );
        assert_eq!(restore(&list, Some("60")), Restore::Top);
    }

    #[test]
    fn a_marker_older_than_the_loaded_pages_counts_them_all() {
        assert_eq!(
            restore(&ids(&["50", "40"]), Some("5")),
            Restore::Beyond { unread: 2 }
        );
        assert_eq!(restore(&[], Some("5")), Restore::Top);
    }

    #[test]
    fn saves_only_changes() {
        assert!(should_save(None, "5"));
        assert!(!should_save(Some("5"), "5"));
        assert!(should_save(Some("5"), "4"));
        assert!(!should_save(None, ""));
    }
}
