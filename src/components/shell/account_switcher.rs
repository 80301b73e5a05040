//! The signed-in accounts: switch between them (per tab), add another, sign out.

use leptos::{prelude::*, task::spawn_local};

use crate::components::common::{Avatar, Icon, icon::IconName};
use crate::routes::Route;
use crate::state::{cache::use_status_cache, session::use_session};

#[component]
pub fn AccountSwitcher() -> impl IntoView {
    let session = use_session();
    let cache = use_status_cache();
    let feeds = crate::state::feed::use_feeds();
    let active_key = move || session.active().map(|a| a.key());
    let accounts = move || {
        session
            .accounts()
            .into_iter()
            .map(|a| {
                let key = a.key();
                let is_active = active_key().as_deref() == Some(key.as_str());
                let switch_key = key.clone();
                view! {
                    <li>
                        <button
                            class="account-row"
                            aria-pressed=is_active.to_string()
                            on:click=move |_| {
                                cache.clear();
                feeds.clear();
                                session.switch_to(&switch_key);
                            }
                        >
                            <Avatar src=a.avatar.clone() size=32 />
                            <span class="account-text">
                                <span class="display-name">{a.display_name.clone()}</span>
                                <span class="acct">{a.handle()}</span>
                            </span>
                        </button>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let log_out = move |_| {
        if let Some(key) = active_key() {
            spawn_local(async move {
                session.log_out(&key).await;
                cache.clear();
                feeds.clear();
                if session.active().is_none() {
                    // Straight to the sign-in bundle (the app's `/login` would only forward there).
                    let _ =
                        web_sys::window().map(|w| w.location().set_href(crate::routes::LOGIN_PAGE));
                }
            });
        }
    };
    view! {
        <section class="accounts" aria-label="Accounts">
            <ul class="account-list">{accounts}</ul>
            <div class="account-actions">
                <a class="button button-quiet" href=format!("{}?add=1", Route::Login.href())>
                    <Icon name=IconName::Plus />
                    <span>"Add account"</span>
                </a>
                <button class="button button-quiet" on:click=log_out>
                    <Icon name=IconName::Logout />
                    <span>"Sign out"</span>
                </button>
            </div>
        </section>
    }
}
