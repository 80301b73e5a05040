//! Sign in: type your instance (or pick a recent one), see what it is, go to its authorize
//! page. Every failure is explained in its own words, with a retry where it can help.
//!
//! The preview (name, picture, short description) appears ~400 ms after typing stops or when
//! the field loses focus. It is a courtesy: its failures are silent and never block signing in.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};

use crate::api::origin::parse_instance;
use crate::api::query::query_param;
use crate::components::common::{ErrorNotice, RichContent};
use crate::content::{ContentContext, sanitize};
use crate::state::{
    config,
    login::{self, InstancePreview},
    session::use_session,
};

const PREVIEW_DELAY: Duration = Duration::from_millis(400);

/// A recently used instance: the label people see and what goes into the field.
fn recent_choice(origin: &str) -> Option<(String, String)> {
    let parsed = parse_instance(origin).ok()?;
    let authority = parsed.authority();
    // `http://example.com` must keep its scheme; local addresses get http by themselves.
    let typed = match parse_instance(&authority) {
        Ok(p) if p.origin() == origin => authority.clone(),
        _ => origin.to_string(),
    };
    Some((authority, typed))
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    // This page is its own bundle (login.html) without a router: read the query directly.
    let query = crate::pages::login_app::current_search();
    let adding = query_param(&query, "add").is_some();
    let input = RwSignal::new(query_param(&query, "instance").unwrap_or_default());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<login::LoginError>);
    let preview = RwSignal::new(None::<InstancePreview>);
    // The input a preview was last asked for; a stale answer for older input is dropped.
    let previewed = StoredValue::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    on_cleanup(move || {
        if let Some(t) = timer.try_get_value().flatten() {
            t.clear();
        }
    });
    let recent: Vec<(String, String)> = login::recent_instances()
        .iter()
        .filter_map(|o| recent_choice(o))
        .collect();

    // Once the field has been focused the person is typing: a late default must not land
    // mid-edit (it would reset the selection and the typed text would be appended to it).
    let touched = StoredValue::new(false);
    if input.get_untracked().is_empty() {
        spawn_local(async move {
            if let Some(default) = config::load().await.default_instance
                && input.get_untracked().is_empty()
                && touched.try_get_value() == Some(false)
            {
                input.set(default);
            }
        });
    }

    let load_preview = move || {
        let typed = input.get_untracked();
        let Ok(target) = parse_instance(&typed) else {
            previewed.set_value(String::new());
            preview.set(None);
            return;
        };
        let key = target.origin();
        if previewed.get_value() == key {
            return;
        }
        previewed.set_value(key.clone());
        spawn_local(async move {
            let result = login::preview(&typed).await;
            // Typing moved on, or the page is gone: this answer is for nobody.
            if previewed.try_get_value().as_deref() != Some(key.as_str()) {
                return;
            }
            preview.try_set(result.ok());
        });
    };

    let schedule_preview = move || {
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let handle = set_timeout_with_handle(load_preview, PREVIEW_DELAY).ok();
        timer.set_value(handle);
    };

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let typed = input.get_untracked();
        // A second account on an instance already signed in to must see the login form.
        let force = adding || !session.accounts().is_empty();
        spawn_local(async move {
            match login::begin(&typed, force).await {
                Ok(url) => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().assign(&url);
                    }
                }
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };

    let recent_view = (!recent.is_empty()).then(|| {
        view! {
            <div class="login-recent">
                <p class="hint">"Recently used"</p>
                <ul class="login-recent-list">
                    {recent
                        .into_iter()
                        .map(|(label, typed)| {
                            view! {
                                <li>
                                    <button
                                        class="button"
                                        type="button"
                                        disabled=move || busy.get()
                                        on:click=move |_| {
                                            input.set(typed.clone());
                                            submit();
                                        }
                                    >
                                        {label}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });

    view! {
        <main class="login">
            <div class="login-card">
                <div class="login-brand">
                    <img src="/favicon.svg" alt="" width="56" height="56" />
                    <h1>"Woolly"</h1>
                    <p class="login-tagline">"A small, fast client for Mastodon and compatible servers."</p>
                </div>
                <form class="login-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
                    <label for="instance">"Your instance"</label>
                    <input
                        id="instance"
                        name="instance"
                        type="text"
                        inputmode="url"
                        autocomplete="url"
                        autocapitalize="off"
                        spellcheck="false"
                        placeholder="mastodon.social"
                        prop:value=move || input.get()
                        on:input=move |ev| {
                            input.set(event_target_value(&ev));
                            schedule_preview();
                        }
                        on:focus=move |_| touched.set_value(true)
                        on:blur=move |_| load_preview()
                    />
                    <p class="hint">"The server you signed up on — or your handle, like @you@mastodon.social."</p>
                    <button class="button button-primary" type="submit" disabled=move || busy.get()>
                        {move || if busy.get() { "Contacting server…" } else { "Sign in" }}
                    </button>
                </form>
                {recent_view}
                {move || preview.get().map(|p| view! { <InstanceCard preview=p /> })}
                {move || error.get().map(|e| {
                    let retry = e.can_retry().then(|| Callback::new(move |_| submit()));
                    match retry {
                        Some(r) => view! { <ErrorNotice message=e.message() on_retry=r /> }.into_any(),
                        None => view! { <ErrorNotice message=e.message() /> }.into_any(),
                    }
                })}
            </div>
        </main>
    }
}

/// The instance about to be signed in to: its name, picture and short description.
#[component]
fn InstanceCard(preview: InstancePreview) -> impl IntoView {
    // Some servers send HTML here: it goes through the allow-list, never `innerHTML`.
    let description = sanitize(&preview.description, &ContentContext::default());
    let heading = if preview.title.trim().is_empty() {
        preview.authority.clone()
    } else {
        preview.title.clone()
    };
    view! {
        <section class="login-preview" aria-label="About this server">
            {preview.thumbnail.map(|src| view! {
                <img class="login-preview-thumbnail" src=src alt="" width="96" height="54" loading="lazy" />
            })}
            <div class="login-preview-text">
                <h2 class="login-preview-title">{heading}</h2>
                <p class="login-preview-authority">{preview.authority}</p>
                <div class="login-preview-description">
                    <RichContent nodes=description />
                </div>
            </div>
        </section>
    }
}
