//! Timeline pages: each is the generic timeline with its own kind and title. Without a
//! signed-in account they send you to sign in.

use leptos::prelude::*;

use crate::api::timelines::TimelineKind;
use crate::components::{shell::AppShell, timeline::TimelineFeed};
use crate::state::session::use_session;

#[component]
fn TimelinePage(kind: Signal<TimelineKind>, title: Signal<String>) -> impl IntoView {
    let session = use_session();
    move || match session.active() {
        None => crate::components::common::to_sign_in(""),
        // Re-created when the account or the timeline changes.
        Some(account) => {
            let _ = account.key();
            let kind = kind.get();
            view! {
                <AppShell title=title>
                    <TimelineFeed kind=kind label=title.get_untracked() />
                </AppShell>
            }
            .into_any()
        }
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    view! { <TimelinePage kind=Signal::stored(TimelineKind::Home) title=Signal::stored("Home".to_string()) /> }
}

#[component]
pub fn LocalPage() -> impl IntoView {
    view! { <TimelinePage kind=Signal::stored(TimelineKind::Local) title=Signal::stored("Local".to_string()) /> }
}

#[component]
pub fn FederatedPage() -> impl IntoView {
    view! { <TimelinePage kind=Signal::stored(TimelineKind::Federated) title=Signal::stored("Federated".to_string()) /> }
}

#[component]
pub fn TagPage(tag: String) -> impl IntoView {
    let tag = Signal::stored(tag);
    view! {
        <TimelinePage
            kind=Signal::derive(move || TimelineKind::Tag(tag.get()))
            title=Signal::derive(move || format!("#{}", tag.get()))
        />
    }
}

#[component]
pub fn ListPage(id: String) -> impl IntoView {
    let id = Signal::stored(id);
    view! {
        <TimelinePage
            kind=Signal::derive(move || TimelineKind::List(id.get()))
            title=Signal::stored("List".to_string())
        />
    }
}
