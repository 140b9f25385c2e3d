//! emlab's own diagnostics, through `tracing`: for people diagnosing emlab, not for the checker's
//! logic (verdicts rest on the typed trace events, collected as before).
//!
//! `EMLAB_LOG` is an `EnvFilter` (`EMLAB_LOG=emlab_scheduler::dpor=trace`,
//! `EMLAB_LOG=emlab_vm=debug`, `EMLAB_LOG=debug`); without it no subscriber is installed and no
//! event is formatted. Events go to stderr, as text or, with `--log-format json`, one JSON object
//! per line.
//!
//! | target | level | events |
//! | --- | --- | --- |
//! | `emlab::check` | info | a span per scenario, mode and scheduler |
//! | `emlab_scheduler::dpor` | debug | a span per execution; its end (steps, schedule), races found, sleep-set blocks |
//! | `emlab_scheduler::dpor` | trace | every step's footprint, branches queued, yields |
//! | `emlab_scheduler::minimize` | debug | each smaller failing schedule, the result |
//! | `emlab_vm::interp::thread` | debug | collections (live, freed, heap bytes) |
//! | `emlab_vm::interp::extcall` | trace | promotions for extension calls |

use tracing_subscriber::EnvFilter;

/// How diagnostics are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per event.
    Json,
}

/// Installs a subscriber for `EMLAB_LOG`, if it is set. A filter that does not parse is a usage
/// error, with the reason.
pub fn init(format: LogFormat) -> Result<(), String> {
    let Some(spec) = std::env::var_os("EMLAB_LOG") else { return Ok(()) };
    let spec = spec.to_string_lossy();
    let filter = EnvFilter::builder().parse(spec.as_ref()).map_err(|e| format!("emlab: EMLAB_LOG={spec}: {e}"))?;
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(false);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
    Ok(())
}
