//! One page per route, thin: each composes components and state.

pub mod callback_page;
pub mod conversations_page;
pub mod login_app;
pub mod login_page;
pub mod not_found_page;
pub mod notifications_page;
pub mod profile_page;
pub mod status_page;
pub mod timeline_page;

pub use conversations_page::ConversationsPage;
pub use not_found_page::NotFoundPage;
pub use notifications_page::NotificationsPage;
pub use profile_page::{ProfilePage, ProfileTab};
pub use status_page::StatusPage;
pub use timeline_page::{FederatedPage, HomePage, ListPage, LocalPage, TagPage};
