//! Composing a post, as pure logic: Mastodon's character counter, reply prefill, poll and
//! media checks against instance limits, the language list, and recognising a post whose answer
//! was lost. No signals, no browser; the
//! composer's state lives in [`crate::state::compose`], its views in `components/compose`.

pub mod autocomplete;
pub mod counter;
pub mod draft;
pub mod languages;
pub mod markdown;
pub mod posted;
pub mod rules;
