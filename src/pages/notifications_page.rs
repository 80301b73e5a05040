//! `/notifications`: the grouped list with tabs (All / Mentions), types to hide, opt-in
//! browser notifications, and paging as you scroll. Opening it marks notifications read.

use leptos::prelude::*;

use crate::components::{common::ErrorNotice, notification::NotificationRow, shell::AppShell};
use crate::state::{
    desktop,
    feed::FeedState,
    notifications::{HIDEABLE, Notifications, Tab, use_notifications},
    session::use_session,
};

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let session = use_session();
    move || match session.active() {
        None => crate::components::common::to_sign_in(""),
        Some(_) => view! {
            <AppShell title="Notifications">
                <NotificationList />
            </AppShell>
        }
        .into_any(),
    }
}

#[component]
fn NotificationList() -> impl IntoView {
    let n = use_notifications();
    if !n.is_loaded() {
        n.load_more();
    }
    // Seen: the newest group becomes the marker once the list is in.
    Effect::new(move |_| {
        if n.groups.with(|g| !g.is_empty()) {
            n.mark_read();
        }
    });
    let tab = move |t: Tab, label: &'static str| {
        view! {
            <button role="tab" class="nf-tab" aria-selected=move || (n.tab.get() == t).to_string()
                on:click=move |_| if n.tab.get_untracked() != t { n.set_filter(t, n.hidden.get_untracked()) }>
                {label}
            </button>
        }
    };
    view! {
        <div class="notifications-tools">
            <div class="nf-tabs" role="tablist" aria-label="Show">
                {tab(Tab::All, "All")}
                {tab(Tab::Mentions, "Mentions")}
            </div>
            <DesktopToggle n=n />
        </div>
        {move || (n.tab.get() == Tab::All).then(|| view! { <TypeFilters n=n /> })}
        <div class="notification-list" role="feed" aria-label="Notifications"
            aria-busy=move || (n.paging.state.get() == FeedState::Loading).to_string()>
            <For
                each=move || n.groups.get()
                key=|g| (g.key.clone(), g.latest_id.clone(), g.count)
                children=|g| view! { <NotificationRow group=g /> }
            />
        </div>
        <div class="feed-end">
            {move || match n.paging.state.get() {
                FeedState::Loading => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
                FeedState::Failed(e) => {
                    let retry = Callback::new(move |_| {
                        n.paging.state.set(FeedState::Idle);
                        n.load_more();
                    });
                    view! { <ErrorNotice message=e.user_message() on_retry=retry /> }.into_any()
                }
                FeedState::Ended if n.groups.with(Vec::is_empty) => view! {
                    <p class="empty">"No notifications yet."</p>
                }.into_any(),
                FeedState::Ended => view! { <p class="empty">"That's all your notifications."</p> }.into_any(),
                FeedState::Idle => view! {
                    <button class="button button-quiet load-more" on:click=move |_| n.load_more()>"Load more"</button>
                }.into_any(),
            }}
        </div>
    }
}

/// Checkboxes hiding types on the "All" tab.
#[component]
fn TypeFilters(n: Notifications) -> impl IntoView {
    view! {
        <fieldset class="type-filters">
            <legend>"Include"</legend>
            {HIDEABLE.iter().map(|(kind, label)| {
                let kind = kind.to_string();
                let k2 = kind.clone();
                view! {
                    <label class="nf-chip">
                        <input type="checkbox" prop:checked=move || !n.hidden.with(|h| h.contains(&k2))
                            on:change=move |_| {
                                let mut hidden = n.hidden.get_untracked();
                                if let Some(i) = hidden.iter().position(|h| *h == kind) {
                                    hidden.remove(i);
                                } else {
                                    hidden.push(kind.clone());
                                }
                                n.set_filter(Tab::All, hidden);
                            } />
                        {*label}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Opt-in system notifications while the tab is hidden.
#[component]
fn DesktopToggle(n: Notifications) -> impl IntoView {
    if !desktop::supported() {
        return None;
    }
    Some(view! {
        <label class="desktop-toggle">
            <input type="checkbox" role="switch" prop:checked=move || n.desktop.get()
                on:change=move |e| n.set_desktop(event_target_checked(&e)) />
            "Browser notifications"
        </label>
    })
}
