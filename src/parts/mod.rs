//! On-demand parts: every screen and dialog the home view does not need is a split point.
//!
//! In the release build (`cargo xtask build`: the crate's `split` feature, linked with
//! `--emit-relocs` and cut by `wasm-split-cli`, see `xtask/src/split.rs`) each part below
//! becomes its own `.wasm` module, fetched the first time the part is asked for (or earlier,
//! when [`after_first_paint`] finds the browser idle). Everything only that part reaches — its views,
//! its state code, its crates — moves out of the home view's module. Without the feature
//! (`trunk serve`, browser tests) the same functions are plain async calls, so the app behaves
//! the same.
//!
//! A part hands back a plain `fn` that builds its view: the caller runs it inside its own
//! reactive owner (its contexts), not inside the loading task. A load that fails
//! (offline, a deploy replaced the files) is an `Err`, never a panic, and is retried from
//! scratch on the next call; [`crate::components::common::on_demand`] shows it with Retry.

mod catalog;
mod prefetch;

pub use catalog::*;
pub use prefetch::after_first_paint;

use std::cell::OnceCell;
use std::future::Future;
use std::pin::Pin;
use std::thread::LocalKey;

/// A part could not be loaded: its module did not arrive or did not instantiate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartError;

impl From<leptos::wasm_split::SplitLoaderError> for PartError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartError
    }
}

type Loading<T> = Pin<Box<dyn Future<Output = Result<T, PartError>>>>;

/// One on-demand part: what it is called (for messages and tests), whether it is already
/// here, and how to load it.
pub struct Part<T: Copy + 'static> {
    /// The part's name as people read it ("the composer").
    pub label: &'static str,
    ready: &'static LocalKey<OnceCell<T>>,
    load: fn() -> Loading<T>,
}

impl<T: Copy + 'static> Clone for Part<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Copy + 'static> Copy for Part<T> {}

impl<T: Copy + 'static> Part<T> {
    #[doc(hidden)]
    pub const fn new(
        label: &'static str,
        ready: &'static LocalKey<OnceCell<T>>,
        load: fn() -> Loading<T>,
    ) -> Self {
        Part { label, ready, load }
    }

    /// The part's entry when it has been loaded in this page's life; `None` before.
    pub fn ready(&self) -> Option<T> {
        self.ready.with(|r| r.get().copied())
    }

    /// Loads the part (once; later calls answer at once) and hands back its entry.
    pub async fn load(&self) -> Result<T, PartError> {
        if let Some(entry) = self.ready() {
            return Ok(entry);
        }
        let entry = (self.load)().await?;
        self.ready.with(|r| {
            let _ = r.set(entry);
        });
        Ok(entry)
    }
}

/// Declares a part: `part!(NAME, module, "label", Type, entry);`. `entry` is a non-capturing
/// closure or `fn` of type `Type`; it and everything only it reaches go to the split module
/// `module`.
macro_rules! part {
    ($(#[$doc:meta])* $name:ident, $module:ident, $label:literal, $ty:ty, $entry:expr) => {
        $(#[$doc])*
        pub const $name: $crate::parts::Part<$ty> = {
            ::std::thread_local!(static READY: ::std::cell::OnceCell<$ty> =
                const { ::std::cell::OnceCell::new() });

            #[cfg(feature = "split")]
            #[::leptos::wasm_split::wasm_split(
                $module,
                fallible,
                wasm_split_path = ::leptos::wasm_split
            )]
            fn entry() -> Result<$ty, $crate::parts::PartError> {
                Ok($entry)
            }

            #[cfg(not(feature = "split"))]
            async fn entry() -> Result<$ty, $crate::parts::PartError> {
                Ok($entry)
            }

            $crate::parts::Part::new($label, &READY, || Box::pin(entry()))
        };
    };
}
pub(crate) use part;
