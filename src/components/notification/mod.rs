//! Notification rows, one component per kind of row: statuses (mention, status, update,
//! quote) shown as the status; grouped favourites, boosts, follows and sign-ups with stacked
//! avatars; follow requests with inline Accept / Reject; one-line notices for the rest.
//! Unknown types are skipped.

pub mod account_stack;
pub mod follow_request_row;
pub mod grouped_row;
pub mod nav_item;
pub mod notice_row;
pub mod notification_row;
pub mod status_row;

pub use notification_row::NotificationRow;

use crate::state::notification_groups::Who;

/// A readable name: the display name of a full account, else the handle.
pub fn display_name(who: &Who) -> String {
    match who {
        Who::Full(a) => a.name().to_string(),
        Who::Partial(p) => format!("@{}", p.acct),
    }
}

/// "Alice", "Alice and Bob", "Alice and 12 others".
pub fn who_text(first: &str, count: u64, shown: usize) -> String {
    match count {
        0 | 1 => first.to_string(),
        2 if shown >= 2 => format!("{first} and 1 other"),
        n => format!("{first} and {} others", n - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::who_text;

    #[test]
    fn names_a_group() {
        assert_eq!(who_text("Alice", 1, 1), "Alice");
        assert_eq!(who_text("Alice", 2, 2), "Alice and 1 other");
        assert_eq!(who_text("Alice", 13, 8), "Alice and 12 others");
    }
}
