//! Small building blocks used everywhere: avatar, icons, emoji text, rich content, errors.

pub mod avatar;
pub mod emoji_text;
pub mod error_notice;
pub mod icon;
pub mod modal;
pub mod on_demand;
pub mod rich_content;
pub mod toasts;

pub use avatar::Avatar;
pub use emoji_text::EmojiText;
pub use error_notice::ErrorNotice;
pub use icon::Icon;
pub use rich_content::RichContent;

/// Whether the person asked for less motion (`prefers-reduced-motion`): animated emoji and
/// GIFs then use their static versions.
pub fn prefers_reduced_motion() -> bool {
    // Asked per status and per emoji; the media query list is kept, its answer stays live.
    thread_local! {
        static QUERY: Option<web_sys::MediaQueryList> = web_sys::window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten());
    }
    QUERY.with(|q| q.as_ref().is_some_and(|m| m.matches()))
}

/// A media URL from the server, only if it is http(s): `javascript:`/`data:` never reach
/// `src`.
pub fn safe_media_url(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("https" | "http")).then(|| url.to_string())
}

/// Hands over to the sign-in page (`login.html`, its own bundle, so the home view never
/// downloads discovery and OAuth code) with `query` (`?add=1`, `?instance=…`, an OAuth
/// `?code&state`; may be empty), in place of this history entry. Shows nothing meanwhile.
pub fn to_sign_in(query: &str) -> leptos::prelude::AnyView {
    use leptos::prelude::IntoAny;
    let query = query.trim_start_matches('?');
    let target = if query.is_empty() {
        crate::routes::LOGIN_PAGE.to_string()
    } else {
        format!("{}?{query}", crate::routes::LOGIN_PAGE)
    };
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&target);
    }
    ().into_any()
}

/// Whether focus left the element that handles this `focusout` (a menu's group): the menus
/// close then, as they do on Escape.
pub fn focus_left(e: &web_sys::FocusEvent) -> bool {
    use wasm_bindgen::JsCast;
    let node = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    !node(e.related_target())
        .zip(node(e.current_target()))
        .is_some_and(|(to, group)| group.contains(Some(&to)))
}
