//! Attached media: images, GIF-like videos (muted, looping; still under reduced motion),
//! video and audio, each in a box sized from `meta` so nothing jumps while loading. Alt text
//! is the `alt` and a visible ALT badge. Sensitive media stays behind its BlurHash until
//! revealed; a click opens the full-screen viewer.

use leptos::prelude::*;

use super::{blurhash_canvas::BlurhashCanvas, media_viewer::MediaViewer};
use crate::components::common::{prefers_reduced_motion, safe_media_url};
use crate::model::MediaAttachment;

#[component]
pub fn MediaGrid(media: Vec<MediaAttachment>, sensitive: bool) -> impl IntoView {
    let revealed = RwSignal::new(!sensitive);
    let count = media.len().min(4);
    let still = prefers_reduced_motion();
    let viewer = use_context::<MediaViewer>();
    let items = media
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let all = media.clone();
            let open = move |_| {
                if let Some(v) = viewer {
                    v.show(all.clone(), i);
                }
            };
            media_item(m.clone(), count, still, revealed, open)
        })
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
                    {move || if revealed.get() { "Hide" } else { "Sensitive content — show" }}
                </button>
            })}
        </div>
    }
}

fn media_item(
    m: MediaAttachment,
    count: usize,
    still: bool,
    revealed: RwSignal<bool>,
    open: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let ratio = match count {
        1 => m.aspect_ratio().unwrap_or(16.0 / 9.0).clamp(0.5, 3.0),
        _ => 16.0 / 9.0,
    };
    // Whole thousandths: no float formatting machinery for a style string.
    let style = format!("aspect-ratio:{}/1000", (ratio * 1000.0) as u32);
    let alt = m.alt().map(str::to_string);
    let url = m.url.as_deref().and_then(safe_media_url);
    let preview = m
        .preview_url
        .as_deref()
        .and_then(safe_media_url)
        .or_else(|| url.clone());
    let opens = m.kind != "audio";
    let blurhash = m.blurhash.clone();
    let badge = m.alt().map(str::to_string);
    let body = move || {
        if !revealed.get() {
            return None;
        }
        let (url, preview, alt) = (url.clone(), preview.clone(), alt.clone());
        Some(match m.kind.as_str() {
            "gifv" if !still => view! {
                <video src=url muted=true autoplay=true loop=true playsinline=true aria-label=alt></video>
            }
            .into_any(),
            "video" | "gifv" => view! {
                <video src=url poster=preview controls=true preload="none" aria-label=alt></video>
            }
            .into_any(),
            "audio" => view! {
                <audio src=url controls=true preload="none" aria-label=alt></audio>
            }
            .into_any(),
            _ => view! {
                <img src=preview alt=alt.unwrap_or_default() loading="lazy" decoding="async" />
            }
            .into_any(),
        })
    };
    view! {
        <figure class="media" style=style on:click=move |e| if opens && revealed.get_untracked() { open(e) }>
            {blurhash.map(|h| view! { <BlurhashCanvas hash=h /> })}
            {body}
            {badge.map(|a| view! { <span class="alt-badge" title=a>"ALT"</span> })}
        </figure>
    }
}
