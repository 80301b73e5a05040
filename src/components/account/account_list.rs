//! A list of accounts (followers or following of a profile), paged by the `Link` header with
//! a "Show more" button.

use leptos::{prelude::*, task::spawn_local};

use crate::api::Page;
use crate::components::common::{Avatar, EmojiText, ErrorNotice};
use crate::model::{Account, emoji::refs};
use crate::routes::Route;
use crate::state::{profile, session::use_session};

#[component]
pub fn AccountList(
    /// Whose list.
    id: String,
    /// `following` when true, else `followers`.
    following: bool,
) -> impl IntoView {
    let session = use_session();
    let items = RwSignal::new(Vec::<Account>::new());
    let next = StoredValue::new(None::<String>);
    let state = RwSignal::new(Some(Ok::<(), crate::api::ApiError>(())));
    let ended = RwSignal::new(false);
    let load = move |first: bool| {
        if state.get_untracked().is_none() {
            return;
        }
        state.set(None);
        let id = id.clone();
        let link = if first { None } else { next.get_value() };
        spawn_local(async move {
            match profile::social_page(session, id, following, link).await {
                Ok(Page {
                    items: page,
                    next: n,
                    ..
                }) => {
                    ended.set(n.is_none() || page.is_empty());
                    next.set_value(n);
                    items.update(|list| {
                        for a in page {
                            if !list.iter().any(|x| x.id == a.id) {
                                list.push(a);
                            }
                        }
                    });
                    state.set(Some(Ok(())));
                }
                Err(e) => state.set(Some(Err(e))),
            }
        });
    };
    let load = StoredValue::new(load);
    load.with_value(|f| f(true));
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
            {move || match state.get() {
                None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNotice message=e.user_message() /> }.into_any(),
                Some(Ok(())) if ended.get() => {
                    let empty = items.with(Vec::is_empty);
                    view! { <p class="empty">{if empty { "Nobody here yet." } else { "That's everyone." }}</p> }.into_any()
                }
                Some(Ok(())) => view! {
                    <button class="button" on:click=move |_| load.with_value(|f| f(false))>"Show more"</button>
                }.into_any(),
            }}
        </div>
    }
}
