//! A quoted post (Mastodon 4.4+) inside the quoting one: author, content and media, linked to
//! the original. States other than `accepted` show why the quote isn't displayed.

use leptos::prelude::*;

use super::{media_grid::MediaGrid, status_body::StatusBody};
use crate::components::common::{Avatar, EmojiText};
use crate::model::{emoji::refs, status::Quote};
use crate::routes::Route;

#[component]
pub fn QuoteView(quote: Quote) -> impl IntoView {
    let Some(quoted) = quote.quoted_status.filter(|_| quote.state == "accepted") else {
        let why = match quote.state.as_str() {
            "pending" => "The quoted post hasn't been approved by its author yet.",
            "rejected" | "revoked" => "The author of the quoted post removed this quote.",
            "deleted" => "The quoted post has been deleted.",
            "accepted" => "The quoted post isn't available.",
            _ => "You can't see the quoted post.",
        };
        return view! { <p class="quote quote-unavailable">{why}</p> }.into_any();
    };
    let account = quoted.account.clone();
    view! {
        <blockquote class="quote">
            <a class="quote-author" href=Route::Status(quoted.id.clone()).href()>
                <Avatar src=account.avatar_static.clone() size=20 />
                <span class="display-name"><EmojiText text=account.name().to_string() emojis=refs(&account.emojis) /></span>
                <span class="acct">"@" {account.acct.clone()}</span>
            </a>
            <StatusBody status=(*quoted).clone() />
            {(!quoted.media_attachments.is_empty()).then(|| view! {
                <MediaGrid media=quoted.media_attachments.clone() sensitive=quoted.sensitive />
            })}
        </blockquote>
    }
    .into_any()
}
