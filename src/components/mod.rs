//! Views shared by pages, one component per file. Components read and call `state`; they
//! never call `api` directly.

pub mod account;
pub mod common;
pub mod compose;
pub mod notification;
pub mod shell;
pub mod status;
pub mod timeline;
