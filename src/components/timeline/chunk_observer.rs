//! Watches a windowed feed's chunks without ever reading layout on the main path: an
//! `IntersectionObserver` says which chunks are on screen (the first one is the chunk being
//! read) and a `ResizeObserver` records each rendered chunk's height, so an emptied chunk keeps
//! its space. Both report after the browser has laid out, so scrolling forces no layout.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{Element, HtmlElement, IntersectionObserver, ResizeObserver};

use crate::state::feed::Feed;

#[derive(Clone, Copy)]
pub struct ChunkObserver {
    observers: StoredValue<Option<Observers>, LocalStorage>,
}

struct Observers {
    visibility: IntersectionObserver,
    size: ResizeObserver,
    _on_visibility: Closure<dyn Fn(js_sys::Array)>,
    _on_size: Closure<dyn Fn(js_sys::Array)>,
}

impl ChunkObserver {
    /// Creates the observers for `feed`; they disconnect when the calling component goes.
    pub fn new(feed: Feed) -> Self {
        let observers = StoredValue::new_local(create_observers(feed));
        let this = ChunkObserver { observers };
        on_cleanup(move || {
            this.with(|o| {
                o.visibility.disconnect();
                o.size.disconnect();
            })
        });
        this
    }

    pub fn observe(&self, chunk: &Element) {
        self.with(|o| {
            o.visibility.observe(chunk);
            o.size.observe(chunk);
        });
    }

    pub fn unobserve(&self, chunk: &Element) {
        self.with(|o| {
            o.visibility.unobserve(chunk);
            o.size.unobserve(chunk);
        });
    }

    fn with(&self, f: impl FnOnce(&Observers)) {
        self.observers.try_with_value(|o| o.as_ref().map(f));
    }
}

fn create_observers(feed: Feed) -> Option<Observers> {
    let on_screen = StoredValue::new(BTreeSet::<usize>::new());
    let on_visibility = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // A report can come after the feed left the page: then there is nothing to update.
        let updated = on_screen.try_update_value(|set| {
            for entry in entries.iter() {
                let entry = entry.unchecked_into::<web_sys::IntersectionObserverEntry>();
                let Some(index) = chunk_index(&entry.target()) else {
                    continue;
                };
                if entry.is_intersecting() {
                    set.insert(index);
                } else {
                    set.remove(&index);
                }
            }
        });
        if updated.is_none() {
            return;
        }
        // The first chunk on screen is the one being read; none on screen (the feed's end is
        // showing) leaves the window where it is.
        let first = on_screen
            .try_with_value(|set| set.first().copied())
            .flatten();
        if let Some(c) = first.filter(|c| Some(*c) != feed.current_chunk.try_get_untracked()) {
            feed.current_chunk.try_set(c);
        }
    });
    let on_size = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        feed.chunk_heights.try_update_value(|heights| {
            for entry in entries.iter() {
                let entry = entry.unchecked_into::<web_sys::ResizeObserverEntry>();
                let target = entry.target();
                // An emptied chunk keeps its space by min-height; only rendered ones measure.
                if target.child_element_count() == 0 {
                    continue;
                }
                let Some(index) = chunk_index(&target) else {
                    continue;
                };
                if heights.len() <= index {
                    heights.resize(index + 1, 0.0);
                }
                heights[index] = entry.content_rect().height();
            }
        });
    });
    let visibility = IntersectionObserver::new(on_visibility.as_ref().unchecked_ref()).ok()?;
    let size = ResizeObserver::new(on_size.as_ref().unchecked_ref()).ok()?;
    Some(Observers {
        visibility,
        size,
        _on_visibility: on_visibility,
        _on_size: on_size,
    })
}

fn chunk_index(element: &Element) -> Option<usize> {
    element
        .dyn_ref::<HtmlElement>()?
        .dataset()
        .get("chunk")?
        .parse()
        .ok()
}
