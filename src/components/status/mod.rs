//! Everything that draws one status: the card and its parts.

pub mod media_grid;
pub mod poll_view;
pub mod preview_card_view;
pub mod status_actions;
pub mod status_body;
pub mod status_card;
pub mod status_header;

pub use status_card::StatusCard;
