//! A link preview card: image, title, description, provider — one external link.

use leptos::prelude::*;

use crate::components::common::safe_media_url;
use crate::model::PreviewCard;

#[component]
pub fn PreviewCardView(card: PreviewCard) -> impl IntoView {
    let href = safe_media_url(&card.url);
    let image = card.image.as_deref().and_then(safe_media_url);
    let host = card
        .url
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("")
        .to_string();
    let provider = if card.provider_name.is_empty() {
        host
    } else {
        card.provider_name.clone()
    };
    href.map(|href| view! {
        <a class="preview-card" href=href rel="noopener noreferrer nofollow" target="_blank">
            {image.map(|src| view! {
                <img class="preview-image" src=src alt=card.image_description.clone().unwrap_or_default() loading="lazy" decoding="async" />
            })}
            <span class="preview-text">
                <span class="preview-provider">{provider}</span>
                <strong class="preview-title">{card.title.clone()}</strong>
                <span class="preview-description">{card.description.clone()}</span>
            </span>
        </a>
    })
}
