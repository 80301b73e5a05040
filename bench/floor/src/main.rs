//! The size floor (see README.md): the smallest app that uses the design's crates the way a client must — a router
//! with two routes, one fetched JSON list decoded with serde, a chrono date.
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use serde::Deserialize;

#[derive(Deserialize, Clone)]
struct Status {
    id: String,
    content: String,
    created_at: chrono::DateTime<chrono::Utc>,
}

#[component]
fn Home() -> impl IntoView {
    let statuses = LocalResource::new(|| async {
        let r = gloo_net::http::Request::get("/api/v1/timelines/public")
            .send()
            .await
            .ok()?;
        r.json::<Vec<Status>>().await.ok()
    });
    view! {
        <Suspense fallback=|| "Loading">
            {move || statuses.get().flatten().map(|list| list.into_iter().map(|s| view! {
                <article data-id=s.id.clone()><p>{s.content}</p><time>{s.created_at.to_rfc3339()}</time></article>
            }).collect_view())}
        </Suspense>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        view! {
            <Router><Routes fallback=|| "Not found">
                <Route path=path!("/") view=Home />
                <Route path=path!("/about") view=|| view! { <p>"About"</p> } />
            </Routes></Router>
        }
    });
}
