//! In-process tests of the demo instance (one test binary): OAuth, protocol headers,
//! timelines and paging, and the static app server.

mod common;
mod oauth;
mod protocol;
mod static_app;
mod timelines;
