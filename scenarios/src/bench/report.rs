//! Printing bench measurements: an aligned table, or one JSON object per measurement.

use emlab_vm::Mode;
use serde_json::json;

/// Explains the `scaling` column under the table.
const SCALING_LEGEND: &str =
    "scaling = threads × time(1 thread) / time: throughput vs 1 thread (each does a full share; ideal = threads)\n";

/// One program timed in one mode at one thread count.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// The program's name: its file name, or its path under the directory given.
    pub program: String,
    pub mode: Mode,
    pub threads: usize,
    /// emlab's fastest run, in seconds (`None` when the program failed).
    pub seconds: Option<f64>,
    /// CPython's fastest run, in seconds (`None` without `--python`, or when CPython failed).
    pub python_seconds: Option<f64>,
    /// Why the measurement failed: the program raised, CPython failed, or their outputs differ
    /// (the only failure with both times known).
    pub error: Option<String>,
}

impl Measurement {
    pub fn new(program: &str, mode: Mode, threads: usize) -> Measurement {
        Measurement { program: program.to_string(), mode, threads, seconds: None, python_seconds: None, error: None }
    }
}

/// `1 thread`, `4 threads`.
pub fn threads_text(threads: usize) -> String {
    if threads == 1 {
        "1 thread".to_string()
    } else {
        format!("{threads} threads")
    }
}

/// The JSON object of DESIGN "The command line": `{"program", "mode", "threads", "seconds",
/// "python_seconds"}`, keys in that order, times rounded to the microsecond.
pub fn json(m: &Measurement) -> String {
    let round = |s: Option<f64>| s.map(|s| (s * 1e6).round() / 1e6);
    format!(
        "{{\"program\":{},\"mode\":{},\"threads\":{},\"seconds\":{},\"python_seconds\":{}}}",
        json!(m.program),
        json!(m.mode.name()),
        m.threads,
        json!(round(m.seconds)),
        json!(round(m.python_seconds)),
    )
}

/// Notes on programs that have no `THREADS = ...` line when other thread counts than 1 were asked.
pub fn notes(unthreaded: &[String], counts: &[usize]) -> Vec<String> {
    if unthreaded.is_empty() || counts.iter().all(|&t| t == 1) {
        return Vec::new();
    }
    let what = if counts.contains(&1) { "measured at 1 thread only" } else { "not measured (--threads has no 1)" };
    vec![format!("no top-level `THREADS = ...` line, so {what}: {}", unthreaded.join(", "))]
}

/// `T × time(1) / time(T)` when the same program and mode also ran at 1 thread.
fn scaling(m: &Measurement, all: &[Measurement]) -> Option<f64> {
    if m.threads == 1 {
        return None;
    }
    let one = all.iter().find(|o| o.program == m.program && o.mode == m.mode && o.threads == 1)?;
    Some(m.threads as f64 * one.seconds? / m.seconds?)
}

/// The text report: one aligned row per measurement, in the order given, then legends and notes.
pub fn table(measurements: &[Measurement], with_python: bool, notes: &[String]) -> String {
    let with_scaling = measurements.iter().any(|m| scaling(m, measurements).is_some());
    let mut header = vec!["program", "mode", "threads", "emlab (s)"];
    if with_python {
        header.extend(["python (s)", "python/emlab"]);
    }
    if with_scaling {
        header.push("scaling");
    }
    let seconds = |s: Option<f64>| s.map_or("failed".to_string(), |s| format!("{s:.3}"));
    let mut rows = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for m in measurements {
        let mut row = vec![m.program.clone(), m.mode.to_string(), m.threads.to_string(), seconds(m.seconds)];
        if with_python {
            row.push(seconds(m.python_seconds));
            row.push(match (m.seconds, m.python_seconds, &m.error) {
                (Some(e), Some(p), None) => format!("{:.2}×", p / e),
                (Some(_), Some(_), Some(_)) => "mismatch".to_string(),
                _ => "-".to_string(),
            });
        }
        if with_scaling {
            row.push(scaling(m, measurements).map_or(String::new(), |s| format!("{s:.2}×")));
        }
        rows.push(row);
    }
    let columns = rows[0].len();
    let widths: Vec<usize> =
        (0..columns).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, &w))| if c < 2 { format!("{cell:<w$}") } else { format!("{cell:>w$}") })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    if with_scaling {
        out.push_str(SCALING_LEGEND);
    }
    for note in notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(program: &str, threads: usize, seconds: f64, python: Option<f64>) -> Measurement {
        Measurement { seconds: Some(seconds), python_seconds: python, ..Measurement::new(program, Mode::Eml, threads) }
    }

    #[test]
    fn json_has_the_documented_keys_in_order() {
        let m = measured("fib.py", 1, 0.1234567, None);
        assert_eq!(
            json(&m),
            r#"{"program":"fib.py","mode":"eml","threads":1,"seconds":0.123457,"python_seconds":null}"#
        );
        let m = measured("a\"b.py", 2, 1.0, Some(2.5));
        let value: serde_json::Value = serde_json::from_str(&json(&m)).unwrap();
        assert_eq!(value["program"], "a\"b.py");
        assert_eq!(value["python_seconds"], 2.5);
    }

    #[test]
    fn the_table_aligns_ratios_and_scaling() {
        let ms = [
            measured("fib.py", 1, 0.5, Some(1.0)),
            measured("threads.py", 1, 1.0, Some(2.0)),
            measured("threads.py", 2, 1.25, Some(4.0)),
        ];
        let text = table(&ms, true, &[]);
        let expected = "\
program     mode  threads  emlab (s)  python (s)  python/emlab  scaling
fib.py      eml         1      0.500       1.000         2.00×
threads.py  eml         1      1.000       2.000         2.00×
threads.py  eml         2      1.250       4.000         3.20×    1.60×
scaling = threads × time(1 thread) / time: throughput vs 1 thread (each does a full share; ideal = threads)
";
        assert_eq!(text, expected);
    }

    #[test]
    fn failures_and_notes_show_in_the_table() {
        let ms = [Measurement { error: Some("boom".to_string()), ..Measurement::new("bad.py", Mode::Gil, 1) }];
        let notes = notes(&["bad.py".to_string()], &[1, 2]);
        let text = table(&ms, false, &notes);
        assert!(text.starts_with("program  mode  threads  emlab (s)\nbad.py   gil         1     failed\n"), "{text}");
        assert!(text.ends_with("note: no top-level `THREADS = ...` line, so measured at 1 thread only: bad.py\n"));
        assert!(super::notes(&["bad.py".to_string()], &[1]).is_empty());
        let mismatch = Measurement { error: Some("output differs".to_string()), ..measured("m.py", 1, 1.0, Some(2.0)) };
        assert!(table(&[mismatch], true, &[]).contains("1.000       2.000      mismatch\n"));
    }
}
