//! `cargo xtask setup`: installs every tool the build and the tests need, and only what is
//! missing.
//!
//! Each step first checks (`==> trunk 0.21.14 present`) and installs only on a miss
//! (`==> installing trunk 0.21.14 (missing)`), so a second run is quick and changes nothing.
//! The versions come from the repository where it has them: wasm-bindgen-cli from `Cargo.lock`
//! (Trunk refuses any other), wasm-opt's from `Trunk.toml`'s `[tools] wasm_opt` (checked
//! against npm's binaryen in `tests/e2e/package-lock.json`). Nothing here downloads a browser:
//! Playwright and wasm-bindgen-test-runner both drive Debian's Chromium.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

use crate::Paths;
use crate::process::{Cmd, Error, Result, say, which};

/// The Trunk release the project builds with (0.22 needs a newer rustc than the machines').
pub const TRUNK_VERSION: &str = "0.21.14";
/// The wasm splitter (crate `wasm_split_cli_support`, binary `wasm-split-cli`). Its output must
/// match the runtime in `wasm_split_helpers` that leptos locks (0.2.x): change them together.
pub const WASM_SPLIT_VERSION: &str = "0.2.4";

/// Debian's Chromium, as Playwright and wasm-bindgen-test-runner expect it.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver, for wasm-bindgen-test-runner.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Runs every setup step in order; stops at the first failure.
pub fn run(paths: &Paths) -> Result<()> {
    rust_target()?;
    rust_components()?;
    debian_packages()?;
    trunk()?;
    wasm_bindgen(paths)?;
    wasm_split()?;
    npm_packages(paths)?;
    say("setup complete");
    Ok(())
}

fn rust_target() -> Result<()> {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .probe()
        .unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        say("rust target wasm32-unknown-unknown present");
        Ok(())
    } else {
        say("installing rust target wasm32-unknown-unknown (missing)");
        Cmd::new("rustup")
            .args(["target", "add", "wasm32-unknown-unknown"])
            .run()
    }
}

fn rust_components() -> Result<()> {
    let installed = Cmd::new("rustup")
        .args(["component", "list", "--installed"])
        .probe()
        .unwrap_or_default();
    for component in ["rustfmt", "clippy"] {
        if installed
            .lines()
            .any(|l| l.starts_with(&format!("{component}-")))
        {
            say(format!("rust component {component} present"));
        } else {
            say(format!("installing rust component {component} (missing)"));
            Cmd::new("rustup")
                .args(["component", "add", component])
                .run()?;
        }
    }
    Ok(())
}

fn debian_packages() -> Result<()> {
    let wanted = [
        ("chromium", CHROMIUM),
        ("chromium-driver", CHROMEDRIVER),
        ("brotli", "/usr/bin/brotli"),
    ];
    let mut missing = Vec::new();
    for (package, file) in wanted {
        if Path::new(file).exists() {
            say(format!("debian {package} present ({file})"));
        } else {
            say(format!("installing debian {package} (missing {file})"));
            missing.push(package);
        }
    }
    if !missing.is_empty() {
        let root = Cmd::new("id").arg("-u").probe().as_deref() == Some("0");
        let apt = |args: &[&str]| {
            let cmd = if root {
                Cmd::new("apt-get")
            } else {
                Cmd::new("sudo").arg("apt-get")
            };
            cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive")
        };
        apt(&["update"]).run()?;
        let mut install = vec!["install", "-y", "--no-install-recommends"];
        install.extend(&missing);
        apt(&install).run()?;
    }
    let chromium = Cmd::new(CHROMIUM).arg("--version").probe();
    let driver = Cmd::new(CHROMEDRIVER).arg("--version").probe();
    if let (Some(chromium), Some(driver)) = (&chromium, &driver) {
        say(format!("{chromium} / {driver}"));
        if major_version(chromium) != major_version(driver) {
            say("WARNING: Chromium and ChromeDriver majors differ; browser tests may not start");
        }
    }
    Ok(())
}

