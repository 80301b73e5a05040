//! A status with its thread: ancestors above, the focused status (larger, with its full
//! date, application and exact counts, scrolled into view), and the replies below as a tree
//! with visible nesting and "Continue thread" past the depth cap. Long threads render in
//! slices, one per animation frame, so hundreds of replies never freeze the page. Back
//! returns to the timeline at the same place.

use leptos::{prelude::*, task::spawn_local};

use crate::components::{
    common::ErrorNotice,
    shell::AppShell,
    status::{StatusCard, status_detail::StatusDetail},
};
use crate::routes::Route;
use crate::state::{
    cache::use_status_cache,
    filtering::FilterContext,
    session::use_session,
    thread::{self, ThreadIds},
    thread_tree::Row,
};

/// Replies rendered at first, and added per animation frame after that.
const SLICE: usize = 30;

#[component]
pub fn StatusPage(
    /// The status's id on the signed-in instance.
    id: String,
) -> impl IntoView {
    let session = use_session();
    let cache = use_status_cache();
    let id = StoredValue::new(id);
    let id = move || id.get_value();
    let result = RwSignal::new(None::<Result<ThreadIds, crate::api::ApiError>>);
    let shown = RwSignal::new(SLICE);
    let load = move || {
        let id = id();
        result.set(None);
        shown.set(SLICE);
        spawn_local(async move { result.set(Some(thread::load(session, cache, id).await)) });
    };
    Effect::new(move |_| load());
    // Grow the rendered replies a slice per frame until all are there.
    Effect::new(move |_| {
        let total = result.with(|r| match r {
            Some(Ok(t)) => t.rows.len(),
            _ => 0,
        });
        if shown.get() < total {
            request_animation_frame(move || shown.update(|n| *n += SLICE));
        }
    });
    let card = move |id: &String| {
        cache
            .get(id)
            .map(|s| view! { <StatusCard status=s context=FilterContext::Thread /> })
    };
    let body = move || match result.get() {
        None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
        Some(Err(e)) => {
            let retry = e.is_retryable().then(|| Callback::new(move |_| load()));
            match retry {
                Some(r) => view! { <ErrorNotice message=e.user_message() on_retry=r /> }.into_any(),
                None => view! { <ErrorNotice message=e.user_message() /> }.into_any(),
            }
        }
        Some(Ok(t)) => {
            let focus_id = t.focus.clone();
            request_animation_frame(move || {
                let el = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                    d.query_selector(&format!("[data-focus='{focus_id}'] article"))
                        .ok()
                        .flatten()
                });
                if let Some(el) = el {
                    el.scroll_into_view();
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            });
            let focus_signal = cache.get(&t.focus);
            let total = t.rows.len();
            let rows = StoredValue::new(t.rows);
            let ancestors = t
                .ancestors
                .iter()
                .map(|id| {
                    view! {
                        <div class="thread-row thread-ancestor">{card(id)}</div>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <section class="thread" aria-label="Conversation">
                    {ancestors}
                    <div class="thread-focus" data-focus=t.focus.clone()>
                        {card(&t.focus)}
                        {focus_signal.map(|s| view! { <StatusDetail status=s /> })}
                    </div>
                    <div class="thread-replies" aria-label=format!("{total} replies")>
                        {move || rows.with_value(|rows| {
                            rows.iter().take(shown.get()).map(|row| match row {
                                Row::Status { id, depth } => view! {
                                    <div class="thread-row thread-reply" data-depth=*depth style=format!("--depth:{depth}")>
                                        {card(id)}
                                    </div>
                                }.into_any(),
                                Row::More { id, depth, hidden } => view! {
                                    <div class="thread-row" data-depth=*depth style=format!("--depth:{depth}")>
                                        <a class="continue-thread" href=Route::Status(id.clone()).href() data-hidden=*hidden>
                                            {format!("Continue thread ({hidden} more {})", if *hidden == 1 { "reply" } else { "replies" })}
                                        </a>
                                    </div>
                                }.into_any(),
                            }).collect::<Vec<_>>()
                        })}
                    </div>
                </section>
            }
            .into_any()
        }
    };
    view! {
        <AppShell title="Post">
            <button class="button button-quiet back" on:click=|_| {
                if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) { let _ = h.back(); }
            }>"← Back"</button>
            {body}
        </AppShell>
    }
}
