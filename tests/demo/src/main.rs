//! `woolly-demo`: command-line entry point. Parses flags, binds, prints where things are and
//! serves; everything else lives in the library.
//!
//! ```text
//! woolly-demo [--host 127.0.0.1] [--port 3000] [--app-dir DIR] [--app-port 8080]
//!             [--no-pkce-metadata] [--rate-limit 3000] [--ignore-idempotency-key]
//! ```

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

struct Cli {
    host: String,
    port: u16,
    app_dir: Option<PathBuf>,
    app_port: u16,
    options: woolly_demo::Options,
}

const USAGE: &str = "usage: woolly-demo [--host 127.0.0.1] [--port 3000] [--app-dir DIR] [--app-port 8080] [--no-pkce-metadata] [--rate-limit N] [--ignore-idempotency-key]";

fn parse() -> Result<Cli, String> {
    let mut cli = Cli {
        host: "127.0.0.1".into(),
        port: 3000,
        app_dir: None,
        app_port: 8080,
        options: woolly_demo::Options::default(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--host" => cli.host = value("--host")?,
            "--port" => cli.port = value("--port")?.parse().map_err(|_| "bad --port")?,
            "--app-dir" => cli.app_dir = Some(PathBuf::from(value("--app-dir")?)),
            "--app-port" => {
                cli.app_port = value("--app-port")?.parse().map_err(|_| "bad --app-port")?
            }
            "--rate-limit" => {
                cli.options.rate_limit = value("--rate-limit")?
                    .parse()
                    .map_err(|_| "bad --rate-limit")?
            }
            "--no-pkce-metadata" => cli.options.pkce_metadata = false,
            "--ignore-idempotency-key" => cli.options.idempotency = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(cli)
}

async fn bind(host: &str, port: u16) -> tokio::net::TcpListener {
    match tokio::net::TcpListener::bind((host, port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("woolly-demo: cannot listen on {host}:{port}: {e}");
            std::process::exit(1);
        }
    }
}

#[tokio::main]
async fn main() {
    let cli = match parse() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("woolly-demo: {e}");
            std::process::exit(2);
        }
    };
    let api = bind(&cli.host, cli.port).await;
    let api_addr = api.local_addr().expect("local addr");
    let origin = format!("http://{}:{}", cli.host, api_addr.port());
    let state = woolly_demo::build_state(&origin, cli.options.clone());
    let app_listener = match &cli.app_dir {
        Some(dir) => Some((dir.clone(), bind(&cli.host, cli.app_port).await)),
        None => None,
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Woolly demo instance: {origin}");
    if let Some((_, l)) = &app_listener {
        let port = l.local_addr().expect("local addr").port();
        let _ = writeln!(out, "Woolly app: http://{}:{port}", cli.host);
    }
    let _ = writeln!(out, "Demo users (password \"woolly\"): alice, bob, carol");
    let _ = writeln!(out, "Stop with Ctrl-C.");
    let _ = out.flush();
    drop(out);

    if let Some((dir, listener)) = app_listener {
        let app = woolly_demo::static_app::router(dir, &origin);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
    }
    let router = woolly_demo::router(state);
    let served = axum::serve(
        api,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    if let Err(e) = served {
        eprintln!("woolly-demo: {e}");
        std::process::exit(1);
    }
}
