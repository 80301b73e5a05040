//! The "Compose" button of the navigation (opens a blank composer).

use leptos::prelude::*;

use crate::components::common::{Icon, icon::IconName};
use crate::state::compose::Composer;

#[component]
pub fn ComposeButton() -> impl IntoView {
    let composer = use_context::<Composer>();
    composer.map(|c| {
        view! {
            <button class="compose-button" type="button" aria-label="Compose" aria-keyshortcuts="n"
                on:click=move |_| c.new_post()>
                <Icon name=IconName::Pen />
                <span class="nav-label">"Compose"</span>
            </button>
        }
    })
}
