//! Mentions, new posts of people you follow, edits and quotes: the status itself, with a
//! line saying why it is here (except for mentions, which speak for themselves).

use leptos::prelude::*;

use crate::components::common::{Icon, icon::IconName};
use crate::components::status::StatusCard;
use crate::state::{cache::use_status_cache, notification_groups::Group};

#[component]
pub fn StatusRow(group: Group) -> impl IntoView {
    let cache = use_status_cache();
    let status = group.status_id.as_deref().and_then(|id| cache.get(id))?;
    let who = group
        .accounts
        .first()
        .map(super::display_name)
        .unwrap_or_default();
    let why = match group.kind.as_str() {
        "status" => Some((IconName::Bell, format!("{who} posted"))),
        "update" => Some((
            IconName::Pen,
            format!("{who} edited a post you interacted with"),
        )),
        "quote" => Some((IconName::Reply, format!("{who} quoted your post"))),
        _ => None,
    };
    Some(view! {
        <div class="notification notification-status" data-kind=group.kind.clone()>
            {why.map(|(icon, text)| view! {
                <p class="notification-why"><Icon name=icon />{text}</p>
            })}
            <StatusCard status=status />
        </div>
    })
}
