//! The composer as a modal dialog over any page. `n` opens it (not while typing), Escape
//! closes it; closing keeps the draft in the drafts list.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

use super::composer_form::ComposerForm;
use crate::state::{compose::use_composer, session::use_session};

#[component]
pub fn ComposeDialog() -> impl IntoView {
    let c = use_composer();
    let session = use_session();
    let handle = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        match e.key().as_str() {
            "n" if !c.open.get_untracked() && !is_typing(&e) && session.client().is_some() => {
                e.prevent_default();
                c.new_post();
            }
            // An open autocomplete list or emoji picker closes first (whichever listener
            // runs first; a handled Escape is marked with preventDefault).
            "Escape" if c.open.get_untracked() && !e.default_prevented() && !c.escape_helper() => {
                c.close()
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
    move || {
        c.open.get().then(|| {
            view! {
                <div class="compose-backdrop" on:click=move |_| c.close()>
                    <section class="composer" role="dialog" aria-modal="true"
                        aria-labelledby="composer-title" on:click=|e| e.stop_propagation()>
                        <ComposerForm />
                    </section>
                </div>
            }
        })
    }
}

fn is_typing(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}
