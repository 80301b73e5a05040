//! Performance marks the benchmark (`cargo xtask bench`) reads: when the first status is
//! painted, when the first timeline response arrived, and how long each page takes to render.

use leptos::prelude::request_animation_frame;

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

pub fn has_mark(name: &str) -> bool {
    performance().is_some_and(|p| p.get_entries_by_name(name).length() > 0)
}

/// Marks `woolly:first-status` just after the first frame that paints a status (once): from
/// an animation callback that sees a status in the feed, a task queued then runs once that
/// frame (and its paint) is done.
pub fn first_status_painted() {
    if has_mark("woolly:first-status") {
        return;
    }
    request_animation_frame(|| {
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[role=feed] article").ok().flatten())
            .is_some();
        if shown {
            leptos::prelude::set_timeout(|| mark("woolly:first-status"), std::time::Duration::ZERO);
        } else {
            first_status_painted();
        }
    });
}

/// Measures `woolly:page-render` from `start_mark` to the next painted frame.
pub fn measure_page_render(start_mark: &'static str) {
    request_animation_frame(move || {
        if let Some(p) = performance() {
            let _ = p.measure_with_start_mark("woolly:page-render", start_mark);
        }
    });
}
