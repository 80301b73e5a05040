//! The OAuth redirect target (in the sign-in bundle, `login.html`): finishes the sign-in, then replaces the URL so the code never
//! stays in history; or explains what went wrong.

use leptos::{prelude::*, task::spawn_local};

use crate::components::common::ErrorNotice;
use crate::routes::{LOGIN_PAGE, Route};
use crate::state::{login, session::use_session};

#[component]
pub fn CallbackPage() -> impl IntoView {
    let session = use_session();
    let error = RwSignal::new(None::<String>);
    let search = crate::pages::login_app::current_search();
    spawn_local(async move {
        match login::complete(&search).await {
            Ok(account) => {
                session.add(account);
                // The main app is another bundle: load it afresh (no cached statuses or
                // feeds of another account can survive), without the code in history.
                if let Some(w) = web_sys::window() {
                    let _ = w.location().replace(&Route::Home.href());
                }
            }
            Err(e) => {
                // Drop the code/state from the address bar either way.
                if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = h.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(LOGIN_PAGE),
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
                        <a class="button button-primary" href=LOGIN_PAGE>"Back to sign in"</a>
                    }.into_any(),
                }}
            </div>
        </main>
    }
}
