//! Keyboard reading: `j` and `k` move focus to the next and previous status, as in Mastodon's
//! web UI. Ignored while typing in a field.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Handles `j`/`k`; returns whether the key was used.
pub fn handle(e: &KeyboardEvent) -> bool {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(e) {
        return false;
    }
    let step: i32 = match e.key().as_str() {
        "j" => 1,
        "k" => -1,
        _ => return false,
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(list) = document.query_selector_all("[role=feed] article") else {
        return false;
    };
    let articles: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into().ok())
        .collect();
    if articles.is_empty() {
        return false;
    }
    let active = document
        .active_element()
        .and_then(|a| a.closest("article").ok().flatten());
    let index = active.and_then(|a| articles.iter().position(|x| x.is_same_node(Some(&a))));
    let target = match index {
        Some(i) => (i as i32 + step).clamp(0, articles.len() as i32 - 1) as usize,
        None => first_visible(&articles),
    };
    let _ = articles[target].focus();
    true
}

fn first_visible(articles: &[HtmlElement]) -> usize {
    articles
        .iter()
        .position(|a| a.get_bounding_client_rect().bottom() > 0.0)
        .unwrap_or(0)
}

fn is_typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}
