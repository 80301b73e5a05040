//! Overlapping avatars of a group's accounts (partial accounts carry just enough for this),
//! each linking to the profile.

use leptos::prelude::*;

use crate::components::common::Avatar;
use crate::routes::Route;
use crate::state::notification_groups::Who;

/// At most this many avatars are drawn.
const MAX_SHOWN: usize = 8;

#[component]
pub fn AccountStack(accounts: Vec<Who>) -> impl IntoView {
    view! {
        <div class="account-stack">
            {accounts.into_iter().take(MAX_SHOWN).map(|who| {
                let label = format!("@{}", who.acct());
                view! {
                    <a href=Route::Account(who.id().to_string()).href() aria-label=label.clone() title=label>
                        <Avatar src=who.avatar().to_string() size=32 />
                    </a>
                }
            }).collect_view()}
        </div>
    }
}
