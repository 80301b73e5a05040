//! OAuth: app registration, authorize → token with PKCE, failures, deny, revoke, metadata.

use crate::common::*;

#[tokio::test]
async fn registers_apps_with_string_or_array_redirect_uris() {
    let app = router();
    let form = format!(
        "client_name=Woolly&redirect_uris={}&website=https%3A%2F%2Fwoolly.example",
        enc("http://a.example/cb\nhttp://b.example/cb")
    );
    let r = call(&app, "POST", "/api/v1/apps", &[], &form).await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(
        j["redirect_uris"],
        serde_json::json!(["http://a.example/cb", "http://b.example/cb"])
    );
    assert_eq!(
        j["redirect_uri"],
        "http://a.example/cb\nhttp://b.example/cb"
    );
    assert_eq!(j["scopes"], serde_json::json!(["read"]));
    assert_eq!(j["client_secret_expires_at"], 0);
    assert!(j["client_secret"].as_str().unwrap().len() >= 32);
    assert!(j["id"].is_string() && j["vapid_key"].is_string());

    let json =
        r#"{"client_name":"Woolly","redirect_uris":["http://x.example/cb"],"scopes":"read write"}"#;
    let j = call(&app, "POST", "/api/v1/apps", &[], json).await.json();
    assert_eq!(
        j["redirect_uris"],
        serde_json::json!(["http://x.example/cb"])
    );
    assert_eq!(j["scopes"], serde_json::json!(["read", "write"]));

    let r = call(&app, "POST", "/api/v1/apps", &[], "client_name=NoRedirect").await;
    assert_eq!(r.status, 422);
    assert!(r.json()["error"].is_string());
}

#[tokio::test]
async fn authorize_page_has_the_form_and_escapes_input() {
    let app = router();
    let (id, _) = register(&app).await;
    let uri = format!(
        "/oauth/authorize?response_type=code&client_id={id}&redirect_uri={}&scope=read&state=%3Cscript%3E",
        enc(REDIRECT)
    );
    let r = call(&app, "GET", &uri, &[], "").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(
        html.contains("Woolly would like to access your account")
            || html.contains("<strong>Woolly</strong> would like to access your account")
    );
    assert!(html.contains("<input name=\"username\""));
    assert!(html.contains("<input name=\"password\" type=\"password\""));
    assert!(html.contains("<button name=\"decision\" value=\"authorize\">Authorize</button>"));
    assert!(html.contains("<button name=\"decision\" value=\"deny\">Deny</button>"));
    assert!(html.contains("Demo users: alice, bob, carol"));
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));

    let bad = format!(
        "/oauth/authorize?response_type=code&client_id={id}&redirect_uri={}",
        enc("http://evil.example/")
    );
    let r = call(&app, "GET", &bad, &[], "").await;
    assert_eq!(r.status, 400);
    assert!(r.header("location").is_none());
}

#[tokio::test]
async fn full_flow_with_pkce_gives_a_working_token() {
    let app = router();
    let token = login(&app, "alice").await;
    let r = call(
        &app,
        "GET",
        "/api/v1/accounts/verify_credentials",
        &[("authorization", &format!("Bearer {token}"))],
        "",
    )
    .await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["username"], "alice");
    assert_eq!(j["acct"], "alice");
    assert_eq!(j["display_name"], "Alice Liddell");
    assert!(j["source"]["privacy"].is_string() && j["role"].is_object());
    assert!(j["avatar"].as_str().unwrap().starts_with(ORIGIN));
}

#[tokio::test]
async fn wrong_verifier_and_reused_code_are_invalid_grant() {
    let app = router();
    let client = register(&app).await;
    let verifier = "correct-verifier-correct-verifier-correct-verifier";
    let code = authorize(&app, &client.0, "bob", verifier, "s1").await;
    let r = exchange(
        &app,
        &client,
        &code,
        "wrong-verifier-wrong-verifier-wrong-verifier-x",
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "invalid_grant");
    assert!(r.json()["error_description"].is_string());
    assert_eq!(exchange(&app, &client, &code, verifier).await.status, 200);
    let again = exchange(&app, &client, &code, verifier).await;
    assert_eq!(again.status, 400);
    assert_eq!(again.json()["error"], "invalid_grant");
    let bad_client = (client.0.clone(), "nope".to_string());
    let code = authorize(&app, &client.0, "bob", verifier, "s2").await;
    let r = exchange(&app, &bad_client, &code, verifier).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["error"], "invalid_client");
}

