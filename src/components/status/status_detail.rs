//! Under the focused status of a thread: the full date, the application it was posted with,
//! exact boost and favourite counts, and for an edited status a button that opens its edit
//! history.

use leptos::prelude::*;

use super::edit_history::EditHistory;
use crate::components::common::safe_media_url;
use crate::format::{full_date, parse_datetime};
use crate::model::{Status, Visibility};

/// The viewer's UTC offset in minutes (east positive).
fn utc_offset() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

#[component]
pub fn StatusDetail(#[prop(into)] status: Signal<Status>) -> impl IntoView {
    let history = RwSignal::new(false);
    move || {
        let s = status.get();
        let s = s.shown().clone();
        let date = parse_datetime(&s.created_at).map(|t| full_date(t, utc_offset()));
        let edited = s
            .edited_at
            .as_deref()
            .and_then(parse_datetime)
            .map(|t| full_date(t, utc_offset()));
        let app = s.application.clone().map(|a| {
            match a.website.as_deref().and_then(safe_media_url) {
                Some(href) => view! { <a href=href target="_blank" rel="noopener noreferrer nofollow">{a.name}</a> }.into_any(),
                None => view! { <span>{a.name}</span> }.into_any(),
            }
        });
        let visibility = (s.visibility != Visibility::Public).then(|| s.visibility.label());
        let id = s.id.clone();
        view! {
            <div class="status-detail">
                <p class="status-detail-meta">
                    {date.map(|d| view! { <time datetime=s.created_at.clone()>{d}</time> })}
                    {app.map(|a| view! { <span class="sep">"·"</span> <span class="status-app">"via " {a}</span> })}
                    {visibility.map(|v| view! { <span class="sep">"·"</span> <span>{v}</span> })}
                    {edited.map(|d| view! {
                        <span class="sep">"·"</span>
                        <button class="link-button" aria-haspopup="dialog" on:click=move |_| history.set(true)>
                            {format!("Edited {d}")}
                        </button>
                    })}
                </p>
                <p class="status-detail-counts">
                    <span><strong>{s.reblogs_count}</strong>{if s.reblogs_count == 1 { " boost" } else { " boosts" }}</span>
                    <span><strong>{s.favourites_count}</strong>{if s.favourites_count == 1 { " favourite" } else { " favourites" }}</span>
                    <span><strong>{s.replies_count}</strong>{if s.replies_count == 1 { " reply" } else { " replies" }}</span>
                </p>
                {move || history.get().then(|| view! {
                    <EditHistory id=id.clone() on_close=Callback::new(move |_| history.set(false)) />
                })}
            </div>
        }
    }
}
