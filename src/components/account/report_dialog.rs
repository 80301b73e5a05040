//! Reporting an account to its moderators: pick posts (from its recent ones), a category
//! and a comment.

use leptos::{prelude::*, task::spawn_local};

use crate::components::common::{ErrorNotice, modal::Modal};
use crate::content::{plain_text, sanitize};
use crate::state::{profile, session::use_session, toasts::use_toasts};

const CATEGORIES: [(&str, &str); 3] = [
    ("spam", "Spam"),
    ("legislation", "It's illegal"),
    ("other", "Something else"),
];

#[component]
pub fn ReportDialog(account_id: String, name: String, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let statuses = LocalResource::new({
        let id = account_id.clone();
        move || profile::recent_statuses(session, id.clone())
    });
    let chosen = RwSignal::new(Vec::<String>::new());
    let category = RwSignal::new("spam".to_string());
    let comment = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let send = move |_| {
        sending.set(true);
        let id = account_id.clone();
        spawn_local(async move {
            let r = profile::report(
                session,
                id,
                chosen.get_untracked(),
                category.get_untracked(),
                comment.get_untracked(),
            )
            .await;
            sending.set(false);
            match r {
                Ok(()) => {
                    toasts.info("Report sent. Thank you.");
                    on_close.run(());
                }
                Err(e) => toasts.error(format!("Could not send the report: {}", e.user_message())),
            }
        });
    };
    let list = move || {
        statuses.get().map(|r| match r {
            Err(e) => view! { <ErrorNotice message=e.user_message() /> }.into_any(),
            Ok(list) => list.into_iter().filter(|s| s.reblog.is_none()).take(10).map(|s| {
                let refs = s.content_refs();
                let text = plain_text(&sanitize(&s.content, &refs.context()));
                let id = s.id.clone();
                view! {
                    <label class="check report-status">
                        <input type="checkbox" on:change=move |e| {
                            let on = event_target_checked(&e);
                            chosen.update(|c| { c.retain(|x| *x != id); if on { c.push(id.clone()) } });
                        } />
                        <span>{text}</span>
                    </label>
                }
            }).collect::<Vec<_>>().into_any(),
        })
    };
    view! {
        <Modal title=format!("Report @{name}") on_close=on_close>
            <fieldset class="field">
                <legend>"Why?"</legend>
                {CATEGORIES.iter().map(|(value, label)| view! {
                    <label class="check">
                        <input type="radio" name="report-category" value=*value prop:checked=move || category.get() == *value
                            on:change=move |_| category.set(value.to_string()) />
                        <span>{*label}</span>
                    </label>
                }).collect::<Vec<_>>()}
            </fieldset>
            <fieldset class="field report-statuses">
                <legend>"Posts to include"</legend>
                <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>{list}</Suspense>
            </fieldset>
            <label class="field">
                <span>"Anything else the moderators should know?"</span>
                <textarea rows="3" maxlength="1000" on:input=move |e| comment.set(event_target_value(&e))></textarea>
            </label>
            <div class="modal-buttons">
                <button class="button" on:click=move |_| on_close.run(())>"Cancel"</button>
                <button class="button button-primary" disabled=move || sending.get() on:click=send>"Send report"</button>
            </div>
        </Modal>
    }
}
