//! The composer's heading ("New post", "Reply to @…", "Edit post") and its Close button, the
//! same while the form loads and once it is there.

use leptos::prelude::*;

use crate::compose::draft::Draft;
use crate::state::compose::use_composer;

#[component]
pub fn ComposerHead() -> impl IntoView {
    let c = use_composer();
    view! {
        <header class="composer-head">
            <h2 id="composer-title">{move || c.draft.with(Draft::heading)}</h2>
            <button type="button" class="icon-button" aria-label="Close" on:click=move |_| c.close()>"×"</button>
        </header>
    }
}
