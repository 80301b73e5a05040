//! A poll: options to vote on (radio or checkboxes) while it is open and you haven't voted;
//! otherwise result bars with your own votes marked. Totals, expiry, and a refresh.

use leptos::{prelude::*, task::spawn_local};

use crate::components::common::{EmojiText, ErrorNotice};
use crate::format::{compact_count, parse_datetime, relative_time};
use crate::model::{Poll, emoji::refs};
use crate::state::{actions, cache::StatusCache, clock::use_clock, session::Session};

#[component]
pub fn PollView(
    poll: Poll,
    /// The status holding the poll (the cache entry to update).
    status_id: String,
) -> impl IntoView {
    let now = use_clock();
    let session = use_context::<Session>();
    let cache = use_context::<StatusCache>();
    let expires = poll.expires_at.as_deref().and_then(parse_datetime);
    let closed = poll.expired || expires.is_some_and(|t| t <= now.get_untracked());
    let can_vote =
        !closed && poll.voted != Some(true) && session.is_some_and(|s| s.client().is_some());
    let emojis = refs(&poll.emojis);
    let chosen = RwSignal::new(Vec::<usize>::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let name = format!("poll-{}", poll.id);

    let options = if can_vote {
        poll.options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let kind = if poll.multiple { "checkbox" } else { "radio" };
                let multiple = poll.multiple;
                view! {
                    <li class="poll-choice">
                        <label>
                            <input
                                type=kind
                                name=name.clone()
                                on:change=move |_| chosen.update(|c| {
                                    if !multiple { c.clear(); }
                                    if let Some(p) = c.iter().position(|x| *x == i) { c.remove(p); } else { c.push(i); }
                                })
                            />
                            <span><EmojiText text=o.title.clone() emojis=emojis.clone() /></span>
                        </label>
                    </li>
                }
                .into_any()
            })
            .collect::<Vec<_>>()
    } else {
        results(&poll, &emojis)
    };

    let (poll_id, sid) = (poll.id.clone(), status_id.clone());
    let submit = move |_| {
        let (Some(session), Some(cache)) = (session, cache) else {
            return;
        };
        let choices = chosen.get_untracked();
        if choices.is_empty() {
            return;
        }
        busy.set(true);
        let (poll_id, sid) = (poll_id.clone(), sid.clone());
        spawn_local(async move {
            if let Err(e) = actions::vote(session, cache, &sid, &poll_id, &choices).await {
                error.set(Some(e.user_message()));
                busy.set(false);
            }
        });
    };
    let (poll_id, sid) = (poll.id.clone(), status_id);
    let refresh = move |_| {
        let (Some(session), Some(cache)) = (session, cache) else {
            return;
        };
        let (poll_id, sid) = (poll_id.clone(), sid.clone());
        spawn_local(async move {
            if let Err(e) = actions::refresh_poll(session, cache, &sid, &poll_id).await {
                error.set(Some(e.user_message()));
            }
        });
    };
    let voters = poll.voters_count.unwrap_or(poll.votes_count);
    let ends = move || match (closed, expires) {
        (true, _) => "Closed".to_string(),
        (false, Some(t)) => format!(
            "Ends {}",
            relative_time(now.get(), t).replace("now", "soon")
        ),
        (false, None) => "Open".to_string(),
    };
    view! {
        <div class="poll">
            <ul class="poll-options">{options}</ul>
            <p class="poll-footer">
                {can_vote.then(|| view! {
                    <button class="button button-small" on:click=submit
                        disabled=move || busy.get() || chosen.with(Vec::is_empty)>
                        {move || if busy.get() { "Voting…" } else { "Vote" }}
                    </button>
                })}
                <span>{format!("{} {}", compact_count(voters), if voters == 1 { "person" } else { "people" })}</span>
                " · "
                <span>{ends}</span>
                " · "
                <button class="link-button" on:click=refresh>"Refresh"</button>
            </p>
            {move || error.get().map(|m| view! { <ErrorNotice message=m /> })}
        </div>
    }
}

fn results(poll: &Poll, emojis: &[crate::content::EmojiRef]) -> Vec<AnyView> {
    let total = if poll.multiple {
        poll.voters_count.unwrap_or(poll.votes_count)
    } else {
        poll.votes_count
    };
    let own = poll.own_votes.clone().unwrap_or_default();
    poll.options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let pct = match o.votes_count {
                Some(v) if total > 0 => (v as f64 * 100.0 / total as f64).round() as u32,
                _ => 0,
            };
            let mine = own.contains(&(i as u32));
            view! {
                <li class="poll-option" class:is-own=mine>
                    <span class="poll-bar" style=format!("width:{pct}%")></span>
                    <span class="poll-pct">{format!("{pct}%")}</span>
                    <span class="poll-title"><EmojiText text=o.title.clone() emojis=emojis.to_vec() /></span>
                    {mine.then(|| view! { <span class="poll-own" title="Your vote">"✓"</span> })}
                </li>
            }
            .into_any()
        })
        .collect()
}
