//! A poll's options with result bars, own votes marked, and totals and expiry.

use leptos::prelude::*;

use crate::components::common::EmojiText;
use crate::format::{compact_count, parse_datetime, relative_time};
use crate::model::{Poll, emoji::refs};
use crate::state::clock::use_clock;

#[component]
pub fn PollView(poll: Poll) -> impl IntoView {
    let now = use_clock();
    let total = poll
        .voters_count
        .filter(|_| poll.multiple)
        .unwrap_or(poll.votes_count)
        .max(1);
    let own = poll.own_votes.clone().unwrap_or_default();
    let emojis = refs(&poll.emojis);
    let expires = poll.expires_at.as_deref().and_then(parse_datetime);
    let expired = poll.expired;
    let options = poll.options.iter().enumerate().map(|(i, o)| {
        let votes = o.votes_count.unwrap_or(0);
        let pct = (votes as f64 * 100.0 / total as f64).round() as u32;
        let mine = own.contains(&(i as u32));
        view! {
            <li class="poll-option" class:is-own=mine>
                <span class="poll-bar" style=format!("width:{pct}%")></span>
                <span class="poll-pct">{format!("{pct}%")}</span>
                <span class="poll-title"><EmojiText text=o.title.clone() emojis=emojis.clone() /></span>
                {mine.then(|| view! { <span class="visually-hidden">" (your vote)"</span> })}
            </li>
        }
    }).collect::<Vec<_>>();
    let voters = poll.voters_count.unwrap_or(poll.votes_count);
    view! {
        <div class="poll">
            <ul class="poll-options">{options}</ul>
            <p class="poll-footer">
                {format!("{} people", compact_count(voters))}
                " · "
                {move || match (expired, expires) {
                    (true, _) => "Closed".to_string(),
                    (false, Some(t)) if t > now.get() => format!("ends in {}", relative_time(now.get(), t).trim_start_matches("now")),
                    (false, Some(_)) => "Closed".to_string(),
                    (false, None) => "Open".to_string(),
                }}
            </p>
        </div>
    }
}
