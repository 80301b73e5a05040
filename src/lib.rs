//! Woolly: a small, fast Mastodon web client (Leptos, client-side rendered).
//!
//! The layers, each depending only on those below it:
//!
//! - [`pages`] and [`components`]: views. They read and call [`state`]; never [`api`].
//! - [`state`]: the session, the status cache, timeline feeds, and actions (optimistic update →
//!   API → reconcile or revert). The only user of browser storage.
//! - [`api`]: the typed Mastodon client; only `api::http` touches the network.
//! - [`model`]: the entities as servers send them.
//!
//! [`parts`] lists what the home view loads on demand (the release build splits each into its
//! own wasm module).
//!
//! Beside them, pure and host-tested: [`content`] (remote HTML → allow-listed tree),
//! [`format`] (time, counts, handles) and [`routes`].

pub mod api;
pub mod app;
pub mod components;
pub mod compose;
pub mod content;
pub mod format;
pub mod model;
pub mod pages;
pub mod parts;
pub mod routes;
pub mod state;

pub use app::App;
