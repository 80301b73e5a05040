//! `<LoginApp/>`: the root of the sign-in bundle (`login.html`, binary `woolly-login`). It
//! shows the OAuth callback when the address carries one (`code`, `error` or `state`), the
//! sign-in form otherwise. It has no router: after a sign-in it loads `/` (the main bundle).

use leptos::prelude::*;

use crate::api::query::query_param;
use crate::pages::{callback_page::CallbackPage, login_page::LoginPage};
use crate::state::session::provide_session;

/// The current query string (with its `?`), or empty.
pub fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Whether a query string is an OAuth redirect rather than a visit to the sign-in form.
pub fn is_callback(search: &str) -> bool {
    ["code", "error", "state"]
        .iter()
        .any(|k| query_param(search, k).is_some())
}

#[component]
pub fn LoginApp() -> impl IntoView {
    provide_session();
    if is_callback(&current_search()) {
        view! { <CallbackPage /> }.into_any()
    } else {
        view! { <LoginPage /> }.into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::is_callback;

    #[test]
    fn oauth_redirects_are_told_from_form_visits() {
        assert!(is_callback("?code=abc&state=xyz"));
        assert!(is_callback("?error=access_denied&state=xyz"));
        assert!(is_callback("?state=xyz"));
        assert!(!is_callback(""));
        assert!(!is_callback("?add=1"));
        assert!(!is_callback("?instance=https%3A%2F%2Fexample.social"));
    }
}
