//! A list of accounts (followers or following of a profile), paged by the `Link` header with
//! a "Show more" button; a failed page says why and offers a retry.

use leptos::{prelude::*, task::spawn_local};

use crate::api::Page;
use crate::components::common::{Avatar, EmojiText, ErrorNotice};
use crate::model::{Account, emoji::refs};
use crate::routes::Route;
use crate::state::{feed::FeedState, paging::Paging, profile, session::use_session};

#[component]
pub fn AccountList(
    /// Whose list.
    id: String,
    /// `following` when true, else `followers`.
    following: bool,
) -> impl IntoView {
    let session = use_session();
    let items = RwSignal::new(Vec::<Account>::new());
    let paging = Paging::default();
    let load = move || {
        let Some(link) = paging.begin() else {
            return;
        };
        let id = id.clone();
        spawn_local(async move {
            match profile::social_page(session, id, following, link).await {
                Ok(Page {
                    items: page, next, ..
                }) => {
                    let empty = page.is_empty();
                    items.update(|list| {
                        for a in page {
                            if !list.iter().any(|x| x.id == a.id) {
                                list.push(a);
                            }
                        }
                    });
                    paging.finish(next, empty);
                }
                Err(e) => paging.fail(session, e),
            }
        });
    };
    let load = StoredValue::new(load);
    load.with_value(|f| f());
    let label = if following { "Following" } else { "Followers" };
    view! {
        <ul class="people-list" aria-label=label>
            <For each=move || items.get() key=|a| a.id.clone() children=|a| {
                let emojis = refs(&a.emojis);
                view! {
                    <li>
                        <a class="person-row" href=Route::Account(a.id.clone()).href()>
                            <Avatar src=a.avatar_static.clone() size=44 />
                            <span class="person-names">
                                <span class="display-name"><EmojiText text=a.name().to_string() emojis=emojis /></span>
                                <span class="acct">"@" {a.acct.clone()}</span>
                            </span>
                        </a>
                    </li>
                }
            } />
        </ul>
        <div class="feed-end">
            {move || match paging.state.get() {
                FeedState::Loading => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                FeedState::Failed(e) => {
                    let retry = e.is_retryable().then(|| Callback::new(move |_| {
                        paging.state.set(FeedState::Idle);
                        load.with_value(|f| f());
                    }));
                    match retry {
                        Some(r) => view! { <ErrorNotice message=e.user_message() on_retry=r /> }.into_any(),
                        None => view! { <ErrorNotice message=e.user_message() /> }.into_any(),
                    }
                }
                FeedState::Ended => {
                    let empty = items.with(Vec::is_empty);
                    view! { <p class="empty">{if empty { "Nobody here yet." } else { "That's everyone." }}</p> }.into_any()
                }
                FeedState::Idle => view! {
                    <button class="button" on:click=move |_| load.with_value(|f| f())>"Show more"</button>
                }.into_any(),
            }}
        </div>
    }
}
