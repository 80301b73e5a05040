//! The action bar: reply, boost (with a visibility choice, whose menu is built when opened),
//! favourite and bookmark with their counts, and the "more" menu. Every toggle is optimistic through
//! [`crate::state::actions::toggle`]; a button shows `aria-busy` while its request runs.
//! Each button carries `data-action` so keyboard shortcuts (`status_keys`) can press it.

use leptos::{prelude::*, task::spawn_local};

use super::status_menu::StatusMenu;
use crate::components::common::{Icon, focus_left, icon::IconName, on_demand::on_demand};
use crate::format::compact_count;
use crate::model::{Status, Visibility};
use crate::parts::MENUS;
use crate::routes::Route;
use crate::state::{
    actions::{self, OpenReply, Toggle, use_pending},
    cache::use_status_cache,
    session::use_session,
    toasts::use_toasts,
};

#[component]
pub fn StatusActions(status: Status) -> impl IntoView {
    let session = use_session();
    let cache = use_status_cache();
    let toasts = use_toasts();
    let pending = use_pending();
    let location = crate::state::location::use_location();
    let id = status.id.clone();
    let run = {
        let id = id.clone();
        move |t: Toggle, on: bool, visibility: Option<&'static str>| {
            let id = id.clone();
            spawn_local(actions::toggle(
                session,
                cache,
                toasts,
                id,
                t,
                on,
                visibility.map(str::to_string),
            ));
        }
    };
    let busy = {
        let id = id.clone();
        move |t: Toggle| {
            let id = id.clone();
            move || pending.is_some_and(|p| p.is(&id, t))
        }
    };
    let reply = {
        let id = id.clone();
        move |_| match use_context::<OpenReply>() {
            Some(OpenReply(open)) => open.run(id.clone()),
            None => location.navigate(&Route::Status(id.clone()).href(), false),
        }
    };
    // Private and direct posts cannot be boosted (only a followers-only post by its author).
    let own = session.active().is_some_and(|a| a.id == status.account.id);
    let boostable = match status.visibility {
        Visibility::Public | Visibility::Unlisted => true,
        Visibility::Private => own,
        _ => false,
    };
    let boosted = Toggle::Reblog.is_on(&status);
    let faved = Toggle::Favourite.is_on(&status);
    let marked = Toggle::Bookmark.is_on(&status);
    let boost_menu = RwSignal::new(false);
    let count =
        |n: u64| (n > 0).then(|| view! { <span class="action-count">{compact_count(n)}</span> });
    let run_b = run.clone();
    let run_f = run.clone();
    let run_d = run.clone();
    let choose = Callback::new(move |visibility: &'static str| {
        boost_menu.set(false);
        run(Toggle::Reblog, true, Some(visibility));
    });
    view! {
        <footer class="status-actions">
            <button class="action" data-action="reply" aria-label=format!("Reply ({})", status.replies_count)
                title="Reply" on:click=reply>
                <Icon name=IconName::Reply />
                {count(status.replies_count)}
            </button>
            <span class="action-group"
                on:focusout=move |e| if focus_left(&e) { boost_menu.set(false); }
                on:keydown=move |e| if e.key() == "Escape" { boost_menu.set(false); }
            >
                <button class="action action-boost" data-action="boost" class:is-active=boosted
                    aria-pressed=boosted.to_string() aria-busy=busy(Toggle::Reblog)
                    aria-label=format!("Boost ({})", status.reblogs_count)
                    title=if boosted { "Undo boost" } else { "Boost" }
                    disabled=!boostable
                    on:click=move |_| run_b(Toggle::Reblog, !boosted, None)>
                    <Icon name=IconName::Boost />
                    {count(status.reblogs_count)}
                </button>
                {(boostable && !boosted).then(|| view! {
                    <button class="action action-caret" aria-label="Boost with visibility…" aria-haspopup="menu"
                        aria-expanded=move || boost_menu.get().to_string()
                        on:click=move |_| boost_menu.update(|o| *o = !*o)>"▾"</button>
                    {move || boost_menu.get().then(|| on_demand(
                        MENUS,
                        |state| view! { <div class="menu" role="menu">{state}</div> }.into_any(),
                        move |menus| (menus.boost)(choose),
                    ))}
                })}
            </span>
            <button class="action action-fav" data-action="favourite" class:is-active=faved
                aria-pressed=faved.to_string() aria-busy=busy(Toggle::Favourite)
                aria-label=format!("Favourite ({})", status.favourites_count)
                title=if faved { "Remove favourite" } else { "Favourite" }
                on:click=move |_| run_f(Toggle::Favourite, !faved, None)>
                <Icon name=IconName::Star />
                {count(status.favourites_count)}
            </button>
            <button class="action action-bookmark" data-action="bookmark" class:is-active=marked
                aria-pressed=marked.to_string() aria-busy=busy(Toggle::Bookmark)
                aria-label="Bookmark" title=if marked { "Remove bookmark" } else { "Bookmark" }
                on:click=move |_| run_d(Toggle::Bookmark, !marked, None)>
                <Icon name=IconName::Bookmark />
            </button>
            <StatusMenu status=status own=own />
        </footer>
    }
}

/// The boost menu's choices (the on-demand part [`crate::parts::MENUS`]): `choose` boosts with
/// that visibility.
pub fn boost_menu_items(choose: Callback<&'static str>) -> AnyView {
    view! {
        <div class="menu" role="menu">
            <button role="menuitem" on:click=move |_| choose.run("public")>"Boost publicly"</button>
            <button role="menuitem" on:click=move |_| choose.run("unlisted")>"Boost quietly (unlisted)"</button>
            <button role="menuitem" on:click=move |_| choose.run("private")>"Boost to followers only"</button>
        </div>
    }
    .into_any()
}
