//! A profile: its header with the relationship controls, then tabs — Posts (pinned first),
//! Posts and replies, Media — and the followers / following lists. The route parameter is an
//! account id on the viewer's instance, or `@user@host` (looked up).

use leptos::{prelude::*, task::spawn_local};

use crate::api::{accounts::AccountFilter, timelines::TimelineKind};
use crate::components::{
    account::{AccountList, ProfileHeader, RelationshipButtons},
    common::{ErrorNotice, Icon, icon::IconName},
    shell::AppShell,
    status::StatusCard,
    timeline::TimelineFeed,
};
use crate::model::Account;
use crate::routes::Route;
use crate::state::{
    cache::use_status_cache, filtering::FilterContext, profile, session::use_session,
};

/// Which part of the profile a route shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileTab {
    Posts,
    WithReplies,
    Media,
    Followers,
    Following,
}

#[component]
pub fn ProfilePage(
    tab: ProfileTab,
    /// An account id on the signed-in instance, or `@user@host` (decoded from the address).
    key: String,
) -> impl IntoView {
    let session = use_session();
    let key = Signal::stored(key);
    let account = RwSignal::new(None::<Result<Account, crate::api::ApiError>>);
    let load = move || {
        account.set(None);
        let k = key.get_untracked();
        spawn_local(async move { account.set(Some(profile::load_account(session, k).await)) });
    };
    Effect::new(move |_| {
        key.track();
        if session.active().is_some() {
            load();
        }
    });
    let body = move || match account.get() {
        None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
        Some(Err(e)) => {
            let retry = e.is_retryable().then(|| Callback::new(move |_| load()));
            match retry {
                Some(r) => view! { <ErrorNotice message=e.user_message() on_retry=r /> }.into_any(),
                None => view! { <ErrorNotice message=e.user_message() /> }.into_any(),
            }
        }
        Some(Ok(a)) => view! { <Profile account=a tab=tab /> }.into_any(),
    };
    move || match session.active() {
        None => crate::components::common::to_sign_in(""),
        Some(_) => view! { <AppShell title="Profile">{body}</AppShell> }.into_any(),
    }
}

#[component]
fn Profile(account: Account, tab: ProfileTab) -> impl IntoView {
    let session = use_session();
    let own = session.active().is_some_and(|a| a.id == account.id);
    let rel = RwSignal::new(None);
    if !own {
        let id = account.id.clone();
        spawn_local(async move {
            if let Ok(r) = profile::load_relationship(session, id).await {
                rel.set(Some(r));
            }
        });
    }
    let id = account.id.clone();
    let tab_link = |route: Route, label: &'static str, this: ProfileTab| {
        view! {
            <a class="tab" href=route.href() aria-current=(tab == this).then_some("page")>{label}</a>
        }
    };
    let body = match tab {
        ProfileTab::Followers | ProfileTab::Following => {
            let following = tab == ProfileTab::Following;
            view! {
                <h2 class="section-title">{if following { "Following" } else { "Followers" }}</h2>
                <AccountList id=id.clone() following=following />
            }
            .into_any()
        }
        _ => {
            let filter = match tab {
                ProfileTab::WithReplies => AccountFilter::WithReplies,
                ProfileTab::Media => AccountFilter::Media,
                _ => AccountFilter::Posts,
            };
            let label = format!("Posts by @{}", account.acct);
            view! {
                {(tab == ProfileTab::Posts).then(|| view! { <Pinned id=id.clone() /> })}
                <TimelineFeed kind=TimelineKind::Account(id.clone(), filter) label=label />
            }
            .into_any()
        }
    };
    let header_account = account.clone();
    view! {
        <ProfileHeader account=header_account>
            {(!own).then(|| view! { <RelationshipButtons account=account.clone() rel=rel /> })}
        </ProfileHeader>
        <nav class="tabs" aria-label="Profile sections">
            {tab_link(Route::Account(id.clone()), "Posts", ProfileTab::Posts)}
            {tab_link(Route::AccountWithReplies(id.clone()), "Posts and replies", ProfileTab::WithReplies)}
            {tab_link(Route::AccountMedia(id.clone()), "Media", ProfileTab::Media)}
        </nav>
        {body}
    }
}

/// Pinned posts, above the Posts tab's feed.
#[component]
fn Pinned(id: String) -> impl IntoView {
    let session = use_session();
    let cache = use_status_cache();
    let ids = RwSignal::new(Vec::<String>::new());
    spawn_local(async move {
        if let Ok(list) = profile::load_pinned(session, id).await {
            ids.set(list.into_iter().map(|s| cache.insert(s)).collect());
        }
    });
    move || {
        let list = ids.get();
        (!list.is_empty()).then(|| {
            let cards = list
                .iter()
                .filter_map(|id| cache.get(id))
                .map(|s| {
                    view! {
                        <div class="pinned">
                            <p class="pinned-label"><Icon name=IconName::Pen />"Pinned"</p>
                            <StatusCard status=s context=FilterContext::Account />
                        </div>
                    }
                })
                .collect::<Vec<_>>();
            view! { <section class="pinned-list" aria-label="Pinned posts">{cards}</section> }
        })
    }
}
