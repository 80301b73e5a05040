//! A plain-text field (display name, content warning, poll option) with custom emoji: text
//! nodes and `<img>` only — never markup.

use leptos::prelude::*;

use super::rich_content::render_nodes;
use crate::content::{EmojiRef, emojify};

#[component]
pub fn EmojiText(
    /// The plain text, exactly as the server sent it.
    text: String,
    /// That entity's own emoji.
    #[prop(optional)]
    emojis: Vec<EmojiRef>,
) -> impl IntoView {
    render_nodes(emojify(&text, &emojis))
}
