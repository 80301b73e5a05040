//! One page per route, thin: each composes components and state.

pub mod callback_page;
pub mod login_page;
pub mod not_found_page;
pub mod timeline_page;

pub use callback_page::CallbackPage;
pub use login_page::LoginPage;
pub use not_found_page::NotFoundPage;
pub use timeline_page::{FederatedPage, HomePage, ListPage, LocalPage, TagPage};
