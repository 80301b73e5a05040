//! Prefetching the likely next parts once the home view is on screen, when the browser is
//! idle, so that a click rarely waits: the composer first, then a thread, notifications, a
//! profile, the media viewer and conversations. One at a time, so that prefetching never
//! competes with the timeline for a slow link.

use std::time::Duration;

use leptos::{prelude::set_timeout, task::spawn_local};
use wasm_bindgen::{JsCast, closure::Closure};

use super::catalog::*;
use crate::state::perf;

/// How long to wait for the first status before prefetching anyway (deep links, empty feeds).
const FIRST_STATUS_WAIT: Duration = Duration::from_secs(8);
const POLL: Duration = Duration::from_millis(250);

/// Starts prefetching once the first status has been painted (or after a while without one).
pub fn prefetch_after_first_paint() {
    wait_for_first_status(FIRST_STATUS_WAIT);
}

fn wait_for_first_status(left: Duration) {
    if perf::has_mark("woolly:first-status") || left.is_zero() {
        when_idle(|| spawn_local(prefetch_all()));
    } else {
        set_timeout(
            move || wait_for_first_status(left.saturating_sub(POLL)),
            POLL,
        );
    }
}

async fn prefetch_all() {
    // A failure here is not shown: the part is fetched again when it is opened, and that
    // failure is shown with Retry.
    let _ = COMPOSER.load().await;
    let _ = THREAD.load().await;
    let _ = NOTIFICATIONS.load().await;
    let _ = PROFILE.load().await;
    let _ = MEDIA_VIEWER.load().await;
    let _ = CONVERSATIONS.load().await;
}

/// Runs `f` when the browser is idle (`requestIdleCallback`, with a timeout so it does run),
/// or after a short delay where that is missing (Safari).
fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if has_idle {
        let callback = Closure::once_into_js(f);
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(2000);
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else {
        set_timeout(f, Duration::from_millis(300));
    }
}