/// The first dotted number's major part in a `--version` line ("Chromium 156.0.1" → 156).
fn major_version(line: &str) -> Option<u32> {
    line.split_whitespace()
        .find(|w| w.contains('.') && w.starts_with(|c: char| c.is_ascii_digit()))?
        .split('.')
        .next()?
        .parse()
        .ok()
}

/// `cargo install` with the speed-ups that halve the time on two cores.
fn cargo_install(args: &[&str]) -> Cmd {
    Cmd::new("cargo")
        .arg("install")
        .args(args)
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
}

fn trunk() -> Result<()> {
    let found = Cmd::new("trunk").arg("--version").probe();
    if found.as_deref().and_then(second_word) == Some(TRUNK_VERSION) {
        say(format!("trunk {TRUNK_VERSION} present"));
        return Ok(());
    }
    let why = found.map_or("missing".to_string(), |f| format!("found {f}"));
    say(format!("installing trunk {TRUNK_VERSION} ({why})"));
    cargo_install(&["--locked", "trunk", "--version", TRUNK_VERSION]).run()
}

fn wasm_bindgen(paths: &Paths) -> Result<()> {
    let lock = fs::read_to_string(paths.root.join("Cargo.lock"))
        .map_err(|e| Error::msg(format!("reading Cargo.lock: {e}")))?;
    let version = locked_version(&lock, "wasm-bindgen")
        .ok_or_else(|| Error::msg("Cargo.lock has no wasm-bindgen package"))?;
    let found = Cmd::new("wasm-bindgen").arg("--version").probe();
    let runner = which("wasm-bindgen-test-runner").is_some();
    if found.as_deref().and_then(second_word) == Some(version.as_str()) && runner {
        say(format!(
            "wasm-bindgen-cli {version} present (as in Cargo.lock)"
        ));
        return Ok(());
    }
    let why = match found {
        Some(f) if runner => format!("found {f}; Cargo.lock has {version}"),
        Some(_) => "wasm-bindgen-test-runner missing".to_string(),
        None => "missing".to_string(),
    };
    say(format!("installing wasm-bindgen-cli {version} ({why})"));
    let args = ["wasm-bindgen-cli", "--version", &version, "--force"];
    let mut locked = vec!["--locked"];
    locked.extend(args);
    if let Err(e) = cargo_install(&locked).run() {
        // Its lock file has pinned crates this registry lacks before (webpki-roots).
        say(format!(
            "{e}; retrying without --locked (dependencies resolved afresh)"
        ));
        cargo_install(&args).run()?;
    }
    Ok(())
}

fn wasm_split() -> Result<()> {
    // The binary has no --version: cargo's list of installed packages says which one it is.
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    let installed = Cmd::new("cargo")
        .args(["install", "--list"])
        .probe()
        .unwrap_or_default();
    if installed.lines().any(|l| l.trim() == wanted) && which("wasm-split-cli").is_some() {
        say(format!("wasm-split-cli {WASM_SPLIT_VERSION} present"));
        return Ok(());
    }
    say(format!(
        "installing wasm-split-cli {WASM_SPLIT_VERSION} (missing)"
    ));
    let args = [
        "wasm_split_cli_support",
        "--version",
        WASM_SPLIT_VERSION,
        "--features",
        "build-binary",
        "--force",
    ];
    let mut locked = vec!["--locked"];
    locked.extend(args);
    if let Err(e) = cargo_install(&locked).run() {
        say(format!("{e}; retrying without --locked"));
        cargo_install(&args).run()?;
    }
    Ok(())
}

/// "trunk 0.21.14" → "0.21.14".
fn second_word(line: &str) -> Option<&str> {
    line.lines().next()?.split_whitespace().nth(1)
}

/// The version of package `name` in a `Cargo.lock` (the first, if several are locked).
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line == wanted {
            for line in lines.by_ref() {
                if line.is_empty() || line.starts_with('[') {
                    break;
                }
                if let Some(v) = line.strip_prefix("version = ") {
                    return Some(v.trim_matches('"').to_string());
                }
            }
        }
    }
    None
}

