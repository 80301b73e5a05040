//! Shows an on-demand part ([`crate::parts`]): at once a loading state, then the part; if its
//! module cannot be fetched, a message with "Try again" (and a reload, for when a deploy has
//! replaced the files). Never a blank screen, never a panic.

use leptos::{prelude::*, task::spawn_local};

use super::ErrorNotice;
use crate::parts::Part;

/// Where a part stands in this view.
#[derive(Clone, Copy)]
enum Stage<T> {
    Loading,
    Failed,
    Ready(T),
}

/// Loads `part` (at once if it is already here) and shows `render(entry)`. While it loads, and
/// if it fails (a message with Retry), that state is shown inside `frame` (a page's shell, a
/// dialog's box).
pub fn on_demand<T, V>(
    part: Part<T>,
    frame: impl Fn(AnyView) -> AnyView + Send + Sync + 'static,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let label = part.label;
    let stage = RwSignal::new(part.ready().map_or(Stage::Loading, Stage::Ready));
    let fetch = move || {
        stage.set(Stage::Loading);
        spawn_local(async move {
            stage.set(match part.load().await {
                Ok(entry) => Stage::Ready(entry),
                Err(_) => Stage::Failed,
            });
        });
    };
    if matches!(stage.get_untracked(), Stage::Loading) {
        fetch();
    }
    move || match stage.get() {
        Stage::Ready(entry) => render(entry).into_any(),
        Stage::Loading => frame(part_loading()),
        Stage::Failed => frame(failed(label, Callback::new(move |_| fetch()))),
    }
}

/// A part that could not be fetched: what happened and what to do, with Try again.
fn failed(label: &'static str, retry: Callback<()>) -> AnyView {
    view! {
        <div class="part-failed">
            <ErrorNotice
                message=format!(
                    "Woolly couldn't load {label}. Check your connection and try again; if \
                     Woolly was just updated, reload the page."
                )
                on_retry=retry
            />
            <button class="button button-quiet" on:click=|_| reload()>"Reload Woolly"</button>
        </div>
    }
    .into_any()
}

/// The loading state of a part shown in the page's place.
fn part_loading() -> AnyView {
    view! {
        <p class="part-loading loading" role="status">"Loading…"</p>
    }
    .into_any()
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
