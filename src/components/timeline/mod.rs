//! Timelines as ARIA feeds.

pub mod timeline_feed;

pub use timeline_feed::TimelineFeed;
