//! `cargo xtask test`: every test the project has, in one command, each artefact built once.
//!
//! Tiers, in order: setup; `cargo fmt --check`; clippy for the host and for wasm32; host tests
//! (`cargo test --workspace`); browser tests (`tests/browser.rs` under wasm-bindgen-test-runner
//! in headless Chromium); the release `dist/` and its size ratchet; the demo server (dev build)
//! and the Playwright end-to-end tests against both. A failed tier doesn't stop the run — the
//! later tiers still run and report — but the exit code is non-zero if any tier failed. A tier
//! whose input a failed tier should have produced is skipped, and says so.

use std::fs;
use std::time::Instant;

use crate::Paths;
use crate::process::{Cmd, Error, Result, say};
use crate::summary::{self, Counts, Outcome, Tier};
use crate::{build, demo, setup, size};

/// What a tier's body reports: test counts when it ran tests.
type TierResult = Result<Option<Counts>>;

struct Run {
    tiers: Vec<Tier>,
}

impl Run {
    fn tier(&mut self, name: &str, body: impl FnOnce() -> TierResult) -> bool {
        println!();
        say(format!("tier: {name}"));
        let started = Instant::now();
        let (outcome, counts) = match body() {
            Ok(counts) => (Outcome::Passed, counts),
            Err(e) => {
                say(format!("tier {name} FAILED: {e}"));
                (Outcome::Failed(short(&e)), None)
            }
        };
        let passed = outcome == Outcome::Passed;
        self.tiers.push(Tier {
            name: name.to_string(),
            outcome,
            counts,
            took: started.elapsed(),
        });
        passed
    }

    /// Records a tier that did not run.
    fn skip(&mut self, name: &str, why: &str) {
        println!();
        say(format!("tier: {name} SKIPPED: {why}"));
        self.tiers.push(Tier {
            name: name.to_string(),
            outcome: Outcome::Skipped(why.to_string()),
            counts: None,
            took: Default::default(),
        });
    }

    /// Like [`Run::tier`] for a command whose stdout carries test results: the counts are kept
    /// even when the command fails.
    fn test_tier(&mut self, name: &str, cmd: Cmd, parse: fn(&[String]) -> Option<Counts>) {
        println!();
        say(format!("tier: {name}"));
        let started = Instant::now();
        let (outcome, counts) = match cmd.run_tee() {
            Ok(run) => {
                let counts = parse(&run.lines);
                let outcome = if run.success {
                    Outcome::Passed
                } else {
                    let code = run
                        .code
                        .map_or("killed".into(), |c| format!("exit code {c}"));
                    Outcome::Failed(match counts {
                        Some(c) if c.failed > 0 => format!("{} failed ({code})", c.failed),
                        _ => code,
                    })
                };
                (outcome, counts)
            }
            Err(e) => (Outcome::Failed(short(&e)), None),
        };
        if let Outcome::Failed(why) = &outcome {
            say(format!("tier {name} FAILED: {why}"));
        }
        self.tiers.push(Tier {
            name: name.to_string(),
            outcome,
            counts,
            took: started.elapsed(),
        });
    }
}

/// An error in a few words, short enough for the summary.
fn short(e: &Error) -> String {
    let first = e.brief();
    if first.chars().count() > 100 {
        format!("{}…", first.chars().take(99).collect::<String>())
    } else {
        first.to_string()
    }
}

