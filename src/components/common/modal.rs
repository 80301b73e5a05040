//! `<Modal>`: a dialog over the page (`role="dialog"`, `aria-modal`), titled, closed by
//! Escape, the close button or a click on the backdrop; it takes focus when it opens.

use leptos::{html, prelude::*};

#[component]
pub fn Modal(
    /// The dialog's heading (its accessible name).
    #[prop(into)]
    title: String,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="modal-backdrop" on:click=move |e| {
            use wasm_bindgen::JsCast;
            let on_backdrop = e.target().zip(e.current_target()).is_some_and(|(t, c)| {
                t.dyn_ref::<web_sys::Node>().is_some_and(|t| c.dyn_ref::<web_sys::Node>().is_some_and(|c| t.is_same_node(Some(c))))
            });
            if on_backdrop { on_close.run(()) }
        }>
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="modal-title" tabindex="-1" node_ref=panel
                on:keydown=move |e| if e.key() == "Escape" { on_close.run(()) }>
                <header class="modal-header">
                    <h2 id="modal-title">{title}</h2>
                    <button class="modal-close" aria-label="Close" on:click=move |_| on_close.run(())>"×"</button>
                </header>
                {children()}
            </div>
        </div>
    }
}
