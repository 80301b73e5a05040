//! Component tests in headless Chromium: a status card renders each shape as a reader sees it,
//! and the IndexedDB offline store keeps and forgets a cached page.
//! Run by `cargo xtask test` (wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use woolly::components::status::StatusCard;
use woolly::model::Status;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_status(status: Status) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let parent: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        // The contexts the app provides around every status (no one signed in).
        woolly::state::session::provide_session();
        woolly::state::cache::provide_status_cache();
        woolly::state::toasts::provide_toasts();
        woolly::state::feed::provide_feeds();
        woolly::state::actions::provide_actions();
        woolly::components::status::media_viewer::provide_media_viewer();
        woolly::state::location::provide_location();
        view! { <StatusCard status=Signal::stored(status) /> }
    });
    handle.forget();
    parent
}

fn fixture(text: &str) -> Status {
    serde_json::from_str(text).unwrap()
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn is_visible(root: &HtmlElement, selector: &str) -> bool {
    let el: HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    !el.hidden() && el.offset_height() > 0
}

#[wasm_bindgen_test]
fn a_plain_status_shows_author_content_and_time() {
    let list: Vec<Status> =
        serde_json::from_str(include_str!("fixtures/timeline_home.json")).unwrap();
    let status = list[0].clone();
    let root = mount_status(status.clone());
    assert_eq!(root.query_selector_all("article").unwrap().length(), 1);
    assert_eq!(text_of(&root, ".display-name"), "John Lennon");
    assert_eq!(text_of(&root, ".acct"), "@mastodonpy_test");
    assert_eq!(text_of(&root, ".status-content"), "Toot!");
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").unwrap(), status.created_at);
    assert!(!time.text_content().unwrap().is_empty());
    let article = root.query_selector("article").unwrap().unwrap();
    let labelled = article.get_attribute("aria-labelledby").unwrap();
    for id in labelled.split(' ') {
        assert!(
            root.query_selector(&format!("#{id}")).unwrap().is_some(),
            "{id}"
        );
    }
}

/// Lets Leptos run its scheduled effects (updates are applied asynchronously).
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_content_warning_hides_the_text_until_asked() {
    let root = mount_status(fixture(include_str!("fixtures/status_direct_cw.json")));
    assert!(is_visible(&root, ".cw-text"));
    assert!(!is_visible(&root, ".status-content"));
    let button: HtmlElement = root
        .query_selector(".content-warning button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    tick().await;
    assert!(is_visible(&root, ".status-content"));
    assert_eq!(button.text_content().unwrap(), "Show less");
}

#[wasm_bindgen_test]
fn a_boost_shows_who_boosted_and_the_original() {
    let wrapper = fixture(include_str!("fixtures/status_reblog_wrapper.json"));
    let original_author = wrapper.reblog.as_ref().unwrap().account.acct.clone();
    let root = mount_status(wrapper);
    assert!(text_of(&root, ".status-context").contains("boosted"));
    assert_eq!(
        text_of(&root, ".status-author .acct"),
        format!("@{original_author}")
    );
}

#[wasm_bindgen_test]
fn custom_emoji_in_names_are_images_with_their_shortcode() {
    let root = mount_status(fixture(include_str!(
        "fixtures/status_cw_emoji_gifv_mention_hashtag_edited_filtered.json"
    )));
    let emoji = root
        .query_selector(".display-name img.emoji")
        .unwrap()
        .unwrap();
    assert_eq!(emoji.get_attribute("alt").as_deref(), Some(":icosahedron:"));
    assert!(emoji.get_attribute("src").unwrap().starts_with("https://"));
    assert!(
        root.query_selector(".edited").unwrap().is_some(),
        "edited mark"
    );
    assert!(text_of(&root, ".alt-badge").contains("ALT"));
}

#[wasm_bindgen_test]
fn hostile_content_is_inert() {
    let mut status = fixture(include_str!("fixtures/status_private.json"));
    status.content = r#"<p>hi<script>window.pwned=1</script><img src=x onerror="window.pwned=1"><a href="javascript:alert(1)">click</a><iframe src="https://evil"></iframe></p>"#.into();
    status.account.display_name = "<b onmouseover=alert(1)>Mallory</b>".into();
    status.spoiler_text = String::new();
    let root = mount_status(status);
    for bad in [
        "script",
        "img:not(.avatar)",
        "iframe",
        "b",
        "[onerror]",
        "[onmouseover]",
    ] {
        assert!(
            root.query_selector(&format!("article {bad}"))
                .unwrap()
                .is_none(),
            "{bad}"
        );
    }
    assert!(
        root.query_selector("a[href^='javascript']")
            .unwrap()
            .is_none()
    );
    assert_eq!(
        text_of(&root, ".display-name"),
        "<b onmouseover=alert(1)>Mallory</b>"
    );
    assert!(text_of(&root, ".status-content").contains("click"));
}

#[wasm_bindgen_test]
async fn sensitive_media_stays_hidden_until_revealed() {
    let mut status = fixture(include_str!(
        "fixtures/status_cw_emoji_gifv_mention_hashtag_edited_filtered.json"
    ));
    status.spoiler_text = String::new();
    status.filtered.clear();
    let root = mount_status(status);
    let grid = root.query_selector(".media-grid").unwrap().unwrap();
    assert!(grid.class_list().contains("is-hidden"));
    assert!(
        root.query_selector(".media video").unwrap().is_none(),
        "no media loaded while hidden"
    );
    assert!(
        root.query_selector(".media canvas.blurhash")
            .unwrap()
            .is_some(),
        "blurhash placeholder"
    );
    let reveal: HtmlElement = root
        .query_selector(".media-reveal")
        .unwrap()
        .unwrap()
        .unchecked_into();
    reveal.click();
    tick().await;
    assert!(!grid.class_list().contains("is-hidden"));
    assert!(root.query_selector(".media video").unwrap().is_some());
}

#[wasm_bindgen_test]
fn a_voted_closed_poll_shows_results_and_own_votes() {
    let root = mount_status(fixture(include_str!(
        "fixtures/status_poll_with_emoji.json"
    )));
    assert_eq!(root.query_selector_all(".poll-option").unwrap().length(), 4);
    assert_eq!(
        root.query_selector_all(".poll-option.is-own")
            .unwrap()
            .length(),
        3
    );
    assert!(
        root.query_selector("input[type=checkbox]")
            .unwrap()
            .is_none(),
        "no voting once closed"
    );
    assert!(text_of(&root, ".poll-footer").contains("Closed"));
    let emoji = root
        .query_selector(".poll-title img.emoji")
        .unwrap()
        .unwrap();
    assert_eq!(emoji.get_attribute("alt").as_deref(), Some(":hecker:"));
}

#[wasm_bindgen_test]
fn an_open_poll_offers_choices() {
    let mut status = fixture(include_str!("fixtures/status_poll_with_emoji.json"));
    let poll = status.poll.as_mut().unwrap();
    poll.expired = false;
    poll.expires_at = Some("2999-01-01T00:00:00.000Z".into());
    poll.voted = Some(false);
    poll.own_votes = Some(vec![]);
    let root = mount_status(status);
    // Outside the app there is no session to vote with: results are shown, not a dead form.
    assert_eq!(root.query_selector_all(".poll-option").unwrap().length(), 4);
    assert!(text_of(&root, ".poll-footer").contains("Ends"));
}

#[wasm_bindgen_test]
fn a_link_card_shows_title_and_provider() {
    let root = mount_status(fixture(include_str!("fixtures/status_with_card_link.json")));
    let card = root.query_selector("a.preview-card").unwrap().unwrap();
    assert!(card.get_attribute("href").unwrap().starts_with("https://"));
    assert_eq!(
        card.get_attribute("rel").as_deref(),
        Some("noopener noreferrer nofollow")
    );
    assert!(text_of(&root, ".preview-title").starts_with("K/DA - POP/STARS"));
    assert_eq!(text_of(&root, ".preview-provider"), "SoundCloud");
}

#[wasm_bindgen_test]
fn a_quote_shows_the_quoted_post_and_hides_the_fallback() {
    let root = mount_status(fixture(include_str!(
        "fixtures/status_with_quote_inline_fallback.json"
    )));
    assert!(root.query_selector("blockquote.quote").unwrap().is_some());
    assert!(text_of(&root, ".quote .acct").contains("mastodonpy_test"));
    let own = text_of(&root, "article > .status-main > .status-content");
    assert!(!own.contains("RE:"), "{own}");
}

#[wasm_bindgen_test]
async fn a_filtered_status_is_collapsed_behind_its_filter() {
    let mut status = fixture(include_str!(
        "fixtures/status_cw_emoji_gifv_mention_hashtag_edited_filtered.json"
    ));
    status.spoiler_text = String::new();
    let root = mount_status(status);
    assert_eq!(text_of(&root, ".filtered-notice p"), "Filtered: animes");
    assert!(!is_visible(&root, ".status-main"));
    let show: HtmlElement = root
        .query_selector(".filtered-notice button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    show.click();
    tick().await;
    assert!(is_visible(&root, ".status-main"));
}

#[wasm_bindgen_test]
fn an_edited_status_is_marked() {
    let root = mount_status(fixture(include_str!(
        "fixtures/status_cw_emoji_gifv_mention_hashtag_edited_filtered.json"
    )));
    assert_eq!(text_of(&root, ".edited"), "edited");
}

// ---- The composer ------------------------------------------------------------------------

/// Mounts the composer's form with the contexts the app provides (no one signed in, so the
/// instance limits are Mastodon's defaults: 500 characters, 23 per URL).
fn mount_composer() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let parent: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        woolly::state::session::provide_session();
        woolly::state::cache::provide_status_cache();
        woolly::state::toasts::provide_toasts();
        woolly::state::feed::provide_feeds();
        woolly::state::actions::provide_actions();
        woolly::state::compose::provide_compose();
        woolly::state::location::provide_location();
        view! { <woolly::components::compose::composer_form::ComposerForm /> }
    });
    handle.forget();
    parent
}

