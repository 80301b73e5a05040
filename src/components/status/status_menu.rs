//! The "more" menu of a status: copy link, open the original page, mute the conversation,
//! quote (where the server has quote posts), and for own posts pin, edit, delete, and delete &
//! redraft.
//!
//! Only the "⋯" button is drawn with each status; the items are built when the menu opens, from
//! the on-demand part [`crate::parts::MENUS`] (prefetched, so normally at once).

use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;

use crate::api::statuses::StatusVerb;
use crate::components::common::safe_media_url;
use crate::components::common::{focus_left, on_demand::on_demand};
use crate::model::{Status, Visibility};
use crate::parts::MENUS;
use crate::state::{
    actions, cache::use_status_cache, compose::Composer, session::use_session, toasts::use_toasts,
};

#[component]
pub fn StatusMenu(status: Status, own: bool) -> impl IntoView {
    let open = RwSignal::new(false);
    let status = StoredValue::new(status);
    view! {
        <span class="action-group action-more"
            on:focusout=move |e| if focus_left(&e) { open.set(false); }
            on:keydown=move |e| if e.key() == "Escape" { open.set(false); }
        >
            <button class="action" aria-label="More" title="More" aria-haspopup="menu"
                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                "⋯"
            </button>
            {move || open.get().then(|| on_demand(
                MENUS,
                |state| view! { <div class="menu menu-end" role="menu">{state}</div> }.into_any(),
                move |menus| (menus.status)(status.get_value(), own, open),
            ))}
        </span>
    }
}

/// The items of an open status menu (the on-demand part [`crate::parts::MENUS`]); `open` closes
/// it.
pub fn status_menu_items(status: Status, own: bool, open: RwSignal<bool>) -> AnyView {
    let session = use_session();
    let cache = use_status_cache();
    let toasts = use_toasts();
    let id = status.id.clone();
    let link = status
        .url
        .as_deref()
        .or(Some(status.uri.as_str()))
        .and_then(safe_media_url);
    let composer = use_context::<Composer>();
    let quote = composer.filter(|c| c.can_quote(&status));
    let edit = composer.filter(|_| own);
    let redraft = composer.filter(|_| own);
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
        <div class="menu menu-end" role="menu">
            {link.clone().map(|_| view! { <button role="menuitem" on:click=copy>"Copy link"</button> })}
            {link.map(|l| view! {
                <a role="menuitem" href=l target="_blank" rel="noopener noreferrer">"Open original page"</a>
            })}
            {quote.map(|c| {
                let id = sid.clone();
                view! { <button role="menuitem" data-action="quote" on:click=move |_| { open.set(false); c.quote(&id) }>"Quote"</button> }
            })}
            <button role="menuitem" on:click=if muted { verb(StatusVerb::Unmute, "Conversation unmuted") } else { verb(StatusVerb::Mute, "Conversation muted") }>
                {if muted { "Unmute conversation" } else { "Mute conversation" }}
            </button>
            {pinnable.then(|| view! {
                <button role="menuitem" on:click=if pinned { verb(StatusVerb::Unpin, "Unpinned from profile") } else { verb(StatusVerb::Pin, "Pinned to profile") }>
                    {if pinned { "Unpin from profile" } else { "Pin on profile" }}
                </button>
            })}
            {edit.map(|c| {
                let id = sid.clone();
                view! { <button role="menuitem" on:click=move |_| { open.set(false); c.edit(&id) }>"Edit"</button> }
            })}
            {own.then(|| view! { <button role="menuitem" class="is-danger" on:click=delete>"Delete"</button> })}
            {redraft.map(|c| {
                let id = sid.clone();
                view! { <button role="menuitem" class="is-danger" on:click=move |_| {
                    open.set(false);
                    let sure = web_sys::window()
                        .and_then(|w| w.confirm_with_message("Delete this post and redraft it? Boosts and favourites will be lost, and replies orphaned.").ok())
                        .unwrap_or(false);
                    if sure { c.redraft(&id) }
                }>"Delete & redraft"</button> }
            })}
        </div>
    }
    .into_any()
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
