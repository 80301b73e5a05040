//! `<App/>`: provides the app-wide contexts (clock, session, status cache) and the route
//! table. The paths match [`crate::routes::Route`].

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::common::on_demand::on_demand;
use crate::components::common::toasts::Toasts;
use crate::components::shell::AppShell;
use crate::components::status::media_viewer::{MediaViewerDialog, provide_media_viewer};
use crate::pages::{
    FederatedPage, HomePage, ListPage, LocalPage, NotFoundPage, ProfileTab, TagPage,
};
use crate::parts::{self, CONVERSATIONS, NOTIFICATIONS, PROFILE, THREAD};
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
    parts::after_first_paint();
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
                <Route path=path!("/statuses/:id") view=|| on_demand(THREAD, loading_page("Post"), |page| page()) />
                <Route path=path!("/accounts/:id") view=|| profile(ProfileTab::Posts) />
                <Route path=path!("/accounts/:id/with_replies") view=|| profile(ProfileTab::WithReplies) />
                <Route path=path!("/accounts/:id/media") view=|| profile(ProfileTab::Media) />
                <Route path=path!("/accounts/:id/followers") view=|| profile(ProfileTab::Followers) />
                <Route path=path!("/accounts/:id/following") view=|| profile(ProfileTab::Following) />
                <Route path=path!("/notifications") view=|| on_demand(NOTIFICATIONS, loading_page("Notifications"), |page| page()) />
                <Route path=path!("/conversations") view=|| on_demand(CONVERSATIONS, loading_page("Direct messages"), |page| page()) />
                <Route path=path!("/login") view=ToSignIn />
                <Route path=path!("/callback") view=ToSignIn />
            </Routes>
        </Router>
    }
}

fn profile(tab: ProfileTab) -> impl IntoView {
    on_demand(PROFILE, loading_page("Profile"), move |page| page(tab))
}

/// While a page's part loads (or failed to): the app's frame with the page's title around that
/// state, so the navigation stays usable.
fn loading_page(title: &'static str) -> impl Fn(AnyView) -> AnyView + Send + Sync + 'static {
    move |body| view! { <AppShell title=title.to_string()>{body}</AppShell> }.into_any()
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
