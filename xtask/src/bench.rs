//! `cargo xtask bench`: the performance benchmark (not part of `test`). Builds the release
//! app and the demo instance once, then `tests/e2e/bench.mjs` drives headless Chromium over
//! several runs and writes `bench/results.json` and a table.

use crate::process::{Cmd, Result, say};
use crate::{Paths, build, demo};

/// `runs`: how many runs of each measure; `before`: another release `dist/` (e.g. built from
/// an earlier commit) whose size and slow-link cold start are measured beside this build's.
pub fn run(paths: &Paths, runs: Option<String>, before: Option<String>) -> Result<()> {
    build::run(paths)?;
    demo::build_server(paths)?;
    say("==> benchmark (headless Chromium against the demo instance)");
    let mut cmd = Cmd::new("node")
        .arg(paths.e2e.join("bench.mjs"))
        .cwd(&paths.e2e)
        .env("WOOLLY_DEMO_BIN", paths.demo_bin.clone())
        .env("WOOLLY_DIST", paths.dist.clone())
        .env("WOOLLY_BENCH_OUT", paths.root.join("bench/results.json"));
    if let Some(n) = runs {
        cmd = cmd.env("WOOLLY_BENCH_RUNS", n);
    }
    if let Some(dir) = before {
        let dir = std::path::Path::new(&dir);
        cmd = cmd.env("WOOLLY_BENCH_BEFORE_DIST", paths.root.join(dir));
    }
    cmd.run()
}
