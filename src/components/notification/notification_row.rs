//! Picks the row for a notification group by its type; unknown types render nothing.

use leptos::prelude::*;

use super::{
    follow_request_row::FollowRequestRow, grouped_row::GroupedRow, notice_row::NoticeRow,
    status_row::StatusRow,
};
use crate::state::notification_groups::Group;

/// Which row draws a type (`None`: unknown, skipped).
pub fn row_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "mention" | "status" | "update" | "quote" => "status",
        "favourite" | "reblog" | "follow" | "admin.sign_up" => "grouped",
        "follow_request" => "follow_request",
        "poll" | "admin.report" | "severed_relationships" | "moderation_warning" => "notice",
        _ => return None,
    })
}

#[component]
pub fn NotificationRow(group: Group) -> impl IntoView {
    match row_kind(&group.kind)? {
        "status" => Some(view! { <StatusRow group=group /> }.into_any()),
        "grouped" => Some(view! { <GroupedRow group=group /> }.into_any()),
        "follow_request" => Some(view! { <FollowRequestRow group=group /> }.into_any()),
        _ => Some(view! { <NoticeRow group=group /> }.into_any()),
    }
}

#[cfg(test)]
mod tests {
    use super::row_kind;

    #[test]
    fn every_documented_type_has_a_row_and_unknown_ones_none() {
        for t in [
            "mention",
            "status",
            "reblog",
            "follow",
            "follow_request",
            "favourite",
            "poll",
            "update",
            "quote",
            "admin.sign_up",
            "admin.report",
            "severed_relationships",
            "moderation_warning",
        ] {
            assert!(row_kind(t).is_some(), "{t}");
        }
        assert_eq!(row_kind("annual_report"), None);
    }
}
