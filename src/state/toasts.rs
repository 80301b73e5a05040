//! Short notices ("toasts") that tell what happened after an action, e.g. why a favourite
//! did not go through. Views add them with `use_toasts().error(msg)`; the `<Toasts/>`
//! component shows them in an `aria-live` region and each goes away after a while.

use leptos::prelude::*;

/// How long a notice stays, in milliseconds.
const SHOW_MS: u64 = 7_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u32,
    pub kind: ToastKind,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    pub list: RwSignal<Vec<Toast>>,
    next: StoredValue<u32>,
}

pub fn provide_toasts() -> Toasts {
    let toasts = Toasts {
        list: RwSignal::new(Vec::new()),
        next: StoredValue::new(1),
    };
    provide_context(toasts);
    toasts
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

impl Toasts {
    pub fn error(&self, text: impl Into<String>) {
        self.push(ToastKind::Error, text.into());
    }

    pub fn info(&self, text: impl Into<String>) {
        self.push(ToastKind::Info, text.into());
    }

    pub fn dismiss(&self, id: u32) {
        self.list.update(|l| l.retain(|t| t.id != id));
    }

    fn push(&self, kind: ToastKind, text: String) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| {
            // The same message twice in a row is shown once.
            l.retain(|t| t.text != text);
            l.push(Toast { id, kind, text });
        });
        let this = *self;
        set_timeout(
            move || this.dismiss(id),
            std::time::Duration::from_millis(SHOW_MS),
        );
    }
}
