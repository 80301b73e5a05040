//! The preview on servers that format Markdown (see [`crate::compose::markdown`] for why it is
//! plain text): the paragraphs and line breaks as text nodes — never HTML.

use leptos::prelude::*;

use crate::compose::markdown::paragraphs;

#[component]
pub fn MarkdownPreview(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let body = move || {
        text.with(|t| {
            paragraphs(t)
                .into_iter()
                .map(|lines| {
                    let n = lines.len();
                    let parts = lines
                        .into_iter()
                        .enumerate()
                        .map(|(i, l)| view! { {l.to_string()} {(i + 1 < n).then(|| view! { <br /> })} })
                        .collect_view();
                    view! { <p>{parts}</p> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="composer-preview" aria-label="Preview">
            <h3 class="composer-preview-title">"Preview · Markdown is formatted by your server"</h3>
            <div class="status-content">{body}</div>
        </section>
    }
}
