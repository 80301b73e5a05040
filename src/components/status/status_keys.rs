//! Keyboard shortcuts on the focused status, as in Mastodon's web UI: `r` reply, `b` boost,
//! `f` favourite, `d` bookmark, `q` quote, `x` show/hide the content warning, `h` show/hide
//! media, `o` or Enter open the thread, `p` open the author's profile. Each presses the
//! matching control inside the `<article>`, so a shortcut does exactly what a click does (`q`
//! asks the composer, as the Quote menu item does).
//! Ignored while typing. (`j`/`k` moving between statuses live in `timeline/feed_keys`.)

use std::cell::RefCell;

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use crate::state::{cache::StatusCache, compose::Composer};

thread_local! {
    /// The last status that had focus: a card re-renders after an action and focus falls
    /// back to the page, so the next shortcut still knows which status is meant.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The selector of the control a key presses, inside the status's article.
pub fn target_for(key: &str) -> Option<&'static str> {
    Some(match key {
        "r" => "[data-action=reply]",
        "b" => "[data-action=boost]",
        "f" => "[data-action=favourite]",
        "d" => "[data-action=bookmark]",
        "q" => "[data-action=quote]",
        "x" => ".content-warning button",
        "h" => ".media-reveal",
        "o" | "Enter" => ".status-time",
        "p" => ".status-author",
        _ => return None,
    })
}

/// Installs the shortcuts for the life of the app.
#[component]
pub fn StatusKeys() -> impl IntoView {
    let focus = window_event_listener(ev::focusin, |e| {
        let article = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("article[data-id]").ok().flatten());
        if let Some(a) = article {
            LAST.with(|l| *l.borrow_mut() = a.get_attribute("data-id"));
        }
    });
    // `q` quotes through the composer: the Quote item lives in the status menu, which is only
    // built when opened.
    let composer = use_context::<Composer>();
    let cache = use_context::<StatusCache>();
    let quote = move |id: &str| {
        let status = cache.and_then(|c| c.get(id)).map(|s| s.get_untracked());
        match (composer, status) {
            (Some(c), Some(s)) if c.can_quote(&s) => {
                c.quote(id);
                true
            }
            _ => false,
        }
    };
    let keys = window_event_listener(ev::keydown, move |e| {
        if handle(&e, &quote) {
            e.prevent_default();
        }
    });
    on_cleanup(move || {
        focus.remove();
        keys.remove();
    });
}

fn handle(e: &KeyboardEvent, quote: &dyn Fn(&str) -> bool) -> bool {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || typing(e) {
        return false;
    }
    let key = e.key();
    let Some(selector) = target_for(&key) else {
        return false;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    // Enter on a button or link inside a status keeps its own meaning.
    if key == "Enter" && target.as_ref().is_some_and(|t| t.tag_name() != "ARTICLE") {
        return false;
    }
    let article = target
        .and_then(|t| t.closest("article[data-id]").ok().flatten())
        .or_else(|| {
            let id = LAST.with(|l| l.borrow().clone())?;
            document
                .query_selector(&format!("article[data-id='{id}']"))
                .ok()
                .flatten()
        });
    let Some(article) = article else {
        return false;
    };
    if key == "q" {
        return article
            .get_attribute("data-id")
            .is_some_and(|id| quote(&id));
    }
    // Prefer the control of the status itself over one in a quoted status inside it.
    let control = article
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<HtmlElement>().ok());
    let Some(control) = control else {
        return false;
    };
    control.click();
    let id = article.get_attribute("data-id");
    // The card re-renders when the action lands: give focus back to the same status.
    for ms in [60, 900] {
        let id = id.clone();
        set_timeout(
            move || refocus(id.as_deref()),
            std::time::Duration::from_millis(ms),
        );
    }
    true
}

fn refocus(id: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = document
        .active_element()
        .is_none_or(|a| a.tag_name() == "BODY");
    if !lost {
        return;
    }
    if let Some(el) = id
        .and_then(|id| {
            document
                .query_selector(&format!("article[data-id='{id}']"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

fn typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
                || el.closest("[role=dialog]").ok().flatten().is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::target_for;

    #[test]
    fn mastodon_web_shortcut_map() {
        assert_eq!(target_for("f"), Some("[data-action=favourite]"));
        assert_eq!(target_for("b"), Some("[data-action=boost]"));
        assert_eq!(target_for("d"), Some("[data-action=bookmark]"));
        assert_eq!(target_for("r"), Some("[data-action=reply]"));
        assert_eq!(target_for("o"), target_for("Enter"));
        assert_eq!(target_for("j"), None, "j/k belong to the feed");
    }
}
