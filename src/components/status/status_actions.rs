//! The action bar: reply, boost, favourite, bookmark with their counts. Interactions arrive
//! with the threads-and-interactions work; until then the buttons show counts, disabled.

use leptos::prelude::*;

use crate::components::common::{Icon, icon::IconName};
use crate::format::compact_count;
use crate::model::Status;

#[component]
pub fn StatusActions(status: Status) -> impl IntoView {
    let item = |icon: IconName, label: &'static str, count: Option<u64>, active: bool| {
        let aria = match count {
            Some(n) => format!("{label} ({n})"),
            None => label.to_string(),
        };
        view! {
            <button class="action" class:is-active=active aria-label=aria title=label disabled=true>
                <Icon name=icon />
                {count.filter(|n| *n > 0).map(compact_count)}
            </button>
        }
    };
    view! {
        <footer class="status-actions">
            {item(IconName::Reply, "Reply", Some(status.replies_count), false)}
            {item(IconName::Boost, "Boost", Some(status.reblogs_count), status.reblogged == Some(true))}
            {item(IconName::Star, "Favourite", Some(status.favourites_count), status.favourited == Some(true))}
            {item(IconName::Bookmark, "Bookmark", None, status.bookmarked == Some(true))}
        </footer>
    }
}
