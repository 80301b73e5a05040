//! `<App/>`: provides the app-wide contexts (clock, session, status cache) and the route
//! table. The paths match [`crate::routes::Route`].

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::pages::{
    CallbackPage, FederatedPage, HomePage, ListPage, LocalPage, LoginPage, NotFoundPage, TagPage,
};
use crate::state::{cache::provide_status_cache, clock::provide_clock, session::provide_session};

#[component]
pub fn App() -> impl IntoView {
    provide_clock();
    provide_session();
    provide_status_cache();
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/local") view=LocalPage />
                <Route path=path!("/federated") view=FederatedPage />
                <Route path=path!("/tags/:tag") view=TagPage />
                <Route path=path!("/lists/:id") view=ListPage />
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/callback") view=CallbackPage />
            </Routes>
        </Router>
    }
}
