//! The sign-in bundle (`login.html`): the sign-in form and the OAuth callback, built as its own
//! binary so the home view's bundle never carries discovery, app registration and PKCE.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(woolly::pages::login_app::LoginApp);
}
