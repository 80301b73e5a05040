//! The "Notifications" navigation item with its unread badge (from `unread_count`, the
//! marker, and live notifications).

use crate::state::location::use_location;
use leptos::prelude::*;

use crate::components::common::{Icon, icon::IconName};
use crate::routes::Route;
use crate::state::notifications::Notifications;

/// "99+" above 99.
pub fn badge_text(count: u64) -> String {
    if count > 99 {
        "99+".into()
    } else {
        count.to_string()
    }
}

#[component]
pub fn NotificationsNavItem() -> impl IntoView {
    let location = use_location();
    let href = Route::Notifications.href();
    let here = href.clone();
    let unread = use_context::<Notifications>().map(|n| n.unread);
    let count = move || unread.map(|u| u.get()).unwrap_or(0);
    view! {
        <a class="nav-item" href=href aria-current=move || (location.path.get() == here).then_some("page")>
            <span class="nav-icon-wrap">
                <Icon name=IconName::Bell />
                {move || (count() > 0).then(|| view! {
                    <span class="nav-badge" aria-hidden="true">{badge_text(count())}</span>
                })}
            </span>
            <span class="nav-label">"Notifications"</span>
            {move || (count() > 0).then(|| view! {
                <span class="visually-hidden">{format!(", {} unread", count())}</span>
            })}
        </a>
    }
}
