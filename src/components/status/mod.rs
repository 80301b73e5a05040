//! Everything that draws one status: the card and its parts.

pub mod blurhash_canvas;
pub mod edit_history;
pub mod media_grid;
pub mod media_viewer;
pub mod poll_view;
pub mod preview_card_view;
pub mod quote_view;
pub mod status_actions;
pub mod status_body;
pub mod status_card;
pub mod status_detail;
pub mod status_header;
pub mod status_keys;
pub mod status_menu;

pub use status_card::StatusCard;
