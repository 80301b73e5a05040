//! Display formatting: relative and full timestamps, compact counts, account handles.
//!
//! Pure functions whose inputs (including `now` and the UTC offset) are parameters, so they
//! are tested on the host. No locale machinery and no chrono `format()` (too heavy for the
//! WASM budget): English, Mastodon-web style, formatted by hand.

pub mod acct;
pub mod count;
pub mod time;
pub mod word_diff;

pub use acct::{full_handle, short_handle};
pub use count::compact_count;
pub use time::{full_date, parse_date, parse_datetime, relative_time, relative_time_at};
