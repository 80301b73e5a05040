//! A timeline as an ARIA feed: statuses from the cache by id, the next page loaded when the
//! end comes into view (or on the "Load more" button), errors shown with a retry.

use leptos::{html, prelude::*};
use wasm_bindgen::{JsCast, closure::Closure};

use crate::api::timelines::TimelineKind;
use crate::components::{common::ErrorNotice, status::StatusCard};
use crate::state::{
    cache::use_status_cache,
    feed::{Feed, FeedState},
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
    let feed = Feed::new(kind);
    let load = move || feed.load_more(session, cache);
    load();

    let sentinel = NodeRef::<html::Div>::new();
    observe_when_visible(sentinel, load);

    let setsize = move || match feed.state.get() {
        FeedState::Ended => feed.ids.with(|ids| ids.len() as i64),
        _ => -1,
    };
    view! {
        <div class="feed" role="feed" aria-label=label aria-busy=move || (feed.state.get() == FeedState::Loading).to_string()>
            <For
                each=move || feed.ids.get().into_iter().enumerate()
                key=|(_, id)| id.clone()
                children=move |(i, id)| {
                    cache.get(&id).map(|status| view! {
                        <StatusCard status=status posinset=i + 1 setsize=Signal::derive(setsize) />
                    })
                }
            />
        </div>
        <div class="feed-end" node_ref=sentinel>
            {move || match feed.state.get() {
                FeedState::Loading => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                FeedState::Failed(e) => {
                    let retry = e.is_retryable().then(|| Callback::new(move |_| {
                        feed.state.set(FeedState::Idle);
                        load();
                    }));
                    match retry {
                        Some(r) => view! { <ErrorNotice message=e.user_message() on_retry=r /> }.into_any(),
                        None => view! { <ErrorNotice message=e.user_message() /> }.into_any(),
                    }
                }
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
            let observer = send_wrapper(observer);
            on_cleanup(move || observer.disconnect());
        }
        callback.forget();
    });
}

fn send_wrapper(o: web_sys::IntersectionObserver) -> SendObserver {
    SendObserver(o)
}

/// `on_cleanup` wants `Send`; the app is single-threaded (CSR on the main thread).
struct SendObserver(web_sys::IntersectionObserver);
// SAFETY: WASM in the browser main thread has no other threads to send to.
unsafe impl Send for SendObserver {}
unsafe impl Sync for SendObserver {}
impl SendObserver {
    fn disconnect(&self) {
        self.0.disconnect();
    }
}
