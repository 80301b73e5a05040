//! Application state: what outlives a single view.
//!
//! Each module offers `provide_x()` / `use_x()` where it holds reactive state. This layer is
//! the only one that touches browser storage (through [`storage`]) and the only caller of
//! [`crate::api`] for views.

pub mod actions;
pub mod cache;
pub mod clock;
pub mod compose;
pub mod config;
pub mod conversations;
pub mod desktop;
pub mod discovery;
pub mod feed;
pub mod filtering;
pub mod gap_fill;
pub mod location;
pub mod login;
pub mod markers;
pub mod notification_groups;
pub mod notifications;
pub mod offline_store;
pub mod paging;
pub mod perf;
pub mod profile;
pub mod reading_position;
pub mod relationship;
pub mod session;
pub mod storage;
pub mod streaming;
pub mod thread;
pub mod thread_tree;
pub mod toasts;
