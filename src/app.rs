//! `<App/>`: provides the app-wide contexts (clock, session, status cache) and the route
//! table. The paths match [`crate::routes::Route`].

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::common::toasts::Toasts;
use crate::components::status::media_viewer::{MediaViewerDialog, provide_media_viewer};
use crate::pages::{
    FederatedPage, HomePage, ListPage, LocalPage, NotFoundPage, ProfilePage, ProfileTab,
    StatusPage, TagPage,
};
use crate::state::{
    cache::provide_status_cache, clock::provide_clock, feed::provide_feeds,
    session::provide_session,
};

#[component]
pub fn App() -> impl IntoView {
    provide_clock();
    provide_session();
    provide_status_cache();
    provide_feeds();
    provide_media_viewer();
    crate::state::toasts::provide_toasts();
    crate::state::actions::provide_actions();
    crate::state::streaming::provide_live();
    crate::state::compose::provide_compose();
    view! {
        <MediaViewerDialog />
        <Toasts />
        <crate::components::status::status_keys::StatusKeys />
        <crate::components::compose::ComposeDialog />
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/local") view=LocalPage />
                <Route path=path!("/federated") view=FederatedPage />
                <Route path=path!("/tags/:tag") view=TagPage />
                <Route path=path!("/lists/:id") view=ListPage />
                <Route path=path!("/statuses/:id") view=StatusPage />
                <Route path=path!("/accounts/:id") view=|| view! { <ProfilePage tab=ProfileTab::Posts /> } />
                <Route path=path!("/accounts/:id/with_replies") view=|| view! { <ProfilePage tab=ProfileTab::WithReplies /> } />
                <Route path=path!("/accounts/:id/media") view=|| view! { <ProfilePage tab=ProfileTab::Media /> } />
                <Route path=path!("/accounts/:id/followers") view=|| view! { <ProfilePage tab=ProfileTab::Followers /> } />
                <Route path=path!("/accounts/:id/following") view=|| view! { <ProfilePage tab=ProfileTab::Following /> } />
                <Route path=path!("/notifications") view=crate::pages::NotificationsPage />
                <Route path=path!("/conversations") view=crate::pages::ConversationsPage />
                <Route path=path!("/login") view=ToSignIn />
                <Route path=path!("/callback") view=ToSignIn />
            </Routes>
        </Router>
    }
}

/// `/login` and `/callback` live in the sign-in bundle (`login.html`, a second binary, so the
/// home view never downloads discovery and OAuth code): hand over with the query string
/// (`?add=1`, `?instance=…`, or an OAuth `?code&state` / `?error`), replacing this entry.
#[component]
fn ToSignIn() -> impl IntoView {
    let search = leptos_router::hooks::use_location().search.get_untracked();
    let search = search.trim_start_matches('?');
    let target = if search.is_empty() {
        crate::routes::LOGIN_PAGE.to_string()
    } else {
        format!("{}?{search}", crate::routes::LOGIN_PAGE)
    };
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&target);
    }
}
