//! A timeline as an ARIA feed. Statuses come from the cache by id; only the chunks near the
//! reading position are in the DOM. The next page loads when the end comes into view (or on
//! "Load more"), newer posts on "Load newer posts"; errors show with a retry. Leaving and
//! coming back restores the scroll position.

use leptos::{ev, html, prelude::*};
use wasm_bindgen::{JsCast, closure::Closure};

use super::{
    chunk_observer::ChunkObserver, feed_chunk::FeedChunk, feed_keys, new_posts_pill::NewPostsPill,
};
use crate::api::{capabilities::FeedAccess, timelines::TimelineKind};
use crate::components::common::ErrorNotice;
use crate::state::{
    cache::use_status_cache,
    feed::{CHUNK, Feed, FeedState, use_feeds},
    filtering::FilterContext,
    login::cached_capabilities,
    session::use_session,
};

#[component]
pub fn TimelineFeed(
    kind: TimelineKind,
    /// The feed's accessible name, e.g. "Home".
    label: String,
) -> impl IntoView {
    let session = use_session();
    let cache = use_status_cache();
    let context = match kind {
        TimelineKind::Home | TimelineKind::List(_) => FilterContext::Home,
        TimelineKind::Account(..) => FilterContext::Account,
        _ => FilterContext::Public,
    };
    let feed = use_feeds().get(kind.clone());
    let load = move || feed.load_more(session, cache);
    if feed.is_loaded() {
        restore_scroll(feed);
    } else {
        feed.show_cached(&session, cache);
        load();
    }
    super::scroll_settled::on_scroll_settled(move || remember_scroll(feed));
    super::new_posts_pill::watch_stream(kind.clone());
    let unread_note = RwSignal::new(None::<String>);
    if kind == TimelineKind::Home {
        super::reading_position::track_home_marker(feed, unread_note);
    }
    let keys = window_event_listener(ev::keydown, move |e| {
        if feed_keys::handle(&e) {
            e.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    let sentinel = NodeRef::<html::Div>::new();
    observe_when_visible(sentinel, load);

    let setsize = Signal::derive(move || match feed.paging.state.get() {
        FeedState::Ended => feed.ids.with(|ids| ids.len() as i64),
        _ => -1,
    });
    let observer = ChunkObserver::new(feed);
    let chunks = Memo::new(move |_| feed.ids.with(|ids| ids.len().div_ceil(CHUNK)));
    let disabled = live_feed_disabled(&kind, session.active().map(|a| a.origin));
    view! {
        <NewPostsPill feed=feed />
        <div class="feed-top">
            {move || unread_note.get().map(|t| view! { <p class="unread-note" role="status">{t}</p> })}
            <button class="button button-quiet load-newer" on:click=move |_| feed.load_newer(session, cache)
                disabled=move || feed.loading_newer.get()>
                {move || if feed.loading_newer.get() { "Loading newer posts…" } else { "Load newer posts" }}
            </button>
        </div>
        <div class="feed" role="feed" aria-label=label aria-busy=move || (feed.paging.state.get() == FeedState::Loading).to_string()>
            <For
                each=move || 0..chunks.get()
                key=|i| *i
                children=move |i| view! { <FeedChunk feed=feed index=i setsize=setsize context=context observer=observer /> }
            />
        </div>
        <div class="feed-end" node_ref=sentinel>
            {move || match feed.paging.state.get() {
                FeedState::Loading => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                FeedState::Failed(e) => {
                    let retry = e.is_retryable().then(|| Callback::new(move |_| {
                        feed.paging.state.set(FeedState::Idle);
                        load();
                    }));
                    match retry {
                        Some(r) => view! { <ErrorNotice message=e.user_message() on_retry=r /> }.into_any(),
                        None => view! { <ErrorNotice message=e.user_message() /> }.into_any(),
                    }
                }
                FeedState::Ended if feed.ids.with(Vec::is_empty) && disabled => view! {
                    <p class="empty">"This server has turned off this timeline: it shows nothing to apps, including Woolly."</p>
                }.into_any(),
                FeedState::Ended if feed.ids.with(Vec::is_empty) => view! {
                    <p class="empty">"Nothing here yet."</p>
                }.into_any(),
                FeedState::Ended => view! { <p class="empty">"You've reached the end."</p> }.into_any(),
                FeedState::Idle => view! {
                    <button class="button button-quiet load-more" on:click=move |_| load()>"Load more"</button>
                }.into_any(),
            }}
        </div>
    }
}

/// Mastodon 4.5+ can switch live feeds off; they then answer 200 with `[]`.
fn live_feed_disabled(kind: &TimelineKind, origin: Option<String>) -> bool {
    let Some(caps) = origin.as_deref().and_then(cached_capabilities) else {
        return false;
    };
    match kind {
        TimelineKind::Local => caps.local_feed == FeedAccess::Disabled,
        TimelineKind::Federated => caps.remote_feed == FeedAccess::Disabled,
        _ => false,
    }
}

/// Remembers where the reader is (called on scroll: by the time a page is left, the next
/// page may already have replaced the feed's DOM).
fn remember_scroll(feed: Feed) {
    let Some(w) = web_sys::window() else { return };
    feed.scroll_y.set_value(w.scroll_y().unwrap_or(0.0));
    let top_article = w
        .document()
        .and_then(|d| d.query_selector_all("[role=feed] article").ok())
        .and_then(|list| {
            (0..list.length())
                .filter_map(|i| list.get(i)?.dyn_into::<web_sys::Element>().ok())
                .find(|a| a.get_bounding_client_rect().bottom() > 0.0)
        });
    feed.anchor.set_value(top_article.and_then(|a| {
        Some((
            a.get_attribute("data-id")?,
            a.get_bounding_client_rect().top(),
        ))
    }));
}

/// Back to where the reader was: once the status that was at the top is rendered again, the
/// window scrolls so it sits exactly where it was (falling back to the saved offset). Tries
/// for a few frames, since the page mounts its chunks asynchronously.
fn restore_scroll(feed: Feed) {
    restore_attempt(feed, 30);
}

fn restore_attempt(feed: Feed, frames_left: u32) {
    request_animation_frame(move || {
        let Some(w) = web_sys::window() else { return };
        let anchor = feed.anchor.get_value();
        let article = anchor.as_ref().and_then(|(id, _)| {
            w.document()?
                .query_selector(&format!("[role=feed] article[data-id='{id}']"))
                .ok()
                .flatten()
        });
        match (article, anchor) {
            (Some(a), Some((_, top))) => {
                w.scroll_by_with_x_and_y(0.0, a.get_bounding_client_rect().top() - top);
            }
            _ if frames_left > 0 => restore_attempt(feed, frames_left - 1),
            _ => w.scroll_to_with_x_and_y(0.0, feed.scroll_y.get_value()),
        }
    });
}

/// Calls `f` whenever the element scrolls into (or near) view.
fn observe_when_visible(target: NodeRef<html::Div>, f: impl Fn() + Copy + 'static) {
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let visible = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if visible {
                f();
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("1200px 0px");
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) {
            observer.observe(&el);
            let observer = SendObserver(observer);
            on_cleanup(move || observer.0.disconnect());
        }
        callback.forget();
    });
}

/// `on_cleanup` wants `Send`; the app is single-threaded (CSR on the main thread).
struct SendObserver(web_sys::IntersectionObserver);
// SAFETY: WASM in the browser main thread has no other threads to send to.
unsafe impl Send for SendObserver {}
unsafe impl Sync for SendObserver {}
