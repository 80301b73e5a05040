//! The typed Mastodon client: one module per API area, functions named after the endpoint.
//!
//! This layer knows HTTP and the protocol, never signals or views. Only [`http`] touches the
//! network; [`page`], [`origin`] and [`error`] are pure and host-tested.

pub mod accounts;
pub mod capabilities;
pub mod compose;
pub mod conversations;
pub mod decode;
pub mod error;
pub mod host_meta;
pub mod http;
pub mod instance;
pub mod markers;
pub mod nodeinfo;
pub mod notifications;
pub mod oauth;
pub mod origin;
pub mod page;
pub mod pkce;
pub mod query;
pub mod retry;
pub mod statuses;
pub mod streaming;
pub mod timelines;

pub use error::{ApiError, ErrorKind};
pub use http::Client;
pub use page::Page;
