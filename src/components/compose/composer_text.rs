//! The post's text area with autocomplete (ARIA combobox): after `:` and two characters the
//! instance's matching custom emoji, after `@` accounts and after `#` hashtags (through
//! search). Arrow keys move, Enter or Tab insert, Escape closes the list (not the dialog).

use leptos::{html, prelude::*};

use super::suggestion_list::{SuggestionList, option_id};
use crate::compose::autocomplete::byte_offset;
use crate::state::compose::use_composer;

/// Puts the textarea's caret at UTF-16 offset `at` after the draft's text changed.
pub fn place_caret(text_ref: NodeRef<html::Textarea>, text: &str, at: usize) {
    if let Some(t) = text_ref.get_untracked() {
        if t.value() != text {
            t.set_value(text);
        }
        let _ = t.set_selection_range(at as u32, at as u32);
        let _ = t.focus();
    }
}

#[component]
pub fn ComposerText(text_ref: NodeRef<html::Textarea>) -> impl IntoView {
    let c = use_composer();
    let (d, h) = (c.draft, c.helpers);
    let open = move || h.suggestions.with(|s| !s.is_empty());
    // Re-reads the text and caret from the element and updates the autocomplete.
    let sync = move || {
        if let Some(t) = text_ref.get_untracked() {
            let value = t.value();
            let units = t.selection_start().ok().flatten().unwrap_or(0) as usize;
            c.caret_moved(&value, byte_offset(&value, units));
        }
    };
    let accept = move |i: usize| {
        if let Some(at) = c.accept(i) {
            place_caret(text_ref, &d.with_untracked(|d| d.text.clone()), at);
        }
    };
    let on_keydown = move |e: web_sys::KeyboardEvent| {
        if !h.suggestions.with_untracked(|s| !s.is_empty()) {
            return;
        }
        match e.key().as_str() {
            "ArrowDown" => c.move_active(1),
            "ArrowUp" => c.move_active(-1),
            "Enter" | "Tab" => accept(h.active.get_untracked()),
            "Escape" => {
                c.close_suggestions();
            }
            _ => return,
        }
        e.prevent_default();
        e.stop_propagation();
    };
    let on_paste = move |e: web_sys::ClipboardEvent| {
        let files = super::composer_form::files_of(e.clipboard_data().and_then(|t| t.files()));
        if !files.is_empty() {
            e.prevent_default();
            c.add_files(files);
        }
    };
    view! {
        <div class="composer-text-wrap">
            <textarea class="composer-text" node_ref=text_ref aria-label="Post text" rows="6"
                role="combobox" aria-autocomplete="list" aria-controls="composer-suggestions"
                aria-expanded=move || open().to_string()
                aria-activedescendant=move || open().then(|| option_id(h.active.get()))
                placeholder=move || if c.loading.get() { "Loading…" } else { "What's on your mind?" }
                prop:value=move || d.with(|d| d.text.clone())
                on:input=move |e| {
                    let v = event_target_value(&e);
                    c.change(|d| d.text = v);
                    sync();
                }
                on:keydown=on_keydown
                on:keyup=move |e| if matches!(e.key().as_str(), "ArrowLeft" | "ArrowRight" | "Home" | "End") { sync() }
                on:click=move |_| sync()
                on:blur=move |_| c.close_suggestions()
                on:paste=on_paste></textarea>
            <SuggestionList on_pick=Callback::new(accept) />
        </div>
    }
}
