//! The schedule format: readable, and exactly what `emlab replay --schedule` takes.
//!
//! A shuttle schedule lists which thread ran at each scheduling point, run-length
//! encoded: `0x12.1x3.0x5` means "t0 for 12 steps, then t1 for 3, then t0 for 5".
//! A loom schedule names one execution of loom's deterministic exploration: `loom:17`.

use std::fmt;
use std::str::FromStr;

/// The most scheduling decisions a replayable schedule may hold in all: far more than any run
/// within the step budgets makes, and small enough (8 bytes each) to expand without trouble.
pub const MAX_SCHEDULE_STEPS: usize = 10_000_000;

/// One schedule: the scheduling decisions of a shuttle run, or the index of a loom execution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// The thread chosen at each scheduling point, in order.
    Shuttle(Vec<usize>),
    /// The n-th execution (from 1) of loom's exploration.
    Loom(usize),
    /// A run on real OS threads, whose interleaving nobody recorded.
    Unrecorded,
}

/// A schedule string that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad schedule '{text}': {reason} (expected e.g. '0x12.1x3.0x5' or 'loom:17')")]
pub struct ScheduleParseError {
    pub text: String,
    pub reason: String,
}

impl Schedule {
    /// The number of scheduling decisions (0 for loom).
    pub fn steps(&self) -> usize {
        match self {
            Schedule::Shuttle(choices) => choices.len(),
            Schedule::Loom(_) | Schedule::Unrecorded => 0,
        }
    }
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Schedule::Loom(n) => write!(f, "loom:{n}"),
            Schedule::Unrecorded => f.write_str("(real threads: not recorded, not replayable)"),
            Schedule::Shuttle(choices) if choices.is_empty() => f.write_str("-"),
            Schedule::Shuttle(choices) => {
                let mut first = true;
                let mut i = 0;
                while i < choices.len() {
                    let run = choices[i..].iter().take_while(|&&c| c == choices[i]).count();
                    if !first {
                        f.write_str(".")?;
                    }
                    write!(f, "{}x{run}", choices[i])?;
                    first = false;
                    i += run;
                }
                Ok(())
            }
        }
    }
}

impl FromStr for Schedule {
    type Err = ScheduleParseError;

    fn from_str(s: &str) -> Result<Schedule, ScheduleParseError> {
        let err = |reason: &str| ScheduleParseError { text: s.to_string(), reason: reason.to_string() };
        let s = s.trim();
        if let Some(n) = s.strip_prefix("loom:") {
            return match n.parse::<usize>() {
                Ok(n) if n > 0 => Ok(Schedule::Loom(n)),
                _ => Err(err("a loom execution number is a positive integer")),
            };
        }
        if s == "-" {
            return Ok(Schedule::Shuttle(Vec::new()));
        }
        // Validate every run and the total before expanding anything: a short string can name
        // billions of steps.
        let mut runs = Vec::new();
        let mut total: usize = 0;
        for part in s.split('.') {
            let (thread, run) = part.split_once('x').ok_or_else(|| err(&format!("'{part}' is not THREADxCOUNT")))?;
            let thread: usize = thread.parse().map_err(|_| err(&format!("'{thread}' is not a thread number")))?;
            let run: usize = run.parse().map_err(|_| err(&format!("'{run}' is not a step count")))?;
            if run == 0 || run > MAX_SCHEDULE_STEPS {
                return Err(err(&format!("step counts must be between 1 and {MAX_SCHEDULE_STEPS}")));
            }
            total = total.saturating_add(run);
            if total > MAX_SCHEDULE_STEPS {
                return Err(err(&format!("the schedule has more than {MAX_SCHEDULE_STEPS} steps in all")));
            }
            runs.push((thread, run));
        }
        let mut choices = Vec::with_capacity(total);
        for (thread, run) in runs {
            choices.extend(std::iter::repeat_n(thread, run));
        }
        Ok(Schedule::Shuttle(choices))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_compresses_runs() {
        let s = Schedule::Shuttle(vec![0, 0, 0, 1, 1, 0]);
        assert_eq!(s.to_string(), "0x3.1x2.0x1");
        assert_eq!("0x3.1x2.0x1".parse::<Schedule>(), Ok(s));
        assert_eq!("loom:7".parse::<Schedule>(), Ok(Schedule::Loom(7)));
        assert_eq!(Schedule::Loom(7).to_string(), "loom:7");
        assert_eq!("-".parse::<Schedule>(), Ok(Schedule::Shuttle(vec![])));
    }

    #[test]
    fn rejects_malformed_strings_with_a_reason() {
        for bad in ["", "0x", "ax3", "0x0", "loom:0", "loom:x", "1-2"] {
            let e = bad.parse::<Schedule>().unwrap_err();
            assert!(e.to_string().contains("expected e.g."), "{bad}: {e}");
        }
    }

    #[test]
    fn a_short_string_naming_too_many_steps_is_rejected_before_expanding() {
        // 40 runs of 10^7 steps: 439 bytes of text, 400 million steps.
        let huge = vec!["0x10000000.1x10000000"; 20].join(".");
        let e = huge.parse::<Schedule>().unwrap_err();
        assert!(e.reason.contains("more than 10000000 steps in all"), "{e}");
        let e = "0x99999999999999999999".parse::<Schedule>().unwrap_err();
        assert!(e.reason.contains("is not a step count"), "{e}");
        let e = "0x10000001".parse::<Schedule>().unwrap_err();
        assert!(e.reason.contains("between 1 and 10000000"), "{e}");
        assert_eq!("0x5000000.1x5000000".parse::<Schedule>().map(|s| s.steps()), Ok(10_000_000));
    }
}
