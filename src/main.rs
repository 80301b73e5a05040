//! Entry point: install the panic hook, mount the app, and take over from the static frame that
//! `index.html` painted while the code downloaded. Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    woolly::state::perf::mark("woolly:app-start");
    leptos::mount::mount_to_body(woolly::App);
    // Removed in the same task as the mount, so no frame shows neither or both.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-shell"))
    {
        boot.remove();
    }
}
