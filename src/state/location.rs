//! Where the app is: the current path and query as signals, navigation through the History
//! API, and in-app links followed without a reload.
//!
//! This is Woolly's whole router. The routes are data ([`crate::routes::Route`], host-tested)
//! and `app.rs` matches on them; leptos_router did the same job with 44.7 KiB gzip more of
//! generic code in the home view's module, which issue 12 budgets.
//!
//! Rules, as a browser would expect: a plain left click on an `<a href>` to this origin whose
//! path has no file extension (`/login.html` stays a page load), with no `target`/`download`,
//! navigates in place and scrolls to the top; Back and Forward (`popstate`) switch views and
//! leave the scroll position to the page (feeds restore their own). Everything else — other
//! origins, anchors on the page shown, modifier keys, middle clicks — is the browser's.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

use crate::routes::Route;

/// The current address.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, e.g. `/statuses/1`.
    pub path: RwSignal<String>,
    /// The query string with its `?`, or empty.
    pub search: RwSignal<String>,
}

impl Location {
    /// The route of the current path (tracked); `None` for an unknown path.
    pub fn route(&self) -> Option<Route> {
        self.path.with(|p| Route::parse(p))
    }

    /// Goes to `href` (a path with an optional query): a new history entry, or in place of the
    /// current one with `replace`.
    pub fn navigate(&self, href: &str, replace: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
            };
        }
        self.sync();
        if !replace {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Reads the address bar into the signals (after history moved).
    fn sync(&self) {
        let (path, search) = current();
        self.path.set(path);
        self.search.set(search);
    }
}

fn current() -> (String, String) {
    web_sys::window()
        .map(|w| w.location())
        .map(|l| {
            (
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default(),
            )
        })
        .unwrap_or_else(|| ("/".into(), String::new()))
}

/// Provides the location and starts following in-app links and Back/Forward.
pub fn provide_location() -> Location {
    let (path, search) = current();
    let location = Location {
        path: RwSignal::new(path),
        search: RwSignal::new(search),
    };
    provide_context(location);
    let pop = window_event_listener(ev::popstate, move |_| location.sync());
    let click = window_event_listener(ev::click, move |e| {
        if let Some(href) = in_app_href(&e) {
            e.prevent_default();
            location.navigate(&href, false);
        }
    });
    on_cleanup(move || {
        pop.remove();
        click.remove();
    });
    location
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// The in-app address a click should navigate to, or `None` when the browser should handle it.
fn in_app_href(e: &web_sys::MouseEvent) -> Option<String> {
    if e.default_prevented()
        || e.button() != 0
        || e.meta_key()
        || e.ctrl_key()
        || e.shift_key()
        || e.alt_key()
    {
        return None;
    }
    let anchor = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let target = anchor.target();
    if !(target.is_empty() || target == "_self") || anchor.has_attribute("download") {
        return None;
    }
    let location = web_sys::window()?.location();
    let here = location.origin().ok()?;
    let current = format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().unwrap_or_default()
    );
    let href = anchor.href();
    in_app_path(&href, &here).filter(|target| !same_page_anchor(&href, target, &current))
}

/// Whether a link to `url` (in-app address `target`) only points somewhere on the page shown at
/// `current` (`#main`): the browser scrolls there itself.
fn same_page_anchor(url: &str, target: &str, current: &str) -> bool {
    url.contains('#') && target == current
}

/// `url`'s path and query when it is an address inside this app at `origin`: same origin, and
/// a path without a file extension (those are files: `/login.html`, `/favicon.svg`).
pub fn in_app_path(url: &str, origin: &str) -> Option<String> {
    let rest = url.strip_prefix(origin)?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    let rest = if rest.is_empty() { "/" } else { rest };
    let without_hash = rest.split('#').next().unwrap_or(rest);
    let path = without_hash.split('?').next().unwrap_or(without_hash);
    let last = path.rsplit('/').next().unwrap_or("");
    (!last.contains('.')).then(|| without_hash.to_string())
}

#[cfg(test)]
mod tests {
    use super::in_app_path;

    const HERE: &str = "https://woolly.example";

    #[test]
    fn app_addresses_on_this_origin_are_followed_in_place() {
        assert_eq!(
            in_app_path("https://woolly.example/statuses/1", HERE),
            Some("/statuses/1".into())
        );
        assert_eq!(
            in_app_path("https://woolly.example/login?add=1", HERE),
            Some("/login?add=1".into())
        );
        assert_eq!(
            in_app_path("https://woolly.example", HERE),
            Some("/".into())
        );
        assert_eq!(
            in_app_path("https://woolly.example/tags/rust#top", HERE),
            Some("/tags/rust".into())
        );
    }

    #[test]
    fn anchors_on_the_page_shown_are_left_to_the_browser() {
        use super::same_page_anchor;
        let anchor = |url: &str, current: &str| {
            let target = in_app_path(url, HERE).unwrap();
            same_page_anchor(url, &target, current)
        };
        assert!(anchor("https://woolly.example/#main", "/"));
        assert!(anchor(
            "https://woolly.example/tags/a?x=1#top",
            "/tags/a?x=1"
        ));
        assert!(!anchor("https://woolly.example/tags/b#top", "/tags/a"));
        assert!(!anchor("https://woolly.example/tags/b/#top", "/"));
        assert!(!anchor("https://woolly.example/tags/a", "/tags/a"));
    }

    #[test]
    fn files_and_other_origins_are_left_to_the_browser() {
        assert_eq!(
            in_app_path("https://woolly.example/login.html?x=1", HERE),
            None
        );
        assert_eq!(
            in_app_path("https://woolly.example/favicon.svg", HERE),
            None
        );
        assert_eq!(in_app_path("https://mastodon.social/@bob", HERE), None);
        // A look-alike host is another origin.
        assert_eq!(in_app_path("https://woolly.example.evil/x", HERE), None);
        assert_eq!(in_app_path("http://woolly.example/x", HERE), None);
    }
}
