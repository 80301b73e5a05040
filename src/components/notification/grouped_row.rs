//! Favourites, boosts, follows and sign-ups, grouped: "Alice and 12 others favourited your
//! post", the stacked avatars, and an excerpt of the post concerned.

use leptos::prelude::*;

use super::{account_stack::AccountStack, display_name, who_text};
use crate::components::common::{Icon, RichContent, icon::IconName};
use crate::content::{ContentContext, sanitize};
use crate::routes::Route;
use crate::state::{cache::use_status_cache, notification_groups::Group};

/// The verb and icon of a grouped type.
fn verb(kind: &str) -> (IconName, &'static str) {
    match kind {
        "favourite" => (IconName::Star, "favourited your post"),
        "reblog" => (IconName::Boost, "boosted your post"),
        "follow" => (IconName::User, "followed you"),
        _ => (IconName::Plus, "signed up"),
    }
}

#[component]
pub fn GroupedRow(group: Group) -> impl IntoView {
    let cache = use_status_cache();
    let (icon, action) = verb(&group.kind);
    let first = group.accounts.first().map(display_name).unwrap_or_default();
    let text = format!(
        "{} {action}",
        who_text(&first, group.count, group.accounts.len())
    );
    let status = group.status_id.as_deref().and_then(|id| cache.get(id));
    let excerpt = status.map(|s| {
        let s = s.get_untracked();
        let shown = s.reblog.as_deref().unwrap_or(&s).clone();
        let ctx = ContentContext {
            emojis: &[],
            mentions: &[],
            tags: &[],
            hide_quote_inline: true,
        };
        let nodes = sanitize(&shown.content, &ctx);
        view! {
            <a class="notification-excerpt" href=Route::Status(shown.id.clone()).href()>
                <RichContent nodes=nodes />
            </a>
        }
    });
    let label = text.clone();
    view! {
        <article class="notification notification-grouped" data-kind=group.kind.clone() aria-label=label>
            <span class=format!("notification-icon is-{}", group.kind.replace('.', "-"))><Icon name=icon /></span>
            <div class="notification-body">
                <AccountStack accounts=group.accounts.clone() />
                <p class="notification-text">{text}</p>
                {excerpt}
            </div>
        </article>
    }
}
