//! The home timeline's reading position: on start, once the first page and the marker are
//! both in, the feed scrolls to the marked status with "N unread" above it; afterwards the
//! status at the top of the screen is saved as the marker (debounced in `state::markers`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::markers::Timeline;
use crate::state::{
    feed::{Feed, FeedState},
    markers::MarkerState,
    reading_position::{Restore, restore},
};

/// Extra room above the restored status (its "N unread" line is drawn inside it).
const DIVIDER: f64 = 0.0;

/// Restores and then tracks the home marker. `unread` receives the count to announce.
pub fn track_home_marker(feed: Feed, unread: RwSignal<Option<String>>) {
    let Some(markers) = use_context::<MarkerState>() else {
        return;
    };
    Effect::new(move |_| {
        // Read every signal each time (no short-circuit), so the effect tracks them all.
        let (marks, state, has_ids) = (
            markers.loaded.get(),
            feed.paging.state.get(),
            feed.ids.with(|ids| !ids.is_empty()),
        );
        let ready = marks && feed.is_loaded() && state != FeedState::Loading && has_ids;
        if !ready || markers.home_restored.get_value() {
            return;
        }
        markers.home_restored.set_value(true);
        let target = feed
            .ids
            .with_untracked(|ids| restore(ids, markers.home.get_untracked().as_deref()));
        match target {
            Restore::Top => {}
            Restore::At { id, unread: n, .. } => {
                unread.set(Some(format!("{n} unread above where you left off")));
                scroll_to(id, n, 30);
            }
            Restore::Beyond { unread: n } => {
                unread.set(Some(format!("{n}+ unread since you left off")));
            }
        }
    });
    super::scroll_settled::on_scroll_settled(move || {
        if markers.home_restored.get_value()
            && let Some(id) = top_visible_id()
        {
            markers.note(Timeline::Home, id);
        }
    });
}

/// The sticky column title's height: statuses under it are not visible.
fn header_offset(document: &web_sys::Document) -> f64 {
    document
        .query_selector(".column-title")
        .ok()
        .flatten()
        .map(|h| h.get_bounding_client_rect().height())
        .unwrap_or(0.0)
}

/// The id of the first status whose bottom is below the header.
pub fn top_visible_id() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let offset = header_offset(&document);
    let list = document
        .query_selector_all("[role=feed] article[data-id]")
        .ok()?;
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|a| a.get_bounding_client_rect().bottom() > offset + 1.0)
        .and_then(|a| a.get_attribute("data-id"))
}

/// Scrolls the marked status just under the header, marking it with the unread line.
fn scroll_to(id: String, unread: usize, frames_left: u32) {
    // Ids go into a selector: only ever plain ids.
    if !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return;
    }
    request_animation_frame(move || {
        let Some(w) = web_sys::window() else { return };
        let Some(document) = w.document() else { return };
        let found = document
            .query_selector(&format!("[role=feed] article[data-id='{id}']"))
            .ok()
            .flatten();
        match found {
            Some(article) => {
                let _ =
                    article.set_attribute("data-unread-above", &format!("{unread} unread above"));
                let _ = article.class_list().add_1("is-last-read");
                let top = article.get_bounding_client_rect().top();
                w.scroll_by_with_x_and_y(0.0, top - header_offset(&document) - DIVIDER);
            }
            None if frames_left > 0 => scroll_to(id, unread, frames_left - 1),
            None => {}
        }
    });
}
