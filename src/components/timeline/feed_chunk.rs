//! One chunk of a windowed feed: its statuses when it is near the one being read, otherwise an
//! empty box as tall as it last measured, so the scrollbar and position stay true. A chunk
//! coming near is mounted in its own animation frame (see `frame_queue`), so no frame renders
//! more than one chunk.

use leptos::prelude::*;

use super::frame_queue::in_a_frame;
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
) -> impl IntoView {
    let cache = use_status_cache();
    let near = Memo::new(move |_| is_near(index, feed.current_chunk.get()));
    let mounted = RwSignal::new(false);
    Effect::new(move |_| {
        if near.get() {
            in_a_frame(move || {
                if near.get_untracked() {
                    mounted.set(true);
                }
            });
        } else {
            mounted.set(false);
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
    let min_height = feed
        .chunk_heights
        .with_value(|h| h.get(index).copied())
        .filter(|h| *h > 0.0)
        .map(|h| format!("{}px", h as u32));
    view! {
        <div class="feed-chunk" data-chunk=index style:min-height=min_height>
            {move || mounted.get().then(|| view! {
                <For
                    each=move || ids.get().into_iter().enumerate()
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
