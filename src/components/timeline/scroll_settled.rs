//! Runs work once scrolling pauses. Reading layout (which status is at the top) on every
//! scroll frame would force a layout per frame while the reader flicks through the feed.

use std::time::Duration;

use leptos::{ev, leptos_dom::helpers::TimeoutHandle, prelude::*};

/// How long scrolling must pause: shorter than anyone takes to tap a status after scrolling
/// to it, long enough to skip every frame of a fling.
const SETTLE: Duration = Duration::from_millis(100);

/// Calls `f` each time the window stops scrolling, until the calling component goes.
pub fn on_scroll_settled(f: impl Fn() + Clone + 'static) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let handle = window_event_listener(ev::scroll, move |_| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let f = f.clone();
        pending.set_value(set_timeout_with_handle(f, SETTLE).ok());
    });
    on_cleanup(move || {
        handle.remove();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
    });
}
