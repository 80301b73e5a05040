//! Timelines as ARIA feeds, windowed so a thousand statuses stay light.

pub mod chunk_observer;
pub mod feed_chunk;
pub mod feed_keys;
pub mod frame_queue;
pub mod new_posts_pill;
pub mod reading_position;
pub mod scroll_settled;
pub mod timeline_feed;

pub use timeline_feed::TimelineFeed;
