//! Everything that draws an account: the profile header, relationship controls and their
//! dialogs, and account lists.

pub mod account_list;
pub mod mute_dialog;
pub mod profile_header;
pub mod relationship_buttons;
pub mod report_dialog;

pub use account_list::AccountList;
pub use profile_header::ProfileHeader;
pub use relationship_buttons::RelationshipButtons;