#[tokio::test]
async fn wrong_password_shows_the_page_again() {
    let app = router();
    let (id, _) = register(&app).await;
    let form = format!(
        "response_type=code&client_id={id}&redirect_uri={}&scope=read&username=alice&password=nope&decision=authorize",
        enc(REDIRECT)
    );
    let r = call(&app, "POST", "/oauth/authorize", &[], &form).await;
    assert_eq!(r.status, 200);
    assert!(r.header("location").is_none());
    assert!(r.text().contains("Invalid username/e-mail or password"));
    let form = form.replace(
        "username=alice&password=nope",
        "username=alice%40demo.local&password=woolly",
    );
    assert_eq!(
        call(&app, "POST", "/oauth/authorize", &[], &form)
            .await
            .status,
        302
    );
}

#[tokio::test]
async fn deny_redirects_with_access_denied_and_state() {
    let app = router();
    let (id, _) = register(&app).await;
    let form = format!(
        "response_type=code&client_id={id}&redirect_uri={}&scope=read&state=a%20b%26c&decision=deny",
        enc(REDIRECT)
    );
    let r = call(&app, "POST", "/oauth/authorize", &[], &form).await;
    assert_eq!(r.status, 302);
    let loc = r.header("location").unwrap();
    assert!(
        loc.starts_with(&format!(
            "{REDIRECT}?error=access_denied&error_description="
        )),
        "{loc}"
    );
    assert!(loc.ends_with("&state=a+b%26c"), "{loc}");
}

#[tokio::test]
async fn revoke_makes_the_token_invalid() {
    let app = router();
    let client = register(&app).await;
    let verifier = "revoke-verifier-revoke-verifier-revoke-verifier";
    let code = authorize(&app, &client.0, "carol", verifier, "s").await;
    let token = exchange(&app, &client, &code, verifier).await.json()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let auth = format!("Bearer {token}");
    assert_eq!(
        call(
            &app,
            "GET",
            "/api/v1/timelines/home",
            &[("authorization", &auth)],
            ""
        )
        .await
        .status,
        200
    );
    let body = format!(
        "client_id={}&client_secret={}&token={token}",
        client.0, client.1
    );
    let r = call(&app, "POST", "/oauth/revoke", &[], &body).await;
    assert_eq!((r.status.as_u16(), r.text()), (200, "{}".to_string()));
    assert_eq!(
        call(&app, "POST", "/oauth/revoke", &[], &body).await.status,
        200
    );
    let r = call(
        &app,
        "GET",
        "/api/v1/timelines/home",
        &[("authorization", &auth)],
        "",
    )
    .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["error"], "The access token is invalid");
    assert!(
        r.header("www-authenticate")
            .unwrap()
            .contains("error=\"invalid_token\"")
    );
}

#[tokio::test]
async fn client_credentials_token_is_not_a_user() {
    let app = router();
    let client = register(&app).await;
    let body = format!(
        "grant_type=client_credentials&client_id={}&client_secret={}&scope=read",
        client.0, client.1
    );
    let t = call(&app, "POST", "/oauth/token", &[], &body).await.json();
    assert_eq!(t["token_type"], "Bearer");
    assert!(t["created_at"].is_u64());
    let auth = format!("Bearer {}", t["access_token"].as_str().unwrap());
    let r = call(
        &app,
        "GET",
        "/api/v1/apps/verify_credentials",
        &[("authorization", &auth)],
        "",
    )
    .await;
    assert_eq!(r.json()["name"], "Woolly");
    assert_eq!(
        call(
            &app,
            "GET",
            "/api/v1/timelines/home",
            &[("authorization", &auth)],
            ""
        )
        .await
        .status,
        422
    );
}

#[tokio::test]
async fn metadata_can_be_switched_off() {
    let app = router();
    let r = call(
        &app,
        "GET",
        "/.well-known/oauth-authorization-server",
        &[],
        "",
    )
    .await;
    let j = r.json();
    assert_eq!(j["issuer"], format!("{ORIGIN}/"));
    assert_eq!(j["token_endpoint"], format!("{ORIGIN}/oauth/token"));
    assert_eq!(
        j["code_challenge_methods_supported"],
        serde_json::json!(["S256"])
    );
    let r = call(
        &app,
        "POST",
        "/__demo/config",
        &[],
        r#"{"pkce_metadata":false}"#,
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        call(
            &app,
            "GET",
            "/.well-known/oauth-authorization-server",
            &[],
            ""
        )
        .await
        .status,
        404
    );
    let off = woolly_demo::router(woolly_demo::build_state(
        ORIGIN,
        woolly_demo::Options {
            pkce_metadata: false,
            rate_limit: 300,
            ..Default::default()
        },
    ));
    assert_eq!(
        call(
            &off,
            "GET",
            "/.well-known/oauth-authorization-server",
            &[],
            ""
        )
        .await
        .status,
        404
    );
}
