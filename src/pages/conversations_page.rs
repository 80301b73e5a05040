//! `/conversations`: direct messages, newest activity first, unread ones marked; opening
//! one marks it read and shows its thread.

use leptos::prelude::*;

use crate::components::{
    common::{Avatar, EmojiText, ErrorNotice, RichContent},
    shell::AppShell,
};
use crate::content::{ContentContext, sanitize};
use crate::model::misc::Conversation;
use crate::routes::Route;
use crate::state::{
    conversations::{Conversations, use_conversations},
    feed::FeedState,
    session::use_session,
};

#[component]
pub fn ConversationsPage() -> impl IntoView {
    let session = use_session();
    move || match session.active() {
        None => crate::components::common::to_sign_in(""),
        Some(_) => view! {
            <AppShell title="Direct messages">
                <ConversationList />
            </AppShell>
        }
        .into_any(),
    }
}

#[component]
fn ConversationList() -> impl IntoView {
    let c = use_conversations();
    if !c.is_loaded() {
        c.load_more();
    }
    view! {
        <ul class="conversation-list" aria-label="Conversations">
            <For
                each=move || c.list.get()
                key=|x| (x.id.clone(), x.unread, x.last_status.as_ref().map(|s| s.id.clone()))
                children=move |x| view! { <ConversationItem conversation=x c=c /> }
            />
        </ul>
        <div class="feed-end">
            {move || match c.paging.state.get() {
                FeedState::Loading => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                FeedState::Failed(e) => {
                    let retry = Callback::new(move |_| {
                        c.paging.state.set(FeedState::Idle);
                        c.load_more();
                    });
                    view! { <ErrorNotice message=e.user_message() on_retry=retry /> }.into_any()
                }
                FeedState::Ended if c.list.with(Vec::is_empty) => view! {
                    <p class="empty">"No direct messages yet."</p>
                }.into_any(),
                FeedState::Ended => ().into_any(),
                FeedState::Idle => view! {
                    <button class="button button-quiet load-more" on:click=move |_| c.load_more()>"Load more"</button>
                }.into_any(),
            }}
        </div>
    }
}

#[component]
fn ConversationItem(conversation: Conversation, c: Conversations) -> impl IntoView {
    let status = conversation.last_status.clone()?;
    let first = conversation
        .accounts
        .first()
        .cloned()
        .unwrap_or_else(|| status.account.clone());
    let names = conversation
        .accounts
        .iter()
        .map(|a| a.name().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let ctx = ContentContext {
        emojis: &[],
        mentions: &[],
        tags: &[],
        hide_quote_inline: true,
    };
    let nodes = sanitize(&status.content, &ctx);
    let id = conversation.id.clone();
    let unread = conversation.unread;
    Some(view! {
        <li class="conversation" class:is-unread=unread>
            <a class="conversation-link" href=Route::Status(status.id.clone()).href()
                on:click=move |_| if unread { c.mark_read(id.clone()) }>
                <Avatar src=first.avatar_static.clone() size=40 />
                <div class="conversation-body">
                    <p class="conversation-names">
                        <EmojiText text=names />
                        {unread.then(|| view! { <span class="badge-dot" aria-label="Unread"></span> })}
                    </p>
                    <div class="conversation-excerpt"><RichContent nodes=nodes /></div>
                </div>
            </a>
        </li>
    })
}
