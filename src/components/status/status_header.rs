//! Author line: avatar, display name (with custom emoji), `@acct`, bot/locked marks, and the
//! relative time linking to the status.

use leptos::prelude::*;

use crate::components::common::{Avatar, EmojiText, Icon, icon::IconName};
use crate::format::{full_date, parse_datetime, relative_time};
use crate::model::{Status, Visibility, emoji::refs};
use crate::routes::Route;
use crate::state::clock::use_clock;

#[component]
pub fn StatusHeader(status: Status, label_id: String) -> impl IntoView {
    let now = use_clock();
    let account = status.account.clone();
    let created = parse_datetime(&status.created_at);
    let time_text = move || {
        created
            .map(|t| relative_time(t, now.get()))
            .unwrap_or_default()
    };
    let title = created.map(|t| full_date(t, 0)).unwrap_or_default();
    let profile = Route::Account(account.id.clone()).href();
    let visibility = match status.visibility {
        Visibility::Public => None,
        Visibility::Unlisted => Some(IconName::Unlock),
        Visibility::Private => Some(IconName::Lock),
        Visibility::Direct | Visibility::Other => Some(IconName::Mail),
    };
    view! {
        <header class="status-header">
            <a class="status-avatar" href=profile.clone() tabindex="-1" aria-hidden="true">
                <Avatar src=account.avatar_static.clone() />
            </a>
            <a class="status-author" href=profile id=format!("{label_id}-author")>
                <span class="display-name">
                    <EmojiText text=account.name().to_string() emojis=refs(&account.emojis) />
                </span>
                <span class="acct">"@" {account.acct.clone()}</span>
            </a>
            {account.is_bot().then(|| view! { <span class="badge" title="Automated account">"Bot"</span> })}
            {account.locked.then(|| view! {
                <span class="marker" title="Approves followers"><Icon name=IconName::Lock /></span>
            })}
            <span class="status-meta">
                {visibility.map(|v| view! {
                    <span class="visibility" title=status.visibility.label()><Icon name=v /></span>
                })}
                {status.edited_at.is_some().then(|| view! { <span class="edited" title="Edited">"edited"</span> })}
                <a class="status-time" href=Route::Status(status.id.clone()).href() id=format!("{label_id}-time")>
                    <time datetime=status.created_at.clone() title=title>{time_text}</time>
                </a>
            </span>
        </header>
    }
}
