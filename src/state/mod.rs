//! Application state: what outlives a single view.
//!
//! Each module offers `provide_x()` / `use_x()` where it holds reactive state. This layer is
//! the only one that touches browser storage (through [`storage`]) and the only caller of
//! [`crate::api`] for views.

pub mod cache;
pub mod clock;
pub mod config;
pub mod feed;
pub mod login;
pub mod session;
pub mod storage;
