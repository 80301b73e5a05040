//! The custom-emoji picker: a toolbar button opening a searchable panel of the instance's
//! emoji (only those `visible_in_picker`), by category; animated ones move unless the reader
//! prefers reduced motion. Choosing one inserts `:shortcode:` at the caret.

use leptos::{html, prelude::*};

use super::composer_text::place_caret;
use crate::components::common::{prefers_reduced_motion, safe_media_url};
use crate::compose::autocomplete::grouped;
use crate::state::compose::use_composer;

#[component]
pub fn EmojiPicker(text_ref: NodeRef<html::Textarea>) -> impl IntoView {
    let c = use_composer();
    let open = c.helpers.picker;
    let query = RwSignal::new(String::new());
    let search_ref = NodeRef::<html::Input>::new();
    let animate = !prefers_reduced_motion();
    Effect::new(move |_| {
        if open.get()
            && let Some(s) = search_ref.get()
        {
            let _ = s.focus();
        }
    });
    let pick = move |code: String| {
        let units = text_ref
            .get_untracked()
            .and_then(|t| t.selection_start().ok().flatten())
            .map_or_else(
                || c.draft.with_untracked(|d| d.text.encode_utf16().count()),
                |u| u as usize,
            );
        let at = c.insert_emoji(units, &code);
        open.set(false);
        place_caret(text_ref, &c.draft.with_untracked(|d| d.text.clone()), at);
    };
    let sections = move || {
        let q = query.get();
        c.emojis().map(|list| {
            grouped(&list, q.trim().trim_matches(':'))
                .into_iter()
                .map(|(name, items)| {
                    let buttons = items
                        .into_iter()
                        .map(|e| {
                            let r = e.to_ref();
                            let src = safe_media_url(if animate { &r.url } else { &r.static_url });
                            let label = format!(":{}:", e.shortcode);
                            let code = e.shortcode.clone();
                            let (title, aria) = (label.clone(), label.clone());
                            view! {
                                <button type="button" class="emoji-choice" title=title aria-label=aria
                                    on:click=move |_| pick(code.clone())>
                                    <img src=src alt=label loading="lazy" />
                                </button>
                            }
                        })
                        .collect_view();
                    let aria = name.clone();
                    view! {
                        <section class="emoji-group" aria-label=aria>
                            <h3>{name}</h3>
                            <div class="emoji-grid">{buttons}</div>
                        </section>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <span class="emoji-picker-wrap"
            on:keydown=move |e: web_sys::KeyboardEvent| if e.key() == "Escape" && open.get_untracked() {
                e.prevent_default();
                open.set(false);
                if let Some(t) = text_ref.get_untracked() { let _ = t.focus(); }
            }>
            <button type="button" class="icon-button" aria-label="Insert custom emoji" title="Custom emoji"
                aria-haspopup="dialog" aria-expanded=move || open.get().to_string()
                on:click=move |_| { c.load_emojis(); open.update(|o| *o = !*o); }>"☺"</button>
            {move || open.get().then(|| view! {
                <div class="emoji-picker" role="dialog" aria-label="Custom emoji">
                    <input type="search" node_ref=search_ref class="emoji-search" aria-label="Search emoji"
                        placeholder="Search emoji" prop:value=query on:input=move |e| query.set(event_target_value(&e)) />
                    <div class="emoji-sections">
                        {move || match sections() {
                            None => view! { <p class="emoji-empty">"Loading emoji…"</p> }.into_any(),
                            Some(s) if s.is_empty() => view! { <p class="emoji-empty">"No custom emoji match."</p> }.into_any(),
                            Some(s) => s.into_any(),
                        }}
                    </div>
                </div>
            })}
        </span>
    }
}