/// Types `text` into the post's textarea as a person would (value + a bubbling `input`).
fn type_text(root: &HtmlElement, text: &str) {
    let area: web_sys::HtmlTextAreaElement = root
        .query_selector("textarea[aria-label='Post text']")
        .unwrap()
        .expect("the post text")
        .unchecked_into();
    area.set_value(text);
    let fire = js_sys::Function::new_with_args(
        "el",
        "el.dispatchEvent(new Event('input', {bubbles: true}))",
    );
    fire.call1(&wasm_bindgen::JsValue::NULL, &area).unwrap();
}

fn post_button(root: &HtmlElement) -> web_sys::HtmlButtonElement {
    root.query_selector("button[type='submit']")
        .unwrap()
        .expect("the Post button")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn the_composer_counts_a_url_and_a_remote_mention_like_mastodon() {
    let root = mount_composer();
    tick().await;
    assert_eq!(text_of(&root, ".composer-counter"), "500");
    type_text(
        &root,
        "Hi @dana@example.social https://example.com/a/very/long/path/indeed/yes",
    );
    tick().await;
    // "Hi " 3 + "@dana" 5 + " " 1 + the URL 23, whatever its real length.
    assert_eq!(text_of(&root, ".composer-counter"), (500 - 32).to_string());
}

#[wasm_bindgen_test]
async fn the_post_button_is_disabled_over_the_limit() {
    let root = mount_composer();
    tick().await;
    type_text(&root, "Short and sweet");
    tick().await;
    assert!(!post_button(&root).disabled());
    type_text(&root, &"a".repeat(501));
    tick().await;
    assert_eq!(text_of(&root, ".composer-counter"), "-1");
    assert!(post_button(&root).disabled());
    assert!(text_of(&root, ".composer-hint").contains("longer than 500"));
    type_text(&root, &"a".repeat(500));
    tick().await;
    assert!(!post_button(&root).disabled());
}

#[wasm_bindgen_test]
async fn the_content_warning_field_toggles() {
    let root = mount_composer();
    tick().await;
    let cw_field = "input[aria-label='Content warning']";
    assert!(root.query_selector(cw_field).unwrap().is_none());
    let buttons = root.query_selector_all("button").unwrap();
    let toggle: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.get(i))
        .find(|b| b.text_content().as_deref() == Some("CW"))
        .expect("the CW button")
        .unchecked_into();
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    toggle.click();
    tick().await;
    assert!(root.query_selector(cw_field).unwrap().is_some());
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    toggle.click();
    tick().await;
    assert!(root.query_selector(cw_field).unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_markdown_preview_shows_the_text_as_plain_text() {
    use woolly::components::compose::markdown_preview::MarkdownPreview;
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let text = RwSignal::new(String::from(
        "**Bold** first\nsecond\n\n<script>window.pwned = 1</script><img src=x onerror=alert(1)>",
    ));
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <MarkdownPreview text=text /> }
    });
    handle.forget();
    tick().await;
    let paragraphs = root.query_selector_all(".composer-preview p").unwrap();
    assert_eq!(paragraphs.length(), 2);
    assert_eq!(
        text_of(&root, ".composer-preview p"),
        "**Bold** firstsecond"
    );
    assert_eq!(
        root.query_selector_all(".composer-preview p br")
            .unwrap()
            .length(),
        1
    );
    // Markup typed by the person stays text: no element is created from it.
    assert!(
        root.query_selector(".composer-preview script, .composer-preview img")
            .unwrap()
            .is_none()
    );
    assert!(text_of(&root, ".composer-preview").contains("<img src=x onerror=alert(1)>"));
    text.set("Changed".into());
    tick().await;
    assert_eq!(text_of(&root, ".composer-preview p"), "Changed");
}

#[wasm_bindgen_test]
async fn the_offline_store_keeps_a_page_until_it_is_deleted() {
    use woolly::state::offline_store::{delete, get_text, home_key, put_text};
    let key = home_key("test@browser.example");
    delete(&key).await;
    assert_eq!(get_text(&key).await, None);
    put_text(&key, r#"[{"id":"1"}]"#).await;
    put_text(&key, r#"[{"id":"2"}]"#).await;
    assert_eq!(get_text(&key).await.as_deref(), Some(r#"[{"id":"2"}]"#));
    delete(&key).await;
    assert_eq!(get_text(&key).await, None);
}
