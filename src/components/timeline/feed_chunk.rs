//! One chunk of a windowed feed: its statuses when it is near the one being read, otherwise an
//! empty box as tall as it last measured, so the scrollbar and position stay true.

use leptos::prelude::*;

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
            {move || near.get().then(|| view! {
                <For
                    each=move || ids.get().into_iter().enumerate()
                    key=|(j, id)| (*j, id.clone())
                    children=move |(j, id)| {
                        cache.get(&id).map(|status| view! {
                            <StatusCard status=status context=context posinset=index * CHUNK + j + 1 setsize=setsize />
                        })
                    }
                />
            })}
        </div>
    }
}
