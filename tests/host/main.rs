//! Host integration tests, compiled as one binary: real fixtures through the models and the
//! pure logic. Fixtures are embedded with `include_str!`, so nothing is read at run time.
#![cfg(not(target_arch = "wasm32"))]

mod capabilities;
mod compose_helpers;
mod compose_rules;
mod content_fixtures;
mod fixtures;
mod instance_input;
mod notification_groups;
mod streaming;
