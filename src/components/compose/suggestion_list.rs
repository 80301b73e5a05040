//! The autocomplete listbox under the text: accounts with avatar and name, hashtags, custom
//! emoji with their image. Options are picked with the mouse without taking the focus from
//! the text (mousedown is cancelled), or with the keyboard from the textarea.

use leptos::prelude::*;

use crate::components::common::safe_media_url;
use crate::state::compose::use_composer;

/// The DOM id of option `i` (for `aria-activedescendant`).
pub fn option_id(i: usize) -> String {
    format!("composer-suggestion-{i}")
}

#[component]
pub fn SuggestionList(on_pick: Callback<usize>) -> impl IntoView {
    let h = use_composer().helpers;
    view! {
        <ul id="composer-suggestions" class="composer-suggestions" role="listbox" aria-label="Suggestions"
            hidden=move || h.suggestions.with(Vec::is_empty)>
            {move || h.suggestions.get().into_iter().enumerate().map(|(i, s)| {
                let emoji = s.replacement.starts_with(':');
                view! {
                    <li role="option" id=option_id(i) class="composer-suggestion"
                        aria-selected=move || (h.active.get() == i).to_string()
                        on:mousedown=|e| e.prevent_default()
                        on:mouseenter=move |_| h.active.set(i)
                        on:click=move |_| on_pick.run(i)>
                        {s.image.as_deref().and_then(safe_media_url).map(|src| view! {
                            <img class:suggestion-emoji=emoji class:suggestion-avatar=!emoji src=src alt="" loading="lazy" />
                        })}
                        <span class="suggestion-main">{s.replacement.clone()}</span>
                        {(!s.detail.is_empty()).then(|| view! { <span class="suggestion-detail">{s.detail.clone()}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
