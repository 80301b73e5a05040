//! The instance-input normaliser over what people actually type, and what attackers might.
//! Each row: input → the origin Woolly would talk to (and the handle's user), or the error.

use woolly::api::origin::{InputError, parse_instance};

use InputError::{Empty, Malformed, UnsupportedScheme};

enum Want {
    Origin(&'static str),
    Handle(&'static str, &'static str),
    Error(InputError),
}
use Want::{Error, Handle, Origin};

fn table() -> Vec<(String, Want)> {
    let long_host = format!("{}.example", "a.".repeat(148));
    let long_label = format!("{}.example", "a".repeat(64));
    let rows: Vec<(&str, Want)> = vec![
        ("mastodon.social", Origin("https://mastodon.social")),
        (" Mastodon.Social ", Origin("https://mastodon.social")),
        ("\tmastodon.social\n", Origin("https://mastodon.social")),
        (
            "https://mastodon.social/",
            Origin("https://mastodon.social"),
        ),
        ("HTTPS://MASTODON.SOCIAL", Origin("https://mastodon.social")),
        ("mastodon.social/", Origin("https://mastodon.social")),
        ("mastodon.social:443", Origin("https://mastodon.social")),
        ("http://example.com:80/", Origin("http://example.com")),
        (
            "https://mastodon.social/@alice",
            Handle("https://mastodon.social", "alice"),
        ),
        (
            "https://mastodon.social/@alice/1234567",
            Handle("https://mastodon.social", "alice"),
        ),
        (
            "https://mastodon.social/users/alice",
            Handle("https://mastodon.social", "alice"),
        ),
        (
            "@alice@mastodon.social",
            Handle("https://mastodon.social", "alice"),
        ),
        (
            "alice@mastodon.social",
            Handle("https://mastodon.social", "alice"),
        ),
        (
            "@Alice@Mastodon.Social.",
            Handle("https://mastodon.social", "Alice"),
        ),
        (
            "https://user:secret@example.com/",
            Origin("https://example.com"),
        ),
        ("MASTODON.SOCIAL.", Origin("https://mastodon.social")),
        ("bücher.example", Origin("https://xn--bcher-kva.example")),
        ("BÜCHER.example", Origin("https://xn--bcher-kva.example")),
        ("日本.example", Origin("https://xn--wgv71a.example")),
        (
            "xn--bcher-kva.example",
            Origin("https://xn--bcher-kva.example"),
        ),
        ("localhost:3000", Origin("http://localhost:3000")),
        ("localhost", Origin("http://localhost")),
        ("app.localhost:4000", Origin("http://app.localhost:4000")),
        ("https://localhost:3000", Origin("https://localhost:3000")),
        ("127.0.0.1:8080", Origin("http://127.0.0.1:8080")),
        ("http://example.com", Origin("http://example.com")),
        (
            "https://example.com:8443/path?x#y",
            Origin("https://example.com:8443"),
        ),
        ("example.com?x=1", Origin("https://example.com")),
        ("example.com#top", Origin("https://example.com")),
        ("[::1]:3000", Origin("http://[::1]:3000")),
        ("192.0.2.10", Origin("https://192.0.2.10")),
        ("", Error(Empty)),
        ("   ", Error(Empty)),
        ("javascript:alert(1)", Error(UnsupportedScheme)),
        ("JAVASCRIPT:alert(1)", Error(UnsupportedScheme)),
        (
            "javascript://mastodon.social/%0aalert(1)",
            Error(UnsupportedScheme),
        ),
        ("data:text/html,x", Error(UnsupportedScheme)),
        ("ftp://x.org", Error(UnsupportedScheme)),
        ("mailto:alice@example.com", Error(UnsupportedScheme)),
        ("host:abc", Error(UnsupportedScheme)),
        ("mastodon", Error(Malformed)),
        ("@alice", Error(Malformed)),
        ("exa mple.com", Error(Malformed)),
        ("mastodon.social\u{0}", Error(Malformed)),
        ("example..com", Error(Malformed)),
        (".example.com", Error(Malformed)),
        ("-bad.com", Error(Malformed)),
        ("bad-.com", Error(Malformed)),
        ("exa$mple.com", Error(Malformed)),
        ("example.com:99999", Error(Malformed)),
        ("host:99999", Error(Malformed)),
        ("host:0", Error(Malformed)),
        ("example.com:abc", Error(Malformed)),
        ("localhost:abc", Error(Malformed)),
        ("example.com:", Error(Malformed)),
        ("999.1.1.1", Error(Malformed)),
        ("1.2.3", Error(Malformed)),
        ("[::1", Error(Malformed)),
        ("[fe80::1%eth0]", Error(Malformed)),
        ("@@", Error(Malformed)),
        ("alice@", Error(Malformed)),
        ("http://", Error(Malformed)),
        ("https://@/", Error(Malformed)),
        ("//mastodon.social", Error(Malformed)),
    ];
    let mut rows: Vec<(String, Want)> = rows.into_iter().map(|(i, w)| (i.to_string(), w)).collect();
    rows.push((long_host, Error(Malformed)));
    rows.push((long_label, Error(Malformed)));
    rows
}

#[test]
fn instance_inputs_normalise_exactly() {
    let rows = table();
    assert!(rows.len() >= 30);
    let mut failures = Vec::new();
    for (input, want) in &rows {
        let got = parse_instance(input);
        let ok = match (want, &got) {
            (Origin(o), Ok(p)) => p.origin() == *o && p.user.is_none(),
            (Handle(o, u), Ok(p)) => p.origin() == *o && p.user.as_deref() == Some(*u),
            (Error(e), Err(g)) => e == g,
            _ => false,
        };
        if !ok {
            failures.push(format!("{input:?} → {got:?}"));
        }
    }
    assert!(failures.is_empty(), "wrong:\n{}", failures.join("\n"));
}

#[test]
fn authority_is_what_people_see() {
    let p = parse_instance("https://Example.com:8443/x").unwrap();
    assert_eq!(p.authority(), "example.com:8443");
    assert_eq!(p.host, "example.com");
    let local = parse_instance("127.0.0.1:3000").unwrap();
    assert_eq!(local.authority(), "127.0.0.1:3000");
    // An origin round-trips: what is stored can be typed back in.
    for o in [
        "https://mastodon.social",
        "http://127.0.0.1:3000",
        "http://example.com",
    ] {
        assert_eq!(parse_instance(o).unwrap().origin(), o);
    }
}
