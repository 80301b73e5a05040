//! `GET|POST /oauth/authorize`: the sign-in and consent page of the demo.
//!
//! Like Doorkeeper: an unknown client or a redirect URI that is not registered is shown as an
//! error page (never redirected to, it could be an attacker's); other problems (bad
//! `response_type`, scope, PKCE method) redirect back with `error=`. Deny needs no password.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::authorize_page::{self, Form};
use crate::oauth::{App, CODE_TTL_MS, Code, OOB, random_secret, split_scopes};
use crate::params::Params;
use crate::{Shared, clock};

/// Parameters carried from the GET to the POST as hidden fields.
const CARRIED: [&str; 9] = [
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "code_challenge",
    "code_challenge_method",
    "force_login",
    "lang",
];

enum Rejection {
    Page(String),
    Redirect(&'static str, &'static str),
}

/// Builds `redirect_uri` + `?`/`&` + the encoded pairs.
fn redirect_to(uri: &str, pairs: &[(&str, &str)]) -> Response {
    let sep = if uri.contains('?') { '&' } else { '?' };
    let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
    let location = format!("{uri}{sep}{query}");
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

fn validate(state: &Shared, p: &Params) -> Result<(App, Vec<String>), Rejection> {
    let app = {
        let oauth = state.oauth.lock().unwrap();
        oauth.apps.get(p.get("client_id").unwrap_or("")).cloned()
    };
    let Some(app) = app else {
        return Err(Rejection::Page(
            "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.".into(),
        ));
    };
    let redirect = p.get("redirect_uri").unwrap_or("");
    if !app.redirect_uris.iter().any(|r| r == redirect) {
        return Err(Rejection::Page(
            "The redirect uri included is not valid.".into(),
        ));
    }
    if p.get("response_type") != Some("code") {
        return Err(Rejection::Redirect(
            "unsupported_response_type",
            "The authorization server does not support this response type.",
        ));
    }
    let scopes = split_scopes(p.get("scope").unwrap_or("read"));
    if scopes.is_empty() || !scopes.iter().all(|s| app.scopes.contains(s)) {
        return Err(Rejection::Redirect(
            "invalid_scope",
            "The requested scope is invalid, unknown, or malformed.",
        ));
    }
    // Mastodon 4.3+ supports only S256; Doorkeeper also rejects a method without a challenge.
    match (p.get("code_challenge"), p.get("code_challenge_method")) {
        (Some(_), Some("S256")) | (None, None) => {}
        _ => {
            return Err(Rejection::Redirect(
                "invalid_request",
                "The code challenge method must be S256.",
            ));
        }
    }
    Ok((app, scopes))
}

fn reject(p: &Params, r: Rejection) -> Response {
    match r {
        Rejection::Page(msg) => (
            StatusCode::BAD_REQUEST,
            Html(authorize_page::error_page(&msg)),
        )
            .into_response(),
        Rejection::Redirect(error, description) => {
            let redirect = p.get("redirect_uri").unwrap_or("");
            let mut pairs = vec![("error", error), ("error_description", description)];
            if let Some(s) = p.get("state") {
                pairs.push(("state", s));
            }
            redirect_to(redirect, &pairs)
        }
    }
}

fn form<'a>(app: &'a App, scopes: &'a [String], p: &'a Params) -> Form<'a> {
    Form {
        app_name: &app.name,
        scopes,
        hidden: CARRIED
            .iter()
            .filter_map(|k| p.get(k).map(|v| (*k, v)))
            .collect(),
        username: p.get("username").unwrap_or(""),
        error: None,
    }
}

/// `GET /oauth/authorize`
pub async fn get_page(State(state): State<Shared>, p: Params) -> Response {
    match validate(&state, &p) {
        Err(r) => reject(&p, r),
        Ok((app, scopes)) => Html(authorize_page::render(&form(&app, &scopes, &p))).into_response(),
    }
}

/// `POST /oauth/authorize` (the form): decision=authorize|deny.
pub async fn post_form(State(state): State<Shared>, p: Params) -> Response {
    let (app, scopes) = match validate(&state, &p) {
        Err(r) => return reject(&p, r),
        Ok(v) => v,
    };
    let redirect = p.get("redirect_uri").unwrap_or("").to_string();
    let state_param = p.get("state");
    if p.get("decision") == Some("deny") {
        let mut pairs = vec![
            ("error", "access_denied"),
            (
                "error_description",
                "The resource owner or authorization server denied the request.",
            ),
        ];
        if let Some(s) = state_param {
            pairs.push(("state", s));
        }
        return redirect_to(&redirect, &pairs);
    }
    let login = p.get("username").unwrap_or("");
    let user = {
        let store = state.store.read().unwrap();
        store.user_by_login(login).map(|u| u.username.clone())
    };
    let Some(username) = user.filter(|_| p.get("password") == Some("woolly")) else {
        let mut f = form(&app, &scopes, &p);
        f.error = Some("Invalid username/e-mail or password.");
        return Html(authorize_page::render(&f)).into_response();
    };
    let code = random_secret();
    state.oauth.lock().unwrap().codes.insert(
        code.clone(),
        Code {
            client_id: app.client_id.clone(),
            username,
            redirect_uri: redirect.clone(),
            scopes,
            challenge: p.get("code_challenge").map(str::to_string),
            expires_ms: clock::now_ms() + CODE_TTL_MS,
        },
    );
    if redirect == OOB {
        return Html(authorize_page::oob_page(&code)).into_response();
    }
    let mut pairs = vec![("code", code.as_str())];
    if let Some(s) = state_param {
        pairs.push(("state", s));
    }
    redirect_to(&redirect, &pairs)
}
