//! `emlab suite`: the bundled scenario suite, listed or written out for editing.

use crate::bundled;
use crate::cli::{SuiteArgs, SuiteCommand};
use crate::exit;
use crate::scenario::Scenario;
use std::path::Path;

/// Runs `emlab suite ...`; returns the exit code (0, or 2 when the suite cannot be written).
pub fn suite(args: &SuiteArgs) -> i32 {
    match &args.command {
        SuiteCommand::List => {
            for (name, source) in bundled::scenarios("").unwrap_or_default() {
                let path = format!("{}{name}", bundled::SUITE_PREFIX);
                let described = Scenario::parse(Path::new(&path), name, source)
                    .map(|s| {
                        format!(
                            "{:<8} {}",
                            s.expect.to_string().split(' ').next().unwrap_or(""),
                            s.description.unwrap_or_default()
                        )
                    })
                    .unwrap_or_else(|e| e.to_string());
                println!("{path:<44} {described}");
            }
            exit::OK
        }
        SuiteCommand::Export { dir, force } => match bundled::export_suite(dir, *force) {
            Ok(count) => {
                println!("wrote {count} files to {}; check them with: emlab check {}", dir.display(), dir.display());
                exit::OK
            }
            Err(message) => {
                eprintln!("{message}");
                exit::USAGE
            }
        },
    }
}
