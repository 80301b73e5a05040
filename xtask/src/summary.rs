//! Counting test results from what the runners print, and the summary block that ends
//! `cargo xtask test`.
//!
//! Cargo's libtest (host and wasm-bindgen-test-runner alike) prints one
//! `test result: ok. 5 passed; 0 failed; 1 ignored; …` line per test binary; Playwright's list
//! reporter ends with lines such as `  5 passed (3.2s)`, `  1 failed`, `  2 skipped`. The
//! parsers here are pure and read only those lines.

use std::fmt::Write as _;
use std::time::Duration;

/// Test counts of one tier (or of the whole run).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
}

impl Counts {
    /// Adds `other` into `self`.
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }
}

/// Sums every `test result:` line in cargo test's output; `None` if there is none.
pub fn parse_cargo(lines: &[String]) -> Option<Counts> {
    let mut total = None::<Counts>;
    for line in lines {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        let counts = total.get_or_insert_with(Counts::default);
        // "ok. 5 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s"
        let rest = rest.split_once(". ").map_or(rest, |(_, r)| r);
        for part in rest.split(';') {
            let mut words = part.split_whitespace();
            let (Some(n), Some(what)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(n) = n.parse::<u64>() else { continue };
            match what {
                "passed" => counts.passed += n,
                "failed" => counts.failed += n,
                "ignored" => counts.ignored += n,
                _ => {}
            }
        }
    }
    total
}

/// Reads Playwright's closing summary lines; `None` if there are none.
pub fn parse_playwright(lines: &[String]) -> Option<Counts> {
    let mut total = None::<Counts>;
    for line in lines {
        let mut words = line.split_whitespace();
        let (Some(n), Some(what)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(n) = n.parse::<u64>() else { continue };
        let counts = total.get_or_insert_with(Counts::default);
        match what {
            // A flaky test passed on retry; count it as passed, as Playwright's exit code does.
            "passed" | "flaky" => counts.passed += n,
            "failed" | "interrupted" => counts.failed += n,
            "skipped" | "did" => counts.ignored += n, // "did not run"
            _ => {}
        }
    }
    total
}

/// How a tier ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

/// One line of the summary.
#[derive(Clone, Debug)]
pub struct Tier {
    pub name: String,
    pub outcome: Outcome,
    pub counts: Option<Counts>,
    pub took: Duration,
}

/// Renders the summary block; its last line is `N passed, N failed`.
pub fn render(tiers: &[Tier], total_time: Duration) -> String {
    let width = tiers.iter().map(|t| t.name.len()).max().unwrap_or(0);
    let mut out = String::from("==> summary\n");
    let mut sum = Counts::default();
    for tier in tiers {
        let mark = match tier.outcome {
            Outcome::Passed => "✓",
            Outcome::Failed(_) => "✗",
            Outcome::Skipped(_) => "-",
        };
        let mut detail = match &tier.counts {
            Some(c) => {
                sum.add(*c);
                let mut d = format!("{} passed, {} failed", c.passed, c.failed);
                if c.ignored > 0 {
                    let _ = write!(d, ", {} ignored/skipped", c.ignored);
                }
                d
            }
            None => String::new(),
        };
        match &tier.outcome {
            Outcome::Failed(why) | Outcome::Skipped(why) => {
                if !detail.is_empty() {
                    detail += "; ";
                }
                detail += why;
            }
            Outcome::Passed => {}
        }
        let _ = writeln!(
            out,
            "  {mark} {:<width$}  {:>7}  {detail}",
            tier.name,
            seconds(tier.took)
        );
    }
    let failed: Vec<&str> = tiers
        .iter()
        .filter(|t| matches!(t.outcome, Outcome::Failed(_)))
        .map(|t| t.name.as_str())
        .collect();
    let _ = writeln!(out, "  total time {}", seconds(total_time));
    if failed.is_empty() {
        out += "  all tiers passed\n";
    } else {
        let _ = writeln!(out, "  FAILED tiers: {}", failed.join(", "));
    }
    let _ = write!(out, "{} passed, {} failed", sum.passed, sum.failed);
    out
}

/// "4.2s" or "3m07s".
pub fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 60.0 {
        format!("{s:.1}s")
    } else {
        let whole = d.as_secs();
        format!("{}m{:02}s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn sums_cargo_test_result_lines() {
        let out = lines(
            "running 3 tests\n\
             test a ... ok\n\
             test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
             \n\
             test result: FAILED. 7 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.20s\n",
        );
        assert_eq!(
            parse_cargo(&out),
            Some(Counts {
                passed: 10,
                failed: 2,
                ignored: 1
            })
        );
        assert_eq!(parse_cargo(&lines("error: could not compile")), None);
    }

    #[test]
    fn reads_playwright_summary() {
        let out = lines(
            "Running 6 tests using 1 worker\n\
             \x20 ✓  1 [chromium] › smoke.spec.mjs:3:1 › loads (1.2s)\n\
             \x20 ✘  2 [chromium] › a.spec.mjs:9:1 › fails (3.0s)\n\
             \n\
             \x20 1 failed\n\
             \x20   [chromium] › a.spec.mjs:9:1 › fails\n\
             \x20 1 flaky\n\
             \x20 1 skipped\n\
             \x20 3 passed (12.5s)\n",
        );
        assert_eq!(
            parse_playwright(&out),
            Some(Counts {
                passed: 4,
                failed: 1,
                ignored: 1
            })
        );
        assert_eq!(parse_playwright(&lines("Error: no tests found")), None);
    }

    #[test]
    fn summary_ends_with_the_plain_total() {
        let tier = |name: &str, outcome, counts| Tier {
            name: name.into(),
            outcome,
            counts,
            took: Duration::from_millis(1500),
        };
        let text = render(
            &[
                tier("fmt", Outcome::Passed, None),
                tier(
                    "host tests",
                    Outcome::Passed,
                    Some(Counts {
                        passed: 10,
                        failed: 0,
                        ignored: 0,
                    }),
                ),
                tier(
                    "e2e",
                    Outcome::Failed("exit code 1".into()),
                    Some(Counts {
                        passed: 2,
                        failed: 1,
                        ignored: 0,
                    }),
                ),
            ],
            Duration::from_secs(125),
        );
        assert!(text.contains("✓ fmt"), "{text}");
        assert!(text.contains("✗ e2e"), "{text}");
        assert!(text.contains("total time 2m05s"), "{text}");
        assert!(text.contains("FAILED tiers: e2e"), "{text}");
        assert_eq!(text.lines().last(), Some("12 passed, 1 failed"));
    }
}
