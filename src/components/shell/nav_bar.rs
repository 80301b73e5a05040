//! Main navigation. Sections not built yet are shown, visibly disabled, so people can see
//! what is coming rather than hitting dead links.

use leptos::prelude::*;

use crate::components::common::{Icon, icon::IconName};
use crate::routes::Route;
use crate::state::location::use_location;

#[component]
pub fn NavBar() -> impl IntoView {
    let location = use_location();
    let item = move |route: Route, icon: IconName, label: &'static str, ready: bool| {
        let href = route.href();
        let current = {
            let href = href.clone();
            move || (location.path.get() == href).then_some("page")
        };
        if ready {
            view! {
                <a class="nav-item" href=href aria-current=current>
                    <Icon name=icon />
                    <span class="nav-label">{label}</span>
                </a>
            }
            .into_any()
        } else {
            view! {
                <span class="nav-item is-disabled" aria-disabled="true" title="Coming soon">
                    <Icon name=icon />
                    <span class="nav-label">{label}</span>
                </span>
            }
            .into_any()
        }
    };
    view! {
        <nav class="nav" aria-label="Main">
            {item(Route::Home, IconName::Home, "Home", true)}
            <crate::components::notification::nav_item::NotificationsNavItem />
            {item(Route::Local, IconName::Users, "Local", true)}
            {item(Route::Federated, IconName::Globe, "Federated", true)}
            {item(Route::Conversations, IconName::Mail, "Direct messages", true)}
            {item(Route::Tag(String::new()), IconName::Hash, "Hashtags", false)}
            {move || {
                let me = crate::state::session::use_session().active().map(|a| a.id);
                let ready = me.is_some();
                item(Route::Account(me.unwrap_or_default()), IconName::User, "Profile", ready)
            }}
        </nav>
    }
}
