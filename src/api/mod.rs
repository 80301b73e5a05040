//! The typed Mastodon client: one module per API area, functions named after the endpoint.
//!
//! This layer knows HTTP and the protocol, never signals or views. Only [`http`] touches the
//! network; [`page`], [`origin`] and [`error`] are pure and host-tested.

pub mod accounts;
pub mod decode;
pub mod error;
pub mod http;
pub mod instance;
pub mod oauth;
pub mod origin;
pub mod page;
pub mod pkce;
pub mod query;
pub mod retry;
pub mod timelines;

pub use error::{ApiError, ErrorKind};
pub use http::Client;
pub use page::Page;
