//! The HTML of the authorize page, its error page and the out-of-band code page.
//!
//! Self-contained (inline CSS, light and dark via `prefers-color-scheme`), no scripts. Every
//! value that came from a request is HTML-escaped.

/// What the consent form shows and carries.
pub struct Form<'a> {
    pub app_name: &'a str,
    pub scopes: &'a [String],
    /// OAuth parameters re-posted as hidden fields.
    pub hidden: Vec<(&'a str, &'a str)>,
    pub username: &'a str,
    pub error: Option<&'a str>,
}

/// Escapes text for HTML text and double-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{color-scheme:light dark;--bg:#f3f1fa;--card:#fff;--fg:#1f1b2e;--muted:#6b6580;--accent:#6364ff;--border:#d9d5e8;--err:#c0392b}
@media (prefers-color-scheme:dark){:root{--bg:#191724;--card:#232034;--fg:#ece9f7;--muted:#a29cbb;--border:#3a3552;--err:#ff7b6b}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg);display:flex;min-height:100vh;align-items:center;justify-content:center;padding:16px}
main{background:var(--card);border:1px solid var(--border);border-radius:12px;max-width:420px;width:100%;padding:28px}
header{display:flex;align-items:center;gap:10px;margin-bottom:18px}header .logo{width:36px;height:36px;border-radius:9px;background:var(--accent);color:#fff;display:grid;place-items:center;font-weight:700}
header h1{font-size:20px;margin:0}h2{font-size:17px;margin:0 0 8px}p{margin:0 0 12px}.muted{color:var(--muted);font-size:14px}
ul{margin:0 0 16px;padding-left:20px}li code{font-size:14px}label{display:block;margin:0 0 12px;font-weight:600;font-size:14px}
input[type=text],input[type=password],input:not([type]){display:block;width:100%;margin-top:4px;padding:10px;border-radius:8px;border:1px solid var(--border);background:transparent;color:var(--fg);font:inherit}
.buttons{display:flex;gap:10px;margin-top:16px}button{flex:1;padding:10px;border-radius:8px;border:1px solid var(--accent);font:inherit;font-weight:600;cursor:pointer}
button[value=authorize]{background:var(--accent);color:#fff}button[value=deny]{background:transparent;color:var(--accent)}
.error{color:var(--err);font-weight:600}.hint{border-top:1px solid var(--border);margin-top:18px;padding-top:12px}
code.authcode{display:block;padding:12px;border:1px dashed var(--border);border-radius:8px;word-break:break-all;font-size:15px}
"#;

fn shell(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} - Woolly Demo</title><style>{STYLE}</style></head>\n<body><main><header><div class=\"logo\" aria-hidden=\"true\">W</div><h1>Woolly Demo</h1></header>\n{body}\n</main></body></html>\n",
        esc(title)
    )
}

/// The sign-in + consent page.
pub fn render(f: &Form) -> String {
    let scopes: String = f
        .scopes
        .iter()
        .map(|s| format!("<li><code>{}</code></li>", esc(s)))
        .collect();
    let hidden: String = f
        .hidden
        .iter()
        .filter(|(k, _)| *k != "username")
        .map(|(k, v)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                esc(k),
                esc(v)
            )
        })
        .collect();
    let error = f
        .error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", esc(e)))
        .unwrap_or_default();
    let body = format!(
        "<h2>Authorization required</h2>\n<p><strong>{app}</strong> would like to access your account.</p>\n<p class=\"muted\">It asks for these permissions:</p><ul class=\"scopes\">{scopes}</ul>\n{error}<form method=\"post\" action=\"/oauth/authorize\">{hidden}\n<label>Username or e-mail <input name=\"username\" autocomplete=\"username\" autocapitalize=\"none\" value=\"{user}\"></label>\n<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\"></label>\n<div class=\"buttons\"><button name=\"decision\" value=\"authorize\">Authorize</button>\n<button name=\"decision\" value=\"deny\">Deny</button></div></form>\n<p class=\"hint muted\">Demo users: alice, bob, carol — password woolly</p>",
        app = esc(f.app_name),
        user = esc(f.username),
    );
    shell("Authorize", &body)
}

/// An error the user cannot be redirected back with (unknown client, bad redirect URI).
pub fn error_page(message: &str) -> String {
    shell(
        "Error",
        &format!(
            "<h2>An error has occurred</h2><p class=\"error\">{}</p>",
            esc(message)
        ),
    )
}

/// `urn:ietf:wg:oauth:2.0:oob`: the code is shown for the user to copy.
pub fn oob_page(code: &str) -> String {
    shell(
        "Authorization code",
        &format!(
            "<h2>Authorization code</h2><p>Copy this code and paste it into the application.</p><code class=\"authcode\" id=\"authorization-code\">{}</code>",
            esc(code)
        ),
    )
}
