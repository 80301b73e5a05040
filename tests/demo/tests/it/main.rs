//! In-process tests of the demo instance (one test binary): OAuth, protocol headers,
//! timelines and paging, the static app server; social actions, posting, notifications,
//! markers, conversations, streaming, media and search.

mod common;
mod live;
mod notifs;
mod oauth;
mod protocol;
mod relations;
mod social;
mod static_app;
mod timelines;
