//! The poll editor: 2 to the instance's max options (each within its character limit), a
//! duration within its min/max expiration, single or multiple choice, hide totals.

use leptos::prelude::*;

use crate::compose::{counter::graphemes, rules};
use crate::state::compose::use_composer;

#[component]
pub fn PollEditor() -> impl IntoView {
    let c = use_composer();
    let limits = c.capabilities().polls;
    let max_options = limits.max_options as usize;
    let max_chars = limits.max_characters_per_option as usize;
    let durations = rules::poll_durations(&limits);
    let poll = move || c.draft.with(|d| d.poll.clone().unwrap_or_default());
    let count = move || {
        c.draft
            .with(|d| d.poll.as_ref().map_or(0, |p| p.options.len()))
    };
    view! {
        <fieldset class="poll-editor">
            <legend>"Poll"</legend>
            <For each=move || 0..count() key=|i| *i let:i>
                <div class="poll-editor-option">
                    <input type="text" aria-label=format!("Choice {}", i + 1) placeholder=format!("Choice {}", i + 1)
                        prop:value=move || poll().options.get(i).cloned().unwrap_or_default()
                        on:input=move |e| {
                            let v = event_target_value(&e);
                            c.change(|d| if let Some(o) = d.poll.as_mut().and_then(|p| p.options.get_mut(i)) { *o = v })
                        } />
                    <span class="poll-count" class:is-over=move || poll().options.get(i).is_some_and(|o| graphemes(o) > max_chars)>
                        {move || format!("{}", max_chars as i64 - poll().options.get(i).map_or(0, |o| graphemes(o)) as i64)}
                    </span>
                    <button type="button" class="icon-button" aria-label=format!("Remove choice {}", i + 1)
                        disabled=move || count() <= 2
                        on:click=move |_| c.change(|d| if let Some(p) = d.poll.as_mut().filter(|p| p.options.len() > 2) { p.options.remove(i); })>"×"</button>
                </div>
            </For>
            <div class="poll-settings">
                <button type="button" class="button" disabled=move || { count() >= max_options }
                    on:click=move |_| c.change(|d| if let Some(p) = d.poll.as_mut() { p.options.push(String::new()) })>"Add a choice"</button>
                <label>"Duration"
                    <select on:change=move |e| {
                        let v = event_target_value(&e).parse().unwrap_or(86_400);
                        c.change(|d| if let Some(p) = d.poll.as_mut() { p.expires_in = v })
                    }>
                        {durations.into_iter().map(|s| view! {
                            <option value=s.to_string() selected=move || poll().expires_in == s>{rules::duration_label(s)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label><input type="checkbox" prop:checked=move || poll().multiple
                    on:change=move |e| { let v = event_target_checked(&e); c.change(|d| if let Some(p) = d.poll.as_mut() { p.multiple = v }) } />
                    "Multiple choice"</label>
                <label><input type="checkbox" prop:checked=move || poll().hide_totals
                    on:change=move |e| { let v = event_target_checked(&e); c.change(|d| if let Some(p) = d.poll.as_mut() { p.hide_totals = v }) } />
                    "Hide totals until it ends"</label>
            </div>
        </fieldset>
    }
}
