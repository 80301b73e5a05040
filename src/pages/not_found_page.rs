//! Unknown addresses.

use leptos::prelude::*;

use crate::routes::Route;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="login">
            <div class="login-card">
                <h1>"Page not found"</h1>
                <p>"There's nothing at this address."</p>
                <a class="button button-primary" href=Route::Home.href()>"Go home"</a>
            </div>
        </main>
    }
}
