//! One status in a feed: an `<article>` labelled by its author and time. A boost shows
//! "X boosted" above the boosted status, which is what the card draws (read from the cache,
//! so an action on the original shows on every boost of it). Filtered statuses are hidden or
//! collapsed behind the filter's title.

use leptos::prelude::*;

use super::{
    media_grid::MediaGrid, poll_view::PollView, preview_card_view::PreviewCardView,
    quote_view::QuoteView, status_actions::StatusActions, status_body::StatusBody,
    status_header::StatusHeader,
};
use crate::components::common::{EmojiText, Icon, icon::IconName};
use crate::model::{Status, emoji::refs};
use crate::routes::Route;
use crate::state::{
    cache::StatusCache,
    clock::use_clock,
    filtering::{FilterContext, FilterVerdict, verdict},
};

#[component]
pub fn StatusCard(
    /// The status as received (a boost wrapper or a plain status).
    #[prop(into)]
    status: Signal<Status>,
    /// Where it is shown, for filters.
    #[prop(default = FilterContext::Home)]
    context: FilterContext,
    /// Position in the feed (1-based), for `aria-posinset`.
    #[prop(optional, into)]
    posinset: Option<Signal<usize>>,
    /// Size of the feed, `-1` when unknown (more can load).
    #[prop(optional, into)]
    setsize: Option<Signal<i64>>,
) -> impl IntoView {
    let cache = use_context::<StatusCache>();
    let now = use_clock();
    let reveal_filtered = RwSignal::new(false);
    // The boosted status from the cache when it is there (it may be newer than the copy
    // inside the wrapper).
    let shown = Signal::derive(move || {
        let wrapper = status.get();
        match (&wrapper.reblog, cache) {
            (Some(inner), Some(cache)) => cache
                .get(&inner.id)
                .map(|s| s.get())
                .unwrap_or((**inner).clone()),
            (Some(inner), None) => (**inner).clone(),
            (None, _) => wrapper,
        }
    });
    move || {
        let wrapper = status.get();
        let shown = shown.get();
        let verdict = verdict(&shown, context, now.get_untracked());
        if verdict == FilterVerdict::Hide {
            return None;
        }
        let booster = wrapper.reblog.is_some().then(|| wrapper.account.clone());
        let label_id = format!("status-{}", wrapper.id);
        let labelled_by = format!("{label_id}-author {label_id}-time");
        let is_boost = booster.is_some();
        let filtered_titles = match verdict {
            FilterVerdict::Warn(titles) => Some(titles.join(", ")),
            _ => None,
        };
        let filtered = filtered_titles.is_some();
        Some(view! {
            <article
                class="status"
                class:is-boost=is_boost
                aria-posinset=move || posinset.map(|p| p.get())
                aria-setsize=move || setsize.map(|s| s.get())
                aria-labelledby=labelled_by
                tabindex="0"
                data-id=wrapper.id.clone()
            >
                {booster.map(|b| view! {
                    <div class="status-context">
                        <Icon name=IconName::Boost />
                        <a href=Route::Account(b.id.clone()).href()>
                            <EmojiText text=b.name().to_string() emojis=refs(&b.emojis) />
                        </a>
                        " boosted"
                    </div>
                })}
                <StatusHeader status=shown.clone() label_id=label_id />
                {filtered_titles.map(|titles| view! {
                    <div class="filtered-notice">
                        <p>{format!("Filtered: {titles}")}</p>
                        <button class="button button-small" aria-expanded=move || reveal_filtered.get().to_string()
                            on:click=move |_| reveal_filtered.update(|r| *r = !*r)>
                            {move || if reveal_filtered.get() { "Hide" } else { "Show anyway" }}
                        </button>
                    </div>
                })}
                <div class="status-main" hidden=move || filtered && !reveal_filtered.get()>
                    {reply_line(&shown)}
                    <StatusBody status=shown.clone() />
                    {(!shown.media_attachments.is_empty()).then(|| view! {
                        <MediaGrid media=shown.media_attachments.clone() sensitive=shown.sensitive />
                    })}
                    {shown.poll.clone().map(|poll| view! { <PollView poll=poll status_id=shown.id.clone() /> })}
                    {shown.quote.clone().map(|quote| view! { <QuoteView quote=quote /> })}
                    {shown.card.clone().filter(|_| shown.media_attachments.is_empty() && shown.poll.is_none() && shown.quote.is_none())
                        .map(|card| view! { <PreviewCardView card=card /> })}
                    <StatusActions status=shown.clone() />
                </div>
            </article>
        })
    }
}

/// "Replying to @x" (or "Continued thread" for a self-reply), linked to the parent.
fn reply_line(status: &Status) -> Option<impl IntoView + use<>> {
    let parent = status.in_reply_to_id.clone()?;
    let to = status.in_reply_to_account_id.as_deref();
    let text = if to == Some(status.account.id.as_str()) {
        "Continued thread".to_string()
    } else {
        match status.mentions.iter().find(|m| Some(m.id.as_str()) == to) {
            Some(m) => format!("Replying to @{}", m.acct),
            None => "Replying to a post".to_string(),
        }
    };
    Some(view! {
        <a class="reply-to" href=Route::Status(parent).href()>
            <Icon name=IconName::Reply />
            <span>{text}</span>
        </a>
    })
}
