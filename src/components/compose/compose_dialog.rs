//! The composer as a modal dialog over any page. `n` opens it (not while typing), Escape
//! closes it; closing keeps the draft in the drafts list.
//!
//! The form is an on-demand part ([`crate::parts::COMPOSER`]). Until it arrives the dialog
//! opens at once with a plain text box bound to the same draft, so what is typed meanwhile is
//! kept (and saved) and the form takes it over.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

use crate::components::common::on_demand::on_demand;
use crate::parts::COMPOSER;
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
                        {on_demand(COMPOSER, move |state| view! { <ComposerArriving state=state /> }.into_any(), |form| form())}
                    </section>
                </div>
            }
        })
    }
}

/// The composer while its form loads (or failed to): the title and a text box on the same
/// draft, then the loading or failure state.
#[component]
fn ComposerArriving(state: AnyView) -> impl IntoView {
    let c = use_composer();
    let text = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(t) = text.get() {
            let _ = t.focus();
        }
    });
    view! {
        <div class="composer-form">
            <super::composer_head::ComposerHead />
            <textarea class="composer-text" node_ref=text aria-label="Post text" rows="6"
                placeholder="What's on your mind?"
                prop:value=move || c.draft.with(|d| d.text.clone())
                on:input=move |e| {
                    let v = event_target_value(&e);
                    c.change(|d| d.text = v);
                }></textarea>
            {state}
        </div>
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
