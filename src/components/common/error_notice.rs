//! The one way an error is shown: a sentence, and a Retry button when retrying can help.

use leptos::prelude::*;

#[component]
pub fn ErrorNotice(
    /// What happened, in words a person understands.
    message: String,
    /// Shown as a "Try again" button when given.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <p>{message}</p>
            {on_retry.map(|retry| view! {
                <button class="button" on:click=move |_| retry.run(())>"Try again"</button>
            })}
        </div>
    }
}
