//! The full-screen media viewer: one attachment at a time, ←/→ to move, Esc to close, focus
//! kept inside while open. Opened from any media grid through [`MediaViewer`] in context; its
//! content is an on-demand part, so the dialog and its keys are here and the rest arrives when
//! first opened.

use leptos::{ev, prelude::*};

use crate::components::common::{on_demand::on_demand, safe_media_url};
use crate::model::MediaAttachment;
use crate::parts::MEDIA_VIEWER;

/// What is open: the attachments of one status and the index shown.
#[derive(Clone, Copy)]
pub struct MediaViewer {
    open: RwSignal<Option<(Vec<MediaAttachment>, usize)>>,
}

pub fn provide_media_viewer() {
    provide_context(MediaViewer {
        open: RwSignal::new(None),
    });
}

impl MediaViewer {
    pub fn show(&self, media: Vec<MediaAttachment>, index: usize) {
        self.open.set(Some((media, index)));
    }

    fn step(&self, delta: isize) {
        self.open.update(|o| {
            if let Some((media, i)) = o {
                let n = media.len() as isize;
                *i = ((*i as isize + delta).rem_euclid(n)) as usize;
            }
        });
    }

    fn close(&self) {
        self.open.set(None);
    }
}

#[component]
pub fn MediaViewerDialog() -> impl IntoView {
    let viewer = expect_context::<MediaViewer>();
    let handle = window_event_listener(ev::keydown, move |e| {
        if viewer.open.with_untracked(Option::is_none) {
            return;
        }
        match e.key().as_str() {
            "Escape" => viewer.close(),
            "ArrowRight" => viewer.step(1),
            "ArrowLeft" => viewer.step(-1),
            _ => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || handle.remove());
    move || {
        viewer.open.get().map(|(media, index)| {
            let backdrop = move |body: AnyView| {
                view! {
                    <div class="viewer" role="dialog" aria-modal="true" aria-label="Media viewer"
                        on:click=move |_| viewer.close()>
                        {body}
                        <button class="viewer-close" aria-label="Close" on:click=move |_| viewer.close()>"×"</button>
                    </div>
                }
                .into_any()
            };
            on_demand(MEDIA_VIEWER, backdrop, move |show| show(media.clone(), index))
        })
    }
}

/// The viewer's content for attachment `index` of `media` (the on-demand part
/// [`crate::parts::MEDIA_VIEWER`]).
pub fn viewer_body(media: Vec<MediaAttachment>, index: usize) -> AnyView {
    let viewer = expect_context::<MediaViewer>();
    let count = media.len();
    let Some(m) = media.get(index).cloned() else {
        return ().into_any();
    };
    let url = m
        .url
        .as_deref()
        .or(m.preview_url.as_deref())
        .and_then(safe_media_url);
    let alt = m.alt().map(str::to_string);
    let body = match m.kind.as_str() {
        "video" | "gifv" => view! { <video src=url controls=true autoplay=true loop=m.kind == "gifv" aria-label=alt.clone()></video> }.into_any(),
        "audio" => view! { <audio src=url controls=true></audio> }.into_any(),
        _ => view! { <img src=url alt=alt.clone().unwrap_or_default() /> }.into_any(),
    };
    view! {
        <div class="viewer" role="dialog" aria-modal="true" aria-label="Media viewer"
            on:click=move |_| viewer.close()>
            <figure class="viewer-figure" on:click=|e| e.stop_propagation()>
                {body}
                {alt.map(|a| view! { <figcaption>{a}</figcaption> })}
            </figure>
            <button class="viewer-close" aria-label="Close" autofocus=true on:click=move |_| viewer.close()>"×"</button>
            {(count > 1).then(|| view! {
                <button class="viewer-prev" aria-label="Previous" on:click=move |e| { e.stop_propagation(); viewer.step(-1) }>"‹"</button>
                <button class="viewer-next" aria-label="Next" on:click=move |e| { e.stop_propagation(); viewer.step(1) }>"›"</button>
                <p class="viewer-count">{format!("{} / {count}", index + 1)}</p>
            })}
        </div>
    }
    .into_any()
}
