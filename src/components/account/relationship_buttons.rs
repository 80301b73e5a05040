//! The relationship controls on a profile: the marks ("Follows you", "Requested", "Muted",
//! …), the main button (follow / unfollow / cancel request / unblock, changing at once and
//! then to the server's answer), and a menu with notify on posts, show boosts, endorse, mute
//! (with duration), block, block domain and report.

use leptos::{prelude::*, task::spawn_local};

use super::{mute_dialog::MuteDialog, report_dialog::ReportDialog};
use crate::model::{Account, misc::Relationship};
use crate::state::{
    profile::{self, RelationAction},
    relationship::{derive, optimistic},
    session::use_session,
    toasts::use_toasts,
};

#[component]
pub fn RelationshipButtons(account: Account, rel: RwSignal<Option<Relationship>>) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let busy = RwSignal::new(false);
    let menu = RwSignal::new(false);
    let muting = RwSignal::new(false);
    let reporting = RwSignal::new(false);
    let id = account.id.clone();
    let locked = account.locked;
    let name = account.acct.clone();
    let domain = account.acct.split_once('@').map(|(_, d)| d.to_string());
    let act = {
        let id = id.clone();
        move |action: RelationAction, guess: Option<Relationship>| {
            let Some(current) = rel.get_untracked() else {
                return;
            };
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            menu.set(false);
            if let Some(g) = guess {
                rel.set(Some(g));
            }
            let id = id.clone();
            spawn_local(async move {
                match profile::relate(session, id, current.clone(), action).await {
                    Ok(r) => rel.set(Some(r)),
                    Err(e) => {
                        rel.set(Some(current));
                        toasts.error(e.user_message());
                    }
                }
                busy.set(false);
            });
        }
    };
    let act = StoredValue::new(act);
    let run = move |a: RelationAction| act.with_value(|f| f(a, None));
    let confirm = |text: &str| {
        web_sys::window()
            .and_then(|w| w.confirm_with_message(text).ok())
            .unwrap_or(false)
    };
    let block_domain = move |domain: String| {
        if !confirm(&format!(
            "Block everything from {domain}? You will no longer see posts or notifications from it."
        )) {
            return;
        }
        menu.set(false);
        spawn_local(async move {
            match profile::block_domain(session, domain.clone()).await {
                Ok(()) => {
                    rel.update(|r| {
                        if let Some(r) = r {
                            r.domain_blocking = true
                        }
                    });
                    toasts.info(format!("Blocked {domain}"));
                }
                Err(e) => toasts.error(e.user_message()),
            }
        });
    };
    let block_name = name.clone();
    view! {
        {move || rel.get().map(|r| {
            let view = derive(&r);
            let primary = view.primary;
            let guess = optimistic(&r, primary, locked);
            let (reblogs, notify) = (r.showing_reblogs, r.notifying);
            let block_name = block_name.clone();
            let domain = domain.clone();
            view! {
                <ul class="relationship-marks" aria-label="Relationship">
                    {view.marks.iter().map(|m| view! { <li class="relationship-mark">{*m}</li> }).collect::<Vec<_>>()}
                </ul>
                <button class="button" class:button-primary=!primary.is_engaged() aria-busy=move || busy.get().to_string()
                    disabled=move || busy.get()
                    on:click=move |_| act.with_value(|f| f(RelationAction::Primary(primary), Some(guess.clone())))>
                    {primary.label()}
                </button>
                <span class="action-group"
                    on:focusout=move |e| if crate::components::common::focus_left(&e) { menu.set(false); }
                    on:keydown=move |e| if e.key() == "Escape" { menu.set(false); }>
                    <button class="button button-icon" aria-label="More actions for this account" aria-haspopup="menu"
                        aria-expanded=move || menu.get().to_string() on:click=move |_| menu.update(|m| *m = !*m)>"⋯"</button>
                    <div class="menu menu-end" role="menu" hidden=move || !menu.get()>
                        {r.following.then(|| view! {
                            <button role="menuitemcheckbox" aria-checked=notify.to_string()
                                on:click=move |_| run(RelationAction::FollowOptions { reblogs, notify: !notify })>
                                {if notify { "Stop notifying me of posts" } else { "Notify me of posts" }}
                            </button>
                            <button role="menuitemcheckbox" aria-checked=reblogs.to_string()
                                on:click=move |_| run(RelationAction::FollowOptions { reblogs: !reblogs, notify })>
                                {if reblogs { "Hide boosts" } else { "Show boosts" }}
                            </button>
                            <button role="menuitem" on:click=move |_| run(RelationAction::Endorse(!r.endorsed))>
                                {if r.endorsed { "Stop featuring on profile" } else { "Feature on profile" }}
                            </button>
                            <hr />
                        })}
                        {if r.muting {
                            view! { <button role="menuitem" on:click=move |_| run(RelationAction::Unmute)>"Unmute"</button> }.into_any()
                        } else {
                            view! { <button role="menuitem" on:click=move |_| { menu.set(false); muting.set(true) }>"Mute…"</button> }.into_any()
                        }}
                        {(!r.blocking).then(|| view! {
                            <button role="menuitem" class="is-danger" on:click=move |_| {
                                if confirm(&format!("Block @{block_name}? They will not be able to follow you or see your posts.")) {
                                    run(RelationAction::Block)
                                }
                            }>"Block"</button>
                        })}
                        {domain.filter(|_| !r.domain_blocking).map(|d| {
                            let label = format!("Block domain {d}");
                            view! { <button role="menuitem" class="is-danger" on:click=move |_| block_domain(d.clone())>{label}</button> }
                        })}
                        <button role="menuitem" class="is-danger" on:click=move |_| { menu.set(false); reporting.set(true) }>"Report…"</button>
                    </div>
                </span>
            }
        })}
        {move || muting.get().then(|| view! {
            <MuteDialog name=name.clone()
                on_close=Callback::new(move |_| muting.set(false))
                on_mute=Callback::new(move |(duration_secs, notifications)| {
                    muting.set(false);
                    run(RelationAction::Mute { duration_secs, notifications });
                }) />
        })}
        {move || reporting.get().then(|| view! {
            <ReportDialog account_id=id.clone() name=account.acct.clone() on_close=Callback::new(move |_| reporting.set(false)) />
        })}
    }
}
