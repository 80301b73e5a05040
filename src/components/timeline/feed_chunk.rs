//! One chunk of a windowed feed: its statuses when it is near the one being read, otherwise an
//! empty box as tall as it last measured, so the scrollbar and position stay true. A chunk
//! coming near is mounted a few statuses per animation frame (see `frame_queue`), so no frame
//! renders more than `STATUSES_PER_FRAME` statuses and scrolling never meets a long task.

use leptos::prelude::*;

use super::{
    chunk_observer::ChunkObserver,
    frame_queue::{in_a_frame, next_in_a_frame},
};
use crate::components::status::StatusCard;
use crate::state::{
    cache::use_status_cache,
    feed::{CHUNK, Feed, is_near},
    filtering::FilterContext,
};

#[component]
pub fn FeedChunk(
    feed: Feed,
    index: usize,
    setsize: Signal<i64>,
    context: FilterContext,
    observer: ChunkObserver,
) -> impl IntoView {
    let cache = use_status_cache();
    let near = Memo::new(move |_| is_near(index, feed.current_chunk.get()));
    // How many of the chunk's statuses are in the DOM; grows a few per frame while near.
    let shown = RwSignal::new(0usize);
    Effect::new(move |_| {
        if near.get() {
            // The chunk being read starts at once (a warm start paints from it); the chunks
            // around it take their turn in the coming frames.
            let being_read = index == feed.current_chunk.get_untracked();
            if being_read && shown.get_untracked() == 0 {
                show_step(near, shown);
            } else {
                show_more(near, shown);
            }
        } else {
            shown.set(0);
        }
    });
    let ids = Memo::new(move |_| {
        feed.ids.with(|ids| {
            ids.iter()
                .skip(index * CHUNK)
                .take(CHUNK)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Until all its statuses are in, a chunk keeps the height it last measured (see
    // `ChunkObserver`), so the scrollbar and the reader's place do not jump.
    let min_height = move || {
        let filled = shown.get() >= ids.with(Vec::len);
        let height = feed.chunk_heights.with_value(|h| h.get(index).copied());
        height
            .filter(|h| *h > 0.0 && !filled)
            .map(|h| format!("{}px", h as u32))
    };
    // A memo, so each step of filling the chunk only adds statuses instead of rebuilding it.
    let any_shown = Memo::new(move |_| shown.get() > 0);
    let element = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = element.get() {
            observer.observe(&el);
            let el = send_wrapper(el);
            on_cleanup(move || observer.unobserve(&el.0));
        }
    });
    view! {
        <div class="feed-chunk" data-chunk=index style:min-height=min_height node_ref=element>
            {move || any_shown.get().then(|| view! {
                <For
                    each=move || ids.get().into_iter().take(shown.get()).enumerate()
                    key=|(_, id)| id.clone()
                    children=move |(_, id)| {
                        // Keyed by id, so statuses put above (newer posts) don't re-create the
                        // ones being read; the position follows the list instead.
                        let position = {
                            let id = id.clone();
                            Signal::derive(move || {
                                let j = ids.with(|v| v.iter().position(|x| *x == id)).unwrap_or(0);
                                index * CHUNK + j + 1
                            })
                        };
                        cache.get(&id).map(|status| view! {
                            <StatusCard status=status context=context posinset=position setsize=setsize />
                        })
                    }
                />
            })}
        </div>
    }
}

/// Statuses mounted per animation frame. One status costs a few milliseconds on a slow phone;
/// three keep a frame well under the 50 ms long-task line.
const STATUSES_PER_FRAME: usize = 3;

/// Queues the next few statuses of a near chunk, one step per frame, until all are shown or
/// the chunk is no longer near.
fn show_more(near: Memo<bool>, shown: RwSignal<usize>) {
    in_a_frame(move || show_step(near, shown));
}

fn show_step(near: Memo<bool>, shown: RwSignal<usize>) {
    // The chunk may have left the page (another timeline opened) before its frame came.
    let (Some(true), Some(now)) = (near.try_get_untracked(), shown.try_get_untracked()) else {
        return;
    };
    let next = now + STATUSES_PER_FRAME;
    shown.try_set(next.min(CHUNK));
    if next < CHUNK {
        next_in_a_frame(move || show_step(near, shown));
    } else {
        crate::state::perf::mark("woolly:chunk-filled");
    }
}

/// `on_cleanup` wants `Send`; the app is single-threaded (CSR on the main thread).
struct SendElement(web_sys::HtmlDivElement);
// SAFETY: WASM in the browser main thread has no other threads to send to.
unsafe impl Send for SendElement {}
unsafe impl Sync for SendElement {}

fn send_wrapper(el: web_sys::HtmlDivElement) -> SendElement {
    SendElement(el)
}
