//! The text of a status: the content warning (collapsed behind its plain text, with a
//! show/hide toggle), then the sanitised content.

use leptos::prelude::*;

use crate::components::common::{EmojiText, RichContent};
use crate::content::sanitize;
use crate::model::Status;

#[component]
pub fn StatusBody(status: Status) -> impl IntoView {
    let refs = status.content_refs();
    let nodes = sanitize(&status.content, &refs.context());
    let has_cw = !status.spoiler_text.trim().is_empty();
    let open = RwSignal::new(!has_cw);
    let lang = status.language.clone();
    let content = (!nodes.is_empty()).then(|| {
        view! {
            <div class="status-content" lang=lang hidden=move || !open.get()>
                <RichContent nodes=nodes />
            </div>
        }
    });
    view! {
        {has_cw.then(|| view! {
            <div class="content-warning">
                <p class="cw-text"><EmojiText text=status.spoiler_text.clone() emojis=refs.emojis.clone() /></p>
                <button
                    class="button button-small"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { "Show less" } else { "Show more" }}
                </button>
            </div>
        })}
        {content}
    }
}
