//! Asks how long to mute an account and whether to hide its notifications too.

use leptos::prelude::*;

use crate::components::common::modal::Modal;

/// Durations offered, in seconds (0 = until unmuted), with their labels.
const DURATIONS: [(u32, &str); 7] = [
    (0, "Indefinitely"),
    (1_800, "30 minutes"),
    (3_600, "1 hour"),
    (21_600, "6 hours"),
    (86_400, "1 day"),
    (259_200, "3 days"),
    (604_800, "7 days"),
];

#[component]
pub fn MuteDialog(
    /// The account's `acct`.
    name: String,
    on_close: Callback<()>,
    /// Called with (duration in seconds, hide notifications).
    on_mute: Callback<(u32, bool)>,
) -> impl IntoView {
    let duration = RwSignal::new(0u32);
    let notifications = RwSignal::new(true);
    view! {
        <Modal title=format!("Mute @{name}?") on_close=on_close>
            <p class="modal-text">"You will not see their posts, or posts mentioning them. They will not know they are muted."</p>
            <label class="field">
                <span>"Duration"</span>
                <select on:change=move |e| duration.set(event_target_value(&e).parse().unwrap_or(0))>
                    {DURATIONS.iter().map(|(secs, label)| view! { <option value=secs.to_string()>{*label}</option> }).collect::<Vec<_>>()}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || notifications.get()
                    on:change=move |e| notifications.set(event_target_checked(&e)) />
                <span>"Hide notifications from this user"</span>
            </label>
            <div class="modal-buttons">
                <button class="button" on:click=move |_| on_close.run(())>"Cancel"</button>
                <button class="button button-primary" on:click=move |_| on_mute.run((duration.get(), notifications.get()))>"Mute"</button>
            </div>
        </Modal>
    }
}
