//! `<App/>`: provides the app-wide contexts (clock, location, session, status cache) and shows
//! the page of the current [`Route`] ([`crate::state::location`] is the router).

use leptos::prelude::*;

use crate::components::common::on_demand::on_demand;
use crate::components::common::toasts::Toasts;
use crate::components::shell::AppShell;
use crate::components::status::media_viewer::{MediaViewerDialog, provide_media_viewer};
use crate::pages::{
    FederatedPage, HomePage, ListPage, LocalPage, NotFoundPage, ProfileTab, TagPage,
};
use crate::parts::{self, CONVERSATIONS, NOTIFICATIONS, PROFILE, THREAD};
use crate::routes::Route;
use crate::state::{
    cache::provide_status_cache,
    clock::provide_clock,
    feed::provide_feeds,
    location::{provide_location, use_location},
    session::provide_session,
};

#[component]
pub fn App() -> impl IntoView {
    provide_clock();
    let location = provide_location();
    provide_session();
    provide_status_cache();
    provide_feeds();
    provide_media_viewer();
    crate::state::toasts::provide_toasts();
    crate::state::actions::provide_actions();
    crate::state::streaming::provide_live();
    crate::state::compose::provide_compose();
    parts::after_first_paint();
    // Equal routes (a click on the page already shown) keep the page as it is.
    let route = Memo::new(move |_| location.route());
    view! {
        <MediaViewerDialog />
        <Toasts />
        <crate::components::status::status_keys::StatusKeys />
        <crate::components::compose::ComposeDialog />
        {move || page(route.get())}
    }
}

/// The page for `route` (`None`: an unknown address).
fn page(route: Option<Route>) -> AnyView {
    let Some(route) = route else {
        return view! { <NotFoundPage /> }.into_any();
    };
    match route {
        Route::Home => view! { <HomePage /> }.into_any(),
        Route::Local => view! { <LocalPage /> }.into_any(),
        Route::Federated => view! { <FederatedPage /> }.into_any(),
        Route::Tag(tag) => view! { <TagPage tag=tag /> }.into_any(),
        Route::List(id) => view! { <ListPage id=id /> }.into_any(),
        Route::Status(id) => {
            on_demand(THREAD, loading_page("Post"), move |page| page(id.clone())).into_any()
        }
        Route::Account(id) => profile(ProfileTab::Posts, id),
        Route::AccountWithReplies(id) => profile(ProfileTab::WithReplies, id),
        Route::AccountMedia(id) => profile(ProfileTab::Media, id),
        Route::Followers(id) => profile(ProfileTab::Followers, id),
        Route::Following(id) => profile(ProfileTab::Following, id),
        Route::Notifications => {
            on_demand(NOTIFICATIONS, loading_page("Notifications"), |page| page()).into_any()
        }
        Route::Conversations => on_demand(CONVERSATIONS, loading_page("Direct messages"), |page| {
            page()
        })
        .into_any(),
        // `/login` and `/callback` live in the sign-in bundle: hand over with the query.
        Route::Login | Route::Callback => {
            crate::components::common::to_sign_in(&use_location().search.get_untracked())
        }
    }
}

fn profile(tab: ProfileTab, key: String) -> AnyView {
    on_demand(PROFILE, loading_page("Profile"), move |page| {
        page(tab, key.clone())
    })
    .into_any()
}

/// While a page's part loads (or failed to): the app's frame with the page's title around that
/// state, so the navigation stays usable.
fn loading_page(title: &'static str) -> impl Fn(AnyView) -> AnyView + Send + Sync + 'static {
    move |body| view! { <AppShell title=title.to_string()>{body}</AppShell> }.into_any()
}
