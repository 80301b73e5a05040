//! "X requested to follow you", with Accept and Reject right in the row. The answer shows in
//! place; a failure says why and leaves the buttons.

use leptos::prelude::*;

use super::{account_stack::AccountStack, display_name};
use crate::components::common::{Icon, icon::IconName};
use crate::state::{notification_groups::Group, notifications::use_notifications};

#[component]
pub fn FollowRequestRow(group: Group) -> impl IntoView {
    let notifications = use_notifications();
    let who = group.accounts.first().cloned()?;
    let name = display_name(&who);
    let id = who.id().to_string();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let answer = {
        let id = id.clone();
        move || {
            notifications
                .answered
                .with(|a| a.iter().find(|(x, _)| *x == id).map(|(_, ok)| *ok))
        }
    };
    let act = move |accept: bool| {
        let id = id.clone();
        move |_| {
            busy.set(true);
            error.set(None);
            notifications.answer_follow_request(id.clone(), accept, error);
        }
    };
    let text = format!("{name} requested to follow you");
    let label = text.clone();
    Some(view! {
        <article class="notification notification-grouped" data-kind="follow_request" aria-label=label>
            <span class="notification-icon is-follow"><Icon name=IconName::Lock /></span>
            <div class="notification-body">
                <AccountStack accounts=vec![who] />
                <p class="notification-text">{text}</p>
                {move || match answer() {
                    Some(true) => view! { <p class="notification-answer" role="status">"Accepted"</p> }.into_any(),
                    Some(false) => view! { <p class="notification-answer" role="status">"Rejected"</p> }.into_any(),
                    None => view! {
                        <div class="notification-actions">
                            <button class="button" disabled=move || busy.get() && error.get().is_none() on:click=act(true)>"Accept"</button>
                            <button class="button button-quiet" disabled=move || busy.get() && error.get().is_none() on:click=act(false)>"Reject"</button>
                        </div>
                    }.into_any(),
                }}
                {move || error.get().map(|e| view! { <p class="notification-error" role="alert">{e}</p> })}
            </div>
        </article>
    })
}
