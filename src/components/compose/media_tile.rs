//! One attachment in the composer: preview with the focal point picker (click the image:
//! `focus` x, y in [-1, 1], y up), alt text with the server's limit, move and remove. And a
//! tile for an upload in flight (progress), processing, or failed (Retry without re-picking).

use leptos::prelude::*;

use crate::components::common::safe_media_url;
use crate::compose::rules::{self, focus_from_click};
use crate::state::compose::{Upload, use_composer};

#[component]
pub fn MediaTile(index: usize) -> impl IntoView {
    let c = use_composer();
    let limit = rules::description_limit(&c.capabilities().media) as usize;
    let media = move || c.draft.with(|d| d.media.get(index).cloned());
    let count = move || c.draft.with(|d| d.media.len());
    let on_pick = move |e: web_sys::MouseEvent| {
        let Some(target) = e.current_target() else {
            return;
        };
        let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target) else {
            return;
        };
        let r = el.get_bounding_client_rect();
        let focus = focus_from_click(
            e.client_x() as f64 - r.left(),
            e.client_y() as f64 - r.top(),
            r.width(),
            r.height(),
        );
        c.change(|d| {
            if let Some(m) = d.media.get_mut(index) {
                m.focus = focus;
            }
        });
    };
    move || {
        media().map(|m| {
            let (x, y) = m.focus;
            let left = ((x + 1.0) * 50.0).round() as i32;
            let top = ((1.0 - y) * 50.0).round() as i32;
            let used = m.description.chars().count();
            let image = matches!(m.kind.as_str(), "image" | "gifv");
            let label = format!("Attachment {}", index + 1);
            view! {
                <li class="media-tile">
                    {if image {
                        view! {
                            <button type="button" class="media-focus" aria-label=format!("Set focal point of {}", label.to_lowercase())
                                title="Click to set the focal point" on:click=on_pick>
                                <img src=m.preview_url.as_deref().and_then(safe_media_url) alt="" />
                                <span class="focus-dot" style=format!("left:{left}%;top:{top}%")></span>
                            </button>
                        }.into_any()
                    } else {
                        view! { <div class="media-file">{m.kind.clone()}</div> }.into_any()
                    }}
                    <div class="media-side">
                        <label class="media-alt">
                            <span>{format!("Alt text for attachment {}", index + 1)}</span>
                            <textarea rows="3" placeholder="Describe this for people who can't see it"
                                prop:value=m.description.clone()
                                on:input=move |e| {
                                    let v = event_target_value(&e);
                                    c.change(|d| if let Some(m) = d.media.get_mut(index) { m.description = v })
                                }></textarea>
                        </label>
                        <div class="media-actions">
                            <span class="media-alt-count" class:is-over=move || { used > limit }>{format!("{used} / {limit}")}</span>
                            <button type="button" class="icon-button" aria-label=format!("Move {} earlier", label.to_lowercase())
                                disabled=index == 0 on:click=move |_| c.move_media(index, -1)>"‹"</button>
                            <button type="button" class="icon-button" aria-label=format!("Move {} later", label.to_lowercase())
                                disabled=move || { index + 1 >= count() } on:click=move |_| c.move_media(index, 1)>"›"</button>
                            <button type="button" class="icon-button" aria-label=format!("Remove {}", label.to_lowercase())
                                on:click=move |_| c.remove_media(index)>"×"</button>
                        </div>
                    </div>
                </li>
            }
        })
    }
}

#[component]
pub fn UploadTile(upload: Upload) -> impl IntoView {
    let c = use_composer();
    let local = upload.local();
    match upload {
        Upload::Sending { name, fraction, .. } => {
            let pct = fraction.map(|f| (f * 100.0).round().clamp(0.0, 100.0) as i32);
            view! {
                <li class="media-tile is-uploading">
                    <p class="media-name">{name.clone()}</p>
                    <div class="upload-bar" role="progressbar" aria-label=format!("Uploading {name}")
                        aria-valuemin="0" aria-valuemax="100" aria-valuenow=pct.map(|p| p.to_string())>
                        <span class:indeterminate=pct.is_none()
                            style=pct.map(|p| format!("width:{p}%"))></span>
                    </div>
                    <p class="media-state">{pct.map_or_else(|| "Uploading…".to_string(), |p| format!("Uploading… {p}%"))}</p>
                </li>
            }.into_any()
        }
        Upload::Processing { name, .. } => view! {
            <li class="media-tile is-uploading">
                <p class="media-name">{name.clone()}</p>
                <div class="upload-bar" role="progressbar" aria-label=format!("Processing {name}")>
                    <span class="indeterminate"></span>
                </div>
                <p class="media-state">"Processing on the server…"</p>
            </li>
        }.into_any(),
        Upload::Failed { name, message, .. } => view! {
            <li class="media-tile is-failed" role="alert">
                <p class="media-name">{name}</p>
                <p class="media-state">{message}</p>
                <div class="media-actions">
                    <button type="button" class="button" on:click=move |_| c.retry_upload(local)>"Retry upload"</button>
                    <button type="button" class="button" on:click=move |_| c.dismiss_upload(local)>"Remove"</button>
                </div>
            </li>
        }.into_any(),
    }
}
