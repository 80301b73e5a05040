//! The "more" menu of a status: copy link, open the original page, mute the conversation,
//! quote (where the server has quote posts), and for own posts pin, edit, delete, and delete &
//! redraft.

use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;

use crate::api::statuses::StatusVerb;
use crate::components::common::safe_media_url;
use crate::model::{Status, Visibility};
use crate::state::{
    actions::{self, OpenEdit, OpenQuote, OpenRedraft},
    cache::use_status_cache,
    login::cached_capabilities,
    session::use_session,
    toasts::use_toasts,
};

#[component]
pub fn StatusMenu(status: Status, own: bool) -> impl IntoView {
    let session = use_session();
    let cache = use_status_cache();
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let id = status.id.clone();
    let link = status
        .url
        .as_deref()
        .or(Some(status.uri.as_str()))
        .and_then(safe_media_url);
    let quote = session
        .active()
        .and_then(|a| cached_capabilities(&a.origin))
        .is_some_and(|c| c.quote_posts)
        .then(use_context::<OpenQuote>)
        .flatten()
        .filter(|_| matches!(status.visibility, Visibility::Public | Visibility::Unlisted));
    let edit = own.then(use_context::<OpenEdit>).flatten();
    let redraft = own.then(use_context::<OpenRedraft>).flatten();
    let verb = move |verb: StatusVerb, done: &'static str| {
        let id = id.clone();
        move |_| {
            open.set(false);
            spawn_local(actions::status_verb(
                session,
                cache,
                toasts,
                id.clone(),
                verb,
                done,
            ));
        }
    };
    let muted = status.muted == Some(true);
    let pinned = status.pinned == Some(true);
    let pinnable = own && matches!(status.visibility, Visibility::Public | Visibility::Unlisted);
    let copy = {
        let link = link.clone();
        move |_| {
            open.set(false);
            if let Some(l) = &link {
                copy_text(l);
                toasts.info("Link copied");
            }
        }
    };
    let delete = {
        let id = status.id.clone();
        move |_| {
            open.set(false);
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message("Delete this post?").ok())
                .unwrap_or(false);
            if sure {
                let id = id.clone();
                spawn_local(async move {
                    if actions::delete(session, toasts, id.clone()).await {
                        // Hide it wherever it is shown until the views reload.
                        if let Some(el) =
                            web_sys::window().and_then(|w| w.document()).and_then(|d| {
                                d.query_selector(&format!("article[data-id='{id}']"))
                                    .ok()
                                    .flatten()
                            })
                        {
                            let _ = el.set_attribute("hidden", "");
                        }
                    }
                });
            }
        }
    };
    let sid = status.id.clone();
    view! {
        <span class="action-group action-more"
            on:focusout=move |e| {
                let inside = e.related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(e.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()))
                    .is_some_and(|(to, group)| group.contains(Some(&to)));
                if !inside { open.set(false); }
            }
            on:keydown=move |e| if e.key() == "Escape" { open.set(false); }
        >
            <button class="action" aria-label="More" title="More" aria-haspopup="menu"
                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                "⋯"
            </button>
            <div class="menu menu-end" role="menu" hidden=move || !open.get()>
                {link.clone().map(|_| view! { <button role="menuitem" on:click=copy>"Copy link"</button> })}
                {link.map(|l| view! {
                    <a role="menuitem" href=l target="_blank" rel="noopener noreferrer">"Open original page"</a>
                })}
                {quote.map(|OpenQuote(cb)| {
                    let id = sid.clone();
                    view! { <button role="menuitem" data-action="quote" on:click=move |_| { open.set(false); cb.run(id.clone()) }>"Quote"</button> }
                })}
                <button role="menuitem" on:click=if muted { verb(StatusVerb::Unmute, "Conversation unmuted") } else { verb(StatusVerb::Mute, "Conversation muted") }>
                    {if muted { "Unmute conversation" } else { "Mute conversation" }}
                </button>
                {pinnable.then(|| view! {
                    <button role="menuitem" on:click=if pinned { verb(StatusVerb::Unpin, "Unpinned from profile") } else { verb(StatusVerb::Pin, "Pinned to profile") }>
                        {if pinned { "Unpin from profile" } else { "Pin on profile" }}
                    </button>
                })}
                {edit.map(|OpenEdit(cb)| {
                    let id = sid.clone();
                    view! { <button role="menuitem" on:click=move |_| { open.set(false); cb.run(id.clone()) }>"Edit"</button> }
                })}
                {own.then(|| view! { <button role="menuitem" class="is-danger" on:click=delete>"Delete"</button> })}
                {redraft.map(|OpenRedraft(cb)| {
                    let id = sid.clone();
                    view! { <button role="menuitem" class="is-danger" on:click=move |_| {
                        open.set(false);
                        let sure = web_sys::window()
                            .and_then(|w| w.confirm_with_message("Delete this post and redraft it? Boosts and favourites will be lost, and replies orphaned.").ok())
                            .unwrap_or(false);
                        if sure { cb.run(id.clone()) }
                    }>"Delete & redraft"</button> }
                })}
            </div>
        </span>
    }
}

/// Copies to the clipboard through `navigator.clipboard.writeText` (best effort).
fn copy_text(text: &str) {
    let global = js_sys::global();
    let clipboard = js_sys::Reflect::get(&global, &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()));
    if let Ok(clipboard) = clipboard
        && let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        && let Some(f) = write.dyn_ref::<js_sys::Function>()
    {
        let _ = f.call1(&clipboard, &text.into());
    }
}
