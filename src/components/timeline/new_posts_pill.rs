//! The "N new posts" pill: posts that arrived live (or in a catch-up) wait here instead of
//! pushing the feed down under the reader. Pressing it puts them on top and goes there.
//! The pill floats (it takes no room), so its appearing never moves what is being read.

use leptos::prelude::*;

use crate::api::timelines::TimelineKind;
use crate::state::{feed::Feed, streaming::Streaming};

/// Subscribes the stream of an open timeline for as long as it is shown.
pub fn watch_stream(kind: TimelineKind) {
    let Some(streaming) = use_context::<Streaming>() else {
        return;
    };
    streaming.watch(kind.clone());
    on_cleanup(move || streaming.unwatch(kind));
}

/// "1 new post", "3 new posts".
pub fn label(count: usize) -> String {
    if count == 1 {
        "1 new post".into()
    } else {
        format!("{count} new posts")
    }
}

#[component]
pub fn NewPostsPill(feed: Feed) -> impl IntoView {
    let count = Memo::new(move |_| feed.pending.with(Vec::len));
    let show = move |_| {
        feed.show_pending();
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        // Once the new top is rendered, put the keyboard there too.
        request_animation_frame(|| {
            let first = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("[role=feed] article").ok().flatten());
            if let Some(el) =
                first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        });
    };
    view! {
        <div class="new-posts" role="status">
            {move || (count.get() > 0).then(|| view! {
                <button class="new-posts-pill" on:click=show>
                    <span aria-hidden="true">"↑ "</span>
                    {label(count.get())}
                </button>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_count_posts() {
        assert_eq!(super::label(1), "1 new post");
        assert_eq!(super::label(12), "12 new posts");
    }
}
