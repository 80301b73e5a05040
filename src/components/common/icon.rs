//! Inline SVG icons (24×24, `currentColor`), so they follow the theme and cost no requests.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IconName {
    Home,
    Bell,
    Users,
    Globe,
    Hash,
    List,
    User,
    Reply,
    Boost,
    Star,
    Bookmark,
    Lock,
    Mail,
    Unlock,
    Logout,
    Plus,
    Bot,
    Pen,
}

fn path(name: IconName) -> &'static str {
    match name {
        IconName::Home => "M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z",
        IconName::Bell => "M6 16V11a6 6 0 1 1 12 0v5l2 2H4zm4 3a2 2 0 0 0 4 0",
        IconName::Users => {
            "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 9a7 7 0 0 1 14 0zm14-9a3 3 0 1 0 0-6m2 15h4a6 6 0 0 0-5-5.9"
        }
        IconName::Globe => {
            "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm-9 9h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z"
        }
        IconName::Hash => "M5 9h15M4 15h15M10 3 8 21M16 3l-2 18",
        IconName::List => "M8 6h13M8 12h13M8 18h13M3.5 6h.01M3.5 12h.01M3.5 18h.01",
        IconName::User => "M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm-8 9a8 8 0 0 1 16 0",
        IconName::Reply => "M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z",
        IconName::Boost => {
            "M17 2l4 4-4 4M3 11V9a3 3 0 0 1 3-3h15M7 22l-4-4 4-4m14-1v2a3 3 0 0 1-3 3H3"
        }
        IconName::Star => "m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z",
        IconName::Bookmark => "M6 3h12v18l-6-4-6 4z",
        IconName::Lock => "M6 11h12v10H6zm2 0V7a4 4 0 0 1 8 0v4",
        IconName::Mail => "M3 5h18v14H3zm0 0 9 7 9-7",
        IconName::Unlock => "M6 11h12v10H6zm2 0V7a4 4 0 0 1 7.7-1.5",
        IconName::Logout => "M15 4h4v16h-4M10 17l5-5-5-5m5 5H3",
        IconName::Plus => "M12 5v14M5 12h14",
        IconName::Bot => "M5 9h14v10H5zm7-5v5M9 14h.01M15 14h.01M2 13v3m20-3v3",
        IconName::Pen => "M4 20h4L19 9l-4-4L4 16zm9-13 4 4",
    }
}

/// A decorative icon (`aria-hidden`); label the control that holds it instead.
#[component]
pub fn Icon(name: IconName) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path(name) />
        </svg>
    }
}
