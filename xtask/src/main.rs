//! Woolly's task runner: `cargo xtask <command>` (the alias lives in `.cargo/config.toml`).
//!
//! - `setup` — install what the build and tests need, skipping what is present
//!   ([`setup`]);
//! - `build` — setup, then the release `dist/` with `.gz`/`.br` siblings and a size table
//!   ([`build`], [`size`]);
//! - `demo [--port 3000] [--app-port 8080]` — build, then run the demo instance serving the
//!   app until Ctrl-C ([`demo`]);
//! - `test` — every test tier, with a summary ([`test`], [`summary`]);
//! - `bench [--runs N]` — the performance benchmark ([`bench`]).
//!
//! This file only finds the repository, puts the tool directories on `PATH` and dispatches.
//! xtask depends on nothing but std, so it compiles in seconds on a fresh machine.

mod bench;
mod build;
mod demo;
mod process;
mod setup;
mod size;
mod split;
mod summary;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use process::{Error, Result, say};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup                                 install missing tools (rust target, Chromium, trunk,
                                        wasm-bindgen-cli, npm packages); skip present ones
  build                                 setup + trunk build --release of index.html and
                                        login.html -> dist/ (+ .gz/.br, sizes)
  demo [--port 3000] [--app-port 8080]  build, then run the demo instance + app until Ctrl-C
  test                                  every test tier (fmt, clippy, host, browser, size, e2e)
  bench [--runs N] [--before DIST_DIR]  build, then measure size, start time (also on a slow
                                        link), rendering and memory in headless Chromium ->
                                        bench/results.json; --before: compare another dist/
";

/// Where things are, all absolute.
pub struct Paths {
    /// The repository (workspace) root.
    pub root: PathBuf,
    /// Trunk's output, `<root>/dist`.
    pub dist: PathBuf,
    /// The end-to-end test package, `<root>/tests/e2e`.
    pub e2e: PathBuf,
    /// `<root>/tests/e2e/node_modules/.bin` (playwright, wasm-opt).
    pub node_bin: PathBuf,
    /// The dev-profile demo server binary.
    pub demo_bin: PathBuf,
    /// Cargo's target directory (honours `CARGO_TARGET_DIR`).
    pub target: PathBuf,
}

impl Paths {
    fn new() -> Paths {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives in the workspace root")
            .to_path_buf();
        // Honour CARGO_TARGET_DIR (CI may keep target/ outside the clone).
        let target = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => root.join(dir),
            _ => root.join("target"),
        };
        let e2e = root.join("tests/e2e");
        Paths {
            dist: root.join("dist"),
            node_bin: e2e.join("node_modules/.bin"),
            demo_bin: target.join("debug/woolly-demo"),
            target,
            e2e,
            root,
        }
    }
}

fn cargo_bin() -> Option<PathBuf> {
    match std::env::var_os("CARGO_HOME") {
        Some(home) if !home.is_empty() => Some(PathBuf::from(home).join("bin")),
        _ => std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo/bin")),
    }
}

fn dispatch(paths: &Paths, args: &[String]) -> Result<()> {
    let Some(command) = args.first() else {
        eprint!("{USAGE}");
        return Err(Error::msg("no command given"));
    };
    let rest = &args[1..];
    let no_args = || match rest.first() {
        Some(arg) => Err(Error::msg(format!(
            "{command}: unexpected argument {arg:?}"
        ))),
        None => Ok(()),
    };
    match command.as_str() {
        "setup" => no_args().and_then(|_| setup::run(paths)),
        "build" => no_args().and_then(|_| build::run(paths)),
        "demo" => demo::run(paths, &demo::Options::parse(rest)?),
        "test" => no_args().and_then(|_| test::run(paths)),
        "bench" => {
            let (mut runs, mut before) = (None, None);
            let mut args = rest.iter();
            while let Some(flag) = args.next() {
                match (flag.as_str(), args.next()) {
                    ("--runs", Some(n)) => runs = Some(n.clone()),
                    ("--before", Some(dir)) => before = Some(dir.clone()),
                    _ => {
                        return Err(Error::msg(
                            "usage: cargo xtask bench [--runs N] [--before DIST_DIR]",
                        ));
                    }
                }
            }
            bench::run(paths, runs, before)
        }
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprint!("{USAGE}");
            Err(Error::msg(format!("unknown command {other:?}")))
        }
    }
}

fn main() -> ExitCode {
    process::install_signal_handlers();
    let paths = Paths::new();
    let mut path_dirs: Vec<PathBuf> = cargo_bin().into_iter().collect();
    path_dirs.push(paths.node_bin.clone());
    process::init_path(&path_dirs);

    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = dispatch(&paths, &args);
    process::kill_all_children();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(format!("FAILED: {e}"));
            ExitCode::FAILURE
        }
    }
}
