//! Mastodon API entities, exactly as servers send them.
//!
//! This layer owns decoding only: no HTTP, no signals, no views. Decoding is tolerant where real
//! servers differ (old Mastodon, GoToSocial, Akkoma): optional and defaulted fields follow the
//! recorded responses in `tests/fixtures/`. If a real response does not decode, the model is
//! wrong. IDs are always strings — never numbers (see [`id`]).

pub mod account;
pub mod card;
pub mod emoji;
pub mod error;
pub mod id;
pub mod instance;
pub(crate) mod json;
pub mod media;
pub mod misc;
pub mod notification;
pub mod oauth;
pub mod poll;
pub mod status;

pub use account::{Account, Field};
pub use card::PreviewCard;
pub use emoji::CustomEmoji;
pub use error::ErrorBody;
pub use instance::{InstanceV1, InstanceV2};
pub use media::MediaAttachment;
pub use poll::Poll;
pub use status::{Status, Visibility};
