//! `<Toasts/>`: the notices from [`crate::state::toasts`], in a polite live region at the
//! bottom of the screen (errors are announced at once with `role="alert"`).

use leptos::prelude::*;

use crate::state::toasts::{ToastKind, use_toasts};

#[component]
pub fn Toasts() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toasts" aria-live="polite">
            <For
                each=move || toasts.list.get()
                key=|t| t.id
                children=move |t| {
                    let id = t.id;
                    let error = t.kind == ToastKind::Error;
                    view! {
                        <div class="toast" class:is-error=error role=error.then_some("alert")>
                            <span class="toast-text">{t.text}</span>
                            <button class="toast-close" aria-label="Dismiss" on:click=move |_| toasts.dismiss(id)>
                                "×"
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}
