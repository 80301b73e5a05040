//! Views shared by pages, one component per file. Components read and call `state`; they
//! never call `api` directly.

pub mod common;
pub mod shell;
pub mod status;
pub mod timeline;
