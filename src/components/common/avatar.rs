//! An account's picture, at a fixed size so the feed never shifts while images load.

use leptos::prelude::*;

/// `src` comes from the server; an `<img>` with a fixed box, lazy, decoded off the main thread.
#[component]
pub fn Avatar(
    /// The (static) avatar URL.
    src: String,
    /// Side in CSS pixels.
    #[prop(default = 46)]
    size: u32,
) -> impl IntoView {
    let src = super::safe_media_url(&src).unwrap_or_default();
    view! {
        <img
            class="avatar"
            src=src
            width=size
            height=size
            alt=""
            loading="lazy"
            decoding="async"
        />
    }
}
