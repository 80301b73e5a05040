//! Saved drafts of the account (other than the one open): resume or delete.

use leptos::prelude::*;

use crate::compose::draft::summary;
use crate::state::compose::use_composer;

#[component]
pub fn DraftsList() -> impl IntoView {
    let c = use_composer();
    let others = move || {
        let open = c.draft.with(|d| d.id.clone());
        c.drafts.with(|l| {
            l.iter()
                .filter(|d| d.id != open)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    move || {
        let list = others();
        (!list.is_empty()).then(|| view! {
            <details class="composer-drafts">
                <summary>{format!("Saved drafts ({})", list.len())}</summary>
                <ul>
                    {list.into_iter().map(|d| {
                        let (a, b) = (d.id.clone(), d.id.clone());
                        let when = String::from(js_sys::Date::new(&d.updated_at.into()).to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED));
                        view! {
                            <li class="draft-item">
                                <span class="draft-text">{summary(&d)}</span>
                                <time class="draft-time">{when}</time>
                                <button type="button" class="button" on:click=move |_| c.resume(&a)>"Resume"</button>
                                <button type="button" class="button" on:click=move |_| c.delete_draft(&b)>"Delete"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        })
    }
}
