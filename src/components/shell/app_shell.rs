//! The signed-in frame: navigation beside (wide) or below (phone) the main column, and a
//! banner when the session expired (a 401), offering to sign in again.

use leptos::prelude::*;

use super::{account_switcher::AccountSwitcher, nav_bar::NavBar};
use crate::routes::Route;
use crate::state::session::use_session;

#[component]
pub fn AppShell(
    /// The page's heading.
    #[prop(into)]
    title: Signal<String>,
    children: Children,
) -> impl IntoView {
    let session = use_session();
    let expired = move || session.active().filter(|a| a.expired);
    view! {
        <div class="shell">
            <aside class="sidebar">
                <a class="brand" href=Route::Home.href() aria-label="Woolly home">
                    <img src="/favicon.svg" alt="" width="32" height="32" />
                    <span>"Woolly"</span>
                </a>
                <NavBar />
                <crate::components::compose::ComposeButton />
                <AccountSwitcher />
            </aside>
            <main class="column" id="main">
                <h1 class="column-title">{move || title.get()}</h1>
                {move || expired().map(|a| view! {
                    <div class="notice notice-warning" role="alert">
                        <p>{format!("Your session for {} has expired.", a.handle())}</p>
                        <a class="button" href=format!("{}?instance={}", Route::Login.href(), crate::api::query::encode_component(&a.origin))>
                            "Sign in again"
                        </a>
                    </div>
                })}
                {children()}
            </main>
        </div>
    }
}
