//! One status in a feed: an `<article>` labelled by its author and time. A boost shows
//! "X boosted" above the boosted status, which is what the card draws.

use leptos::prelude::*;

use super::{
    media_grid::MediaGrid, poll_view::PollView, preview_card_view::PreviewCardView,
    status_actions::StatusActions, status_body::StatusBody, status_header::StatusHeader,
};
use crate::components::common::{EmojiText, Icon, icon::IconName};
use crate::model::{Status, emoji::refs};
use crate::routes::Route;

#[component]
pub fn StatusCard(
    /// The status as received (a boost wrapper or a plain status).
    #[prop(into)]
    status: Signal<Status>,
    /// Position in the feed (1-based), for `aria-posinset`.
    #[prop(optional)]
    posinset: Option<usize>,
    /// Size of the feed, `-1` when unknown (more can load).
    #[prop(optional, into)]
    setsize: Option<Signal<i64>>,
) -> impl IntoView {
    move || {
        let wrapper = status.get();
        let booster = wrapper.reblog.is_some().then(|| wrapper.account.clone());
        let shown = wrapper.shown().clone();
        let label_id = format!("status-{}", wrapper.id);
        let is_boost = booster.is_some();
        let labelled_by = format!("{label_id}-author {label_id}-time");
        view! {
            <article
                class="status"
                class:is-boost=is_boost
                aria-posinset=posinset
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
                <div class="status-main">
                    <StatusBody status=shown.clone() />
                    {(!shown.media_attachments.is_empty()).then(|| view! {
                        <MediaGrid media=shown.media_attachments.clone() sensitive=shown.sensitive />
                    })}
                    {shown.poll.clone().map(|poll| view! { <PollView poll=poll /> })}
                    {shown.card.clone().filter(|_| shown.media_attachments.is_empty() && shown.poll.is_none())
                        .map(|card| view! { <PreviewCardView card=card /> })}
                    <StatusActions status=shown />
                </div>
            </article>
        }
    }
}
