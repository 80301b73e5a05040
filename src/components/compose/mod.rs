//! The composer's views: the dialog (opened by the Compose button, `n`, or
//! [`crate::state::compose::ComposeRequests`]), its form, attachments, poll editor and the
//! saved drafts. State and sending live in [`crate::state::compose`].

pub mod compose_button;
pub mod compose_dialog;
pub mod composer_form;
pub mod composer_head;
pub mod composer_text;
pub mod drafts_list;
pub mod emoji_picker;
pub mod markdown_preview;
pub mod media_tile;
pub mod poll_editor;
pub mod suggestion_list;

pub use compose_button::ComposeButton;
pub use compose_dialog::ComposeDialog;
