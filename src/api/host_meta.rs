//! `/.well-known/host-meta`: where a handle's domain keeps its API when it differs from the
//! web domain (Mastodon's `LOCAL_DOMAIN` vs `WEB_DOMAIN`: `@alice@example.com` served by
//! `social.example.com`). The XRD's `lrdd` template points at the real host's WebFinger.
//!
//! Used by sign-in only for handles and profile URLs, and only after the typed domain's own
//! instance endpoint failed: the common case costs no extra request.

use super::{
    error::{ApiError, ErrorKind},
    origin::parse_instance,
};

/// The `template` of the `lrdd` `<Link>` in an XRD document (pure). No XML crate: a careful
/// scan of each `<Link …>` tag's attributes, with the five XML entities decoded.
pub fn lrdd_template(xml: &str) -> Option<String> {
    let mut rest = xml;
    while let Some(start) = find_tag(rest, "link") {
        let tag_body = &rest[start..];
        let end = tag_body.find('>')?;
        let attrs = &tag_body[..end];
        if attribute(attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("lrdd"))
            && let Some(t) = attribute(attrs, "template").filter(|t| !t.is_empty())
        {
            return Some(t);
        }
        rest = &tag_body[end..];
    }
    None
}

/// The origin an lrdd template points to, if it is one Woolly would talk to (pure).
pub fn template_origin(template: &str) -> Option<String> {
    let lower = template.to_ascii_lowercase();
    // Only absolute http(s) URLs; `parse_instance` refuses other schemes anyway.
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let parsed = parse_instance(template).ok()?;
    // Plain http only for local development servers, never as a downgrade from the web.
    (parsed.scheme == "https" || super::origin::is_local(&parsed.host)).then(|| parsed.origin())
}

/// Index just past `<link` (case-insensitive, `<Link` in XRD) followed by whitespace.
fn find_tag(text: &str, name: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let needle = format!("<{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&needle) {
        let after = from + i + needle.len();
        if lower[after..].starts_with(|c: char| c.is_ascii_whitespace()) {
            return Some(after);
        }
        from = after;
    }
    None
}

/// The decoded value of `name="…"` or `name='…'` in a tag's attribute text.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let bytes = attrs.as_bytes();
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        // A whole attribute name: preceded by whitespace.
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let after = attrs[from..].trim_start();
        let Some(after) = after.strip_prefix('=') else {
            continue;
        };
        let after = after.trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value = &after[1..];
        let close = value.find(quote)?;
        return Some(decode_entities(&value[..close]));
    }
    None
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .into_iter()
        .find(|(entity, _)| rest.starts_with(entity));
        match decoded {
            Some((entity, c)) => {
                out.push(c);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The API origin that `origin`'s host-meta names, when it names a different one.
///
/// Lead: the body is XML, which `Client::get` cannot return; this plain GET (no token, no
/// credentials) belongs in `http.rs` as `Client::get_text`.
pub async fn resolve(origin: &str) -> Result<Option<String>, ApiError> {
    let response = gloo_net::http::Request::get(&format!("{origin}/.well-known/host-meta"))
        .header("Accept", "application/xrd+xml")
        .send()
        .await
        .map_err(|_| ApiError::new(ErrorKind::Network))?;
    if !response.ok() {
        return Err(ApiError::from_response(response.status(), "", None));
    }
    let text = response
        .text()
        .await
        .map_err(|_| ApiError::new(ErrorKind::Network))?;
    Ok(lrdd_template(&text)
        .and_then(|t| template_origin(&t))
        .filter(|o| o != origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MASTODON: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
  <Link rel="lrdd" template="https://social.example/.well-known/webfinger?resource={uri}"/>
</XRD>
"#;

    #[test]
    fn reads_the_lrdd_template() {
        assert_eq!(
            lrdd_template(MASTODON).as_deref(),
            Some("https://social.example/.well-known/webfinger?resource={uri}")
        );
        assert_eq!(
            template_origin("https://social.example/.well-known/webfinger?resource={uri}")
                .as_deref(),
            Some("https://social.example")
        );
    }

    #[test]
    fn tolerates_order_quotes_case_and_entities() {
        let xml = "<xrd><Link type='application/xrd+xml' TEMPLATE='https://api.example:8443/wf?a=1&amp;resource={uri}' rel='LRDD'></Link></xrd>";
        assert_eq!(
            lrdd_template(xml).as_deref(),
            Some("https://api.example:8443/wf?a=1&resource={uri}")
        );
        assert_eq!(
            template_origin(&lrdd_template(xml).unwrap()).as_deref(),
            Some("https://api.example:8443")
        );
    }

    #[test]
    fn skips_other_links_and_rejects_junk() {
        let xml = r#"<XRD><Link rel="self" template="https://wrong.example/{uri}"/><Linkage rel="lrdd" template="https://nope.example/"/><Link rel="lrdd" template="https://right.example/wf?r={uri}"/></XRD>"#;
        assert_eq!(
            lrdd_template(xml).as_deref(),
            Some("https://right.example/wf?r={uri}")
        );
        assert_eq!(lrdd_template("<html>not xrd</html>"), None);
        assert_eq!(lrdd_template(r#"<Link rel="lrdd" template="#), None);
        assert_eq!(template_origin("javascript:alert(1)"), None);
        assert_eq!(template_origin("/relative/{uri}"), None);
        assert_eq!(template_origin("http://downgrade.example/{uri}"), None);
        assert_eq!(
            template_origin("http://localhost:3000/wf?r={uri}").as_deref(),
            Some("http://localhost:3000")
        );
    }
}