/// Runs every tier and prints the summary; `Err` if any tier failed.
pub fn run(paths: &Paths) -> Result<()> {
    let started = Instant::now();
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    if ci {
        say("CI is set: nothing interactive; Playwright forbids test.only");
    }
    let mut run = Run { tiers: Vec::new() };
    let root = &paths.root;
    let cargo = |args: &[&str]| Cmd::new("cargo").args(args).cwd(root);

    run.tier("setup", || setup::run(paths).map(|_| None));
    run.tier("fmt", || {
        cargo(&["fmt", "--all", "--", "--check"])
            .run()
            .map(|_| None)
    });
    run.tier("clippy (host)", || {
        cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .run()
        .map(|_| None)
    });
    run.tier("clippy (wasm32)", || {
        cargo(&[
            "clippy",
            "-p",
            "woolly",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            // The split build's code path (src/parts); the host tier lints the unsplit one.
            "--features",
            "split",
            "--",
            "-D",
            "warnings",
        ])
        .run()
        .map(|_| None)
    });
    run.test_tier(
        "host tests",
        cargo(&["test", "--workspace"]),
        summary::parse_cargo,
    );
    if root.join("tests/browser.rs").is_file() {
        run.test_tier(
            "browser tests",
            cargo(&[
                "test",
                "-p",
                "woolly",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
            ])
            .env("CHROMEDRIVER", setup::CHROMEDRIVER),
            summary::parse_cargo,
        );
    } else {
        say(
            "!!! tests/browser.rs does not exist yet: NO BROWSER (wasm-bindgen-test) TESTS RAN !!!",
        );
        run.skip("browser tests", "tests/browser.rs missing");
    }
    let built = run.tier("release build", || build::release_dist(paths).map(|_| None));
    if built {
        run.tier("size ratchet", || size_ratchet(paths).map(|_| None));
    } else {
        run.skip("size ratchet", "no release build");
    }
    let server = run.tier("demo server build", || {
        demo::build_server(paths).map(|_| None)
    });
    if !built {
        run.skip("e2e (playwright)", "no release build");
    } else if !server {
        run.skip("e2e (playwright)", "no demo server");
    } else {
        run.test_tier(
            "e2e (playwright)",
            Cmd::new(paths.node_bin.join("playwright").to_string_lossy())
                .args(["test", "-c", "playwright.config.mjs"])
                .env("WOOLLY_DEMO_BIN", &paths.demo_bin)
                .env("WOOLLY_DIST", &paths.dist)
                .cwd(&paths.e2e),
            summary::parse_playwright,
        );
    }

    println!();
    println!("{}", summary::render(&run.tiers, started.elapsed()));
    let failed = run
        .tiers
        .iter()
        .filter(|t| matches!(t.outcome, Outcome::Failed(_)))
        .count();
    if failed == 0 {
        Ok(())
    } else {
        Err(Error::msg(format!("{failed} tier(s) failed")))
    }
}

/// Compares the home bundle's gzip -9 code + CSS (what `dist/index.html` loads) with
/// `size-budget.json`, and reports the sign-in bundle (`login.html`) and every part loaded on
/// demand beside it.
fn size_ratchet(paths: &Paths) -> Result<()> {
    let file = paths.root.join("size-budget.json");
    let text = fs::read_to_string(&file)
        .map_err(|e| Error::msg(format!("reading {}: {e}", file.display())))?;
    let budget =
        size::parse_budget(&text).map_err(|e| Error::msg(format!("{}: {e}", file.display())))?;
    let total = size::bundle_gzip_total(&paths.dist, size::HOME_PAGE)?;
    let login = size::bundle_gzip_total(&paths.dist, size::LOGIN_PAGE)?;
    println!(
        "size: sign-in bundle ({}) {login} B gzip, not budgeted",
        size::LOGIN_PAGE
    );
    let (mut shared, mut shared_files) = (0, 0);
    for (part, gzip) in size::on_demand_parts(&paths.dist, size::HOME_PAGE)? {
        if part.contains("/chunk_") {
            (shared, shared_files) = (shared + gzip, shared_files + 1);
        } else {
            println!("size: on demand {part} {gzip} B gzip");
        }
    }
    println!(
        "size: on demand, shared by several parts: {shared_files} chunk files, {shared} B gzip"
    );
    match size::check_budget(total, &budget) {
        Ok(line) => {
            println!("{line}");
            Ok(())
        }
        Err(why) => {
            println!("{why}");
            Err(Error::msg(why))
        }
    }
}
