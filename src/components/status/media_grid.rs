//! Attached media: images, GIF-like videos (muted, looping; still under reduced motion),
//! video and audio, each in a box sized from `meta` so nothing jumps while loading. Alt text
//! is the `alt` and a visible ALT badge. Sensitive media stays hidden until revealed.

use leptos::prelude::*;

use crate::components::common::{prefers_reduced_motion, safe_media_url};
use crate::model::MediaAttachment;

#[component]
pub fn MediaGrid(media: Vec<MediaAttachment>, sensitive: bool) -> impl IntoView {
    let revealed = RwSignal::new(!sensitive);
    let count = media.len().min(4);
    let still = prefers_reduced_motion();
    let items = media
        .into_iter()
        .map(|m| media_item(m, count, still))
        .collect::<Vec<_>>();
    view! {
        <div class="media-grid" data-count=count class:is-hidden=move || !revealed.get()>
            {items}
            {sensitive.then(|| view! {
                <button
                    class="media-reveal"
                    on:click=move |_| revealed.update(|r| *r = !*r)
                    aria-pressed=move || revealed.get().to_string()
                >
                    {move || if revealed.get() { "Hide media" } else { "Sensitive content — show" }}
                </button>
            })}
        </div>
    }
}

fn media_item(m: MediaAttachment, count: usize, still: bool) -> impl IntoView {
    let ratio = if count == 1 {
        m.aspect_ratio().unwrap_or(16.0 / 9.0).clamp(0.5, 3.0)
    } else {
        16.0 / 9.0
    };
    let style = format!("aspect-ratio:{ratio:.4}");
    let alt = m.alt().map(str::to_string);
    let url = m.url.as_deref().and_then(safe_media_url);
    let preview = m
        .preview_url
        .as_deref()
        .and_then(safe_media_url)
        .or_else(|| url.clone());
    let body = match m.kind.as_str() {
        "gifv" if !still => view! {
            <video src=url muted=true autoplay=true loop=true playsinline=true aria-label=alt.clone()></video>
        }
        .into_any(),
        "video" | "gifv" => view! {
            <video src=url poster=preview controls=true preload="none" aria-label=alt.clone()></video>
        }
        .into_any(),
        "audio" => view! {
            <audio src=url controls=true preload="none" aria-label=alt.clone()></audio>
        }
        .into_any(),
        _ => view! {
            <img src=preview alt=alt.clone().unwrap_or_default() loading="lazy" decoding="async" />
        }
        .into_any(),
    };
    view! {
        <figure class="media" style=style>
            {body}
            {alt.map(|a| view! { <span class="alt-badge" title=a>"ALT"</span> })}
        </figure>
    }
}
