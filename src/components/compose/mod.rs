//! The composer's views: the dialog (opened by the Compose button, `n`, or
//! [`crate::state::compose::ComposeRequests`]), its form, attachments, poll editor and the
//! saved drafts. State and sending live in [`crate::state::compose`].

pub mod compose_button;
pub mod compose_dialog;
pub mod composer_form;
pub mod drafts_list;
pub mod media_tile;
pub mod poll_editor;

pub use compose_button::ComposeButton;
pub use compose_dialog::ComposeDialog;
