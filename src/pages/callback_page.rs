//! The OAuth redirect target: finishes the sign-in, then replaces the URL so the code never
//! stays in history; or explains what went wrong.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{NavigateOptions, hooks::use_navigate};

use crate::components::common::ErrorNotice;
use crate::routes::Route;
use crate::state::{cache::use_status_cache, login, session::use_session};

#[component]
pub fn CallbackPage() -> impl IntoView {
    let session = use_session();
    let cache = use_status_cache();
    let feeds = crate::state::feed::use_feeds();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    spawn_local(async move {
        match login::complete(&search).await {
            Ok(account) => {
                cache.clear();
                feeds.clear();
                session.add(account);
                navigate(
                    &Route::Home.href(),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
            Err(e) => {
                // Drop the code/state from the address bar either way.
                if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = h.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&Route::Callback.href()),
                    );
                }
                error.set(Some(e.message()));
            }
        }
    });
    view! {
        <main class="login">
            <div class="login-card">
                {move || match error.get() {
                    None => view! { <p class="loading" role="status">"Signing you in…"</p> }.into_any(),
                    Some(message) => view! {
                        <h1>"Sign-in didn't complete"</h1>
                        <ErrorNotice message=message />
                        <a class="button button-primary" href=Route::Login.href()>"Back to sign in"</a>
                    }.into_any(),
                }}
            </div>
        </main>
    }
}
