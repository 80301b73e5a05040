//! The top of a profile: header image, avatar, display name and bio with custom emoji,
//! `@acct`, bot/locked/group marks, fields (verified links marked ✓), join date, counts
//! (linking to the followers/following lists), and a notice when the account has moved.
//! The relationship controls come in as `children`.

use leptos::prelude::*;

use crate::components::common::{
    Avatar, EmojiText, Icon, RichContent, icon::IconName, safe_media_url,
};
use crate::content::{ContentContext, sanitize};
use crate::format::{compact_count, full_date, parse_datetime};
use crate::model::{Account, emoji::refs};
use crate::routes::Route;

#[component]
pub fn ProfileHeader(account: Account, children: Children) -> impl IntoView {
    let emojis = refs(&account.emojis);
    let ctx = ContentContext {
        emojis: &emojis,
        mentions: &[],
        tags: &[],
        hide_quote_inline: false,
    };
    let bio = sanitize(&account.note, &ctx);
    let fields = account
        .fields
        .iter()
        .map(|f| {
            let verified = f.verified_at.is_some();
            let value = sanitize(&f.value, &ctx);
            view! {
                <div class="profile-field" class:is-verified=verified>
                    <dt><EmojiText text=f.name.clone() emojis=emojis.clone() /></dt>
                    <dd>
                        {verified.then(|| view! {
                            <span class="verified-mark" title="Ownership of this link was checked" aria-label="Verified link">"✓"</span>
                        })}
                        <RichContent nodes=value />
                    </dd>
                </div>
            }
        })
        .collect::<Vec<_>>();
    let joined = account
        .created_at
        .as_deref()
        .and_then(parse_datetime)
        .map(|t| {
            let date = full_date(t, 0);
            // "Mar 3, 2026, 14:05" → "Mar 3, 2026"
            date.rsplit_once(", ")
                .map(|(d, _)| d.to_string())
                .unwrap_or(date)
        });
    let header = safe_media_url(&account.header_static);
    let id = account.id.clone();
    let moved = account.moved.clone();
    let group = account.group == Some(true);
    view! {
        <section class="profile" aria-labelledby="profile-name">
            <div class="profile-banner">
                {header.map(|src| view! { <img src=src alt="" decoding="async" /> })}
            </div>
            <div class="profile-top">
                <span class="profile-avatar"><Avatar src=account.avatar_static.clone() size=96 /></span>
                <div class="profile-actions">{children()}</div>
            </div>
            {moved.map(|m| view! {
                <p class="profile-moved" role="note">
                    <EmojiText text=account.name().to_string() emojis=emojis.clone() />
                    " has moved to "
                    <a href=Route::Account(m.id.clone()).href()>"@" {m.acct.clone()}</a>
                </p>
            })}
            <h2 class="profile-name" id="profile-name">
                <EmojiText text=account.name().to_string() emojis=emojis.clone() />
            </h2>
            <p class="profile-acct">
                <span>"@" {account.acct.clone()}</span>
                {account.locked.then(|| view! {
                    <span class="marker" title="Approves followers manually"><Icon name=IconName::Lock /><span class="visually-hidden">"Locked account"</span></span>
                })}
                {account.is_bot().then(|| view! { <span class="badge" title="Automated account">"Bot"</span> })}
                {group.then(|| view! { <span class="badge" title="Group">"Group"</span> })}
            </p>
            {(!bio.is_empty()).then(|| view! { <div class="profile-bio status-content"><RichContent nodes=bio /></div> })}
            {(!fields.is_empty()).then(|| view! { <dl class="profile-fields">{fields}</dl> })}
            <p class="profile-stats">
                {joined.map(|d| view! { <span>"Joined " {d}</span> })}
                <span><strong>{compact_count(account.statuses_count)}</strong>" posts"</span>
                <a href=Route::Following(id.clone()).href()><strong>{compact_count(account.following_count)}</strong>" following"</a>
                <a href=Route::Followers(id).href()><strong>{compact_count(account.followers_count)}</strong>" followers"</a>
            </p>
        </section>
    }
}
