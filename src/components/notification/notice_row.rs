//! One-line notifications: a poll ended, a report or a sign-up for moderators, relationships
//! severed by a moderation action, a warning from the moderators.

use leptos::prelude::*;

use super::display_name;
use crate::components::common::{Icon, icon::IconName};
use crate::routes::Route;
use crate::state::notification_groups::Group;

/// The sentence for a notice type; `None` for types this row doesn't draw.
pub fn notice_text(kind: &str, who: &str) -> Option<String> {
    Some(match kind {
        "poll" => "A poll you voted in or created has ended".into(),
        "admin.report" => format!("{who} filed a report"),
        "severed_relationships" => {
            "A moderation action removed some of your follow relationships".into()
        }
        "moderation_warning" => "You have received a warning from the moderators".into(),
        _ => return None,
    })
}

#[component]
pub fn NoticeRow(group: Group) -> impl IntoView {
    let who = group.accounts.first().map(display_name).unwrap_or_default();
    let text = notice_text(&group.kind, &who)?;
    let icon = match group.kind.as_str() {
        "poll" => IconName::List,
        _ => IconName::Bell,
    };
    let link = group.status_id.clone().map(
        |id| view! { <a class="notification-link" href=Route::Status(id).href()>"View post"</a> },
    );
    let label = text.clone();
    Some(view! {
        <article class="notification notification-notice" data-kind=group.kind.clone() aria-label=label>
            <span class="notification-icon"><Icon name=icon /></span>
            <div class="notification-body">
                <p class="notification-text">{text}</p>
                {link}
            </div>
        </article>
    })
}
