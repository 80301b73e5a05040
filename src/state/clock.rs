//! "Now", as a signal ticking every 30 seconds, so relative times stay fresh without every
//! status running its own timer. Pure formatting takes this value as a parameter.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Clock(pub Signal<DateTime<Utc>>);

pub fn now_utc() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

pub fn provide_clock() {
    let (now, set_now) = signal(now_utc());
    let handle = set_interval_with_handle(
        move || set_now.set(now_utc()),
        std::time::Duration::from_secs(30),
    );
    if let Ok(handle) = handle {
        on_cleanup(move || handle.clear());
    }
    provide_context(Clock(now.into()));
}

/// The app clock, or a fixed "now" when rendered outside the app (component tests).
pub fn use_clock() -> Signal<DateTime<Utc>> {
    use_context::<Clock>()
        .map(|c| c.0)
        .unwrap_or_else(|| Signal::stored(now_utc()))
}