/// The `[tools] wasm_opt = "version_N"` pin in `Trunk.toml`.
pub fn trunk_wasm_opt_pin(trunk_toml: &str) -> Option<String> {
    trunk_toml.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim() == "wasm_opt").then(|| {
            let value = value.split('#').next().unwrap_or("");
            value.trim().trim_matches('"').to_string()
        })
    })
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn npm_packages(paths: &Paths) -> Result<()> {
    let e2e = &paths.e2e;
    let lock = e2e.join("package-lock.json");
    if !lock.exists() {
        return Err(Error::msg(format!(
            "{} is missing: it pins @playwright/test and binaryen",
            lock.display()
        )));
    }
    // npm writes node_modules/.package-lock.json on every install: older than the lock file
    // means the lock changed since.
    let installed = e2e.join("node_modules/.package-lock.json");
    let bins = ["wasm-opt", "playwright"].map(|b| paths.node_bin.join(b));
    let why = match (modified(&installed), modified(&lock)) {
        _ if bins.iter().any(|b| !b.exists()) => Some("node_modules incomplete"),
        (None, _) => Some("node_modules missing"),
        (Some(have), Some(want)) if have < want => Some("package-lock.json is newer"),
        _ => None,
    };
    match why {
        None => say("npm packages of tests/e2e present (node_modules up to date)"),
        Some(why) => {
            say(format!("installing npm packages of tests/e2e ({why})"));
            Cmd::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
                .cwd(e2e)
                .run()?;
        }
    }
    let wasm_opt = paths.node_bin.join("wasm-opt");
    let have = Cmd::new(wasm_opt.to_string_lossy())
        .arg("--version")
        .probe()
        .unwrap_or_default();
    let trunk_toml = fs::read_to_string(paths.root.join("Trunk.toml")).unwrap_or_default();
    match trunk_wasm_opt_pin(&trunk_toml) {
        Some(pin) if have.contains(&format!("({pin})")) => say(format!(
            "wasm-opt {pin} present (npm binaryen, as Trunk.toml pins)"
        )),
        Some(pin) => {
            return Err(Error::msg(format!(
                "Trunk.toml pins wasm_opt = \"{pin}\" but {} says {have:?}: \
                 make tests/e2e/package.json's binaryen and Trunk.toml agree",
                wasm_opt.display()
            )));
        }
        None => say(format!(
            "WARNING: Trunk.toml pins no [tools] wasm_opt; Trunk may take Debian's broken one \
             (npm's is {have})"
        )),
    }
    let playwright = Cmd::new(paths.node_bin.join("playwright").to_string_lossy())
        .arg("--version")
        .probe()
        .unwrap_or_default();
    let playwright = playwright.trim_start_matches("Version ");
    say(format!(
        "playwright {playwright} present (drives {CHROMIUM}; no browser download)"
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
]

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.99"
"#;

    #[test]
    fn reads_the_locked_version_of_exactly_that_package() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-backend").as_deref(),
            Some("0.2.99")
        );
        assert_eq!(locked_version(LOCK, "cfg-if"), None);
    }

    #[test]
    fn reads_the_wasm_opt_pin_from_trunk_toml() {
        let toml = "[build]\noffline = true\n\n[tools]\nwasm_opt = \"version_132\" # npm\n";
        assert_eq!(trunk_wasm_opt_pin(toml).as_deref(), Some("version_132"));
        assert_eq!(trunk_wasm_opt_pin("[build]\n"), None);
    }

    #[test]
    fn reads_versions_from_version_lines() {
        assert_eq!(second_word("trunk 0.21.14\n"), Some("0.21.14"));
        assert_eq!(
            major_version("Chromium 156.0.8078.73 built on Debian"),
            Some(156)
        );
        assert_eq!(
            major_version("ChromeDriver 156.0.8078.73 (abc-refs/branch-heads/1@{#1})"),
            Some(156)
        );
    }
}
