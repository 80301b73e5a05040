//! The app frame around every signed-in page: navigation, account switcher, session banner.

pub mod account_switcher;
pub mod app_shell;
pub mod nav_bar;

pub use app_shell::AppShell;
