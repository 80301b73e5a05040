//! The parts the home view loads on demand, one split module each. The home view itself (shell,
//! session, home timeline, status cards with their media, polls, cards and actions) stays in
//! the main module; so does the composer's *state* (drafts are saved and restored by it), while
//! the composer's form is a part.

use leptos::prelude::*;

use super::part;
use crate::model::{MediaAttachment, Status};
use crate::pages::ProfileTab;
use crate::state::streaming::Streaming;

part!(
    /// The composer's form: text with autocomplete, emoji picker, uploads, poll editor,
    /// Markdown preview, drafts list.
    COMPOSER, composer, "the composer", fn() -> AnyView,
    || view! { <crate::components::compose::composer_form::ComposerForm /> }.into_any()
);

part!(
    /// A thread (`/statuses/:id`) with its edit history.
    THREAD, thread, "the thread", fn(String) -> AnyView,
    |id| view! { <crate::pages::StatusPage id=id /> }.into_any()
);

part!(
    /// A profile with its tabs, relationship controls, mute and report dialogs.
    PROFILE, profile, "the profile", fn(ProfileTab, String) -> AnyView,
    |tab, key| view! { <crate::pages::ProfilePage tab=tab key=key /> }.into_any()
);

part!(
    /// Notifications, grouped, with follow requests.
    NOTIFICATIONS, notifications, "notifications", fn() -> AnyView,
    || view! { <crate::pages::NotificationsPage /> }.into_any()
);

part!(
    /// Direct conversations.
    CONVERSATIONS, conversations, "conversations", fn() -> AnyView,
    || view! { <crate::pages::ConversationsPage /> }.into_any()
);

part!(
    /// The full-screen media viewer's content for one attachment of a status.
    MEDIA_VIEWER, media_viewer, "the media viewer", fn(Vec<MediaAttachment>, usize) -> AnyView,
    crate::components::status::media_viewer::viewer_body
);

part!(
    /// Live updates: the streaming socket, its events, reconnecting and polling
    /// ([`Streaming::start`]); started once the home view is on screen.
    LIVE, live, "live updates", fn(Streaming),
    Streaming::start
);

/// The menus of a status, built when opened: "more" (status, own?, its open flag) and the
/// boost visibility choices (what to do with the choice).
#[derive(Clone, Copy)]
pub struct Menus {
    pub status: fn(Status, bool, RwSignal<bool>) -> AnyView,
    pub boost: fn(Callback<&'static str>) -> AnyView,
}

part!(
    /// The status menus: copy link, mute conversation, pin, edit, delete, delete & redraft,
    /// quote, and the boost visibility choices.
    MENUS, menus, "the menu", Menus,
    Menus {
        status: crate::components::status::status_menu::status_menu_items,
        boost: crate::components::status::status_actions::boost_menu_items,
    }
);
