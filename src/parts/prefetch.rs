//! What happens once the home view is on screen: live updates start (their part is loaded
//! first), then, when the browser is idle, the likely next parts are prefetched so that a click
//! rarely waits: the composer first, the status menus, then a thread, notifications, a profile,
//! the media viewer and conversations. One at a time, so that nothing competes with the timeline
//! on a slow link.

use std::time::Duration;

use leptos::{
    prelude::{Owner, set_timeout},
    task::spawn_local,
};
use wasm_bindgen::{JsCast, closure::Closure};

use super::catalog::*;
use crate::state::{
    perf,
    streaming::{Streaming, use_streaming},
};

/// How long to wait for the first status before going on anyway (deep links, empty feeds).
const FIRST_STATUS_WAIT: Duration = Duration::from_secs(8);
const POLL: Duration = Duration::from_millis(250);
/// Retries of the live-updates part when it cannot be fetched (offline): then every minute.
const LIVE_RETRY: Duration = Duration::from_secs(60);

/// Call once in the app's body: starts live updates and prefetching after the first status
/// has been painted (or after a while without one).
pub fn after_first_paint() {
    let owner = Owner::current();
    let streaming = use_streaming();
    wait_for_first_status(FIRST_STATUS_WAIT, move || {
        start_live(owner, streaming);
        when_idle(|| spawn_local(prefetch_all()));
    });
}

/// Loads the live-updates part and starts it inside the app's owner (its effects belong to the
/// app, not to the loading task); if it cannot be fetched, tries again a minute later.
fn start_live(owner: Option<Owner>, streaming: Streaming) {
    spawn_local(async move {
        match LIVE.load().await {
            Ok(start) => match &owner {
                Some(owner) => owner.with(|| start(streaming)),
                None => start(streaming),
            },
            Err(_) => set_timeout(move || start_live(owner, streaming), LIVE_RETRY),
        }
    });
}

fn wait_for_first_status(left: Duration, then: impl FnOnce() + 'static) {
    if perf::has_mark("woolly:first-status") || left.is_zero() {
        then();
    } else {
        set_timeout(
            move || wait_for_first_status(left.saturating_sub(POLL), then),
            POLL,
        );
    }
}

async fn prefetch_all() {
    // A failure here is not shown: the part is fetched again when it is opened, and that
    // failure is shown with Retry.
    let _ = COMPOSER.load().await;
    let _ = MENUS.load().await;
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
