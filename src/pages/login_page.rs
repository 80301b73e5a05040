//! Sign in: type your instance, go to its authorize page. Every failure is explained in its
//! own words, with a retry where it can help.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_query_map;

use crate::components::common::ErrorNotice;
use crate::state::{config, login, session::use_session};

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let adding = query.with_untracked(|q| q.get("add").is_some());
    let input = RwSignal::new(
        query
            .with_untracked(|q| q.get("instance"))
            .unwrap_or_default(),
    );
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<login::LoginError>);

    if input.get_untracked().is_empty() {
        spawn_local(async move {
            if let Some(default) = config::load().await.default_instance {
                if input.get_untracked().is_empty() {
                    input.set(default);
                }
            }
        });
    }

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let typed = input.get_untracked();
        // A second account on an instance already signed in to must see the login form.
        let force = adding || !session.accounts().is_empty();
        spawn_local(async move {
            match login::begin(&typed, force).await {
                Ok(url) => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().assign(&url);
                    }
                }
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };

    view! {
        <main class="login">
            <div class="login-card">
                <div class="login-brand">
                    <img src="/favicon.svg" alt="" width="56" height="56" />
                    <h1>"Woolly"</h1>
                    <p class="login-tagline">"A small, fast client for Mastodon and compatible servers."</p>
                </div>
                <form class="login-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
                    <label for="instance">"Your instance"</label>
                    <input
                        id="instance"
                        name="instance"
                        type="text"
                        inputmode="url"
                        autocomplete="url"
                        autocapitalize="off"
                        spellcheck="false"
                        placeholder="mastodon.social"
                        prop:value=move || input.get()
                        on:input=move |ev| input.set(event_target_value(&ev))
                    />
                    <p class="hint">"The server you signed up on — or your handle, like @you@mastodon.social."</p>
                    <button class="button button-primary" type="submit" disabled=move || busy.get()>
                        {move || if busy.get() { "Contacting server…" } else { "Sign in" }}
                    </button>
                </form>
                {move || error.get().map(|e| {
                    let retry = e.can_retry().then(|| Callback::new(move |_| submit()));
                    match retry {
                        Some(r) => view! { <ErrorNotice message=e.message() on_retry=r /> }.into_any(),
                        None => view! { <ErrorNotice message=e.message() /> }.into_any(),
                    }
                })}
            </div>
        </main>
    }
}
