//! Printing bench measurements: a table with one row per program and mode (a column per thread
//! count, then the speedups), or one JSON object per measurement.

use super::rewrite::ExtShare;
use emlab_vm::{Mode, PromotionSummary};
use serde_json::json;

/// Explains the times and the speedup columns under the table.
const SPEEDUP_LEGEND: &str =
    "speedup N vs 1 = N × time(1 thread) / time(N threads): throughput against 1 thread, every \
                              thread doing a full share of work (ideal = N)\n";

/// One program timed in one mode at one thread count (and, with `--ext-share`, one share).
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// The program's name: its file name, or its path under the directory given.
    pub program: String,
    pub mode: Mode,
    pub threads: usize,
    /// The share of iterations that call the extension, with `--ext-share`.
    pub share: Option<ExtShare>,
    /// emlab's fastest run, in seconds (`None` when the program failed).
    pub seconds: Option<f64>,
    /// CPython's fastest run, in seconds (`None` without `--python`, or when CPython failed).
    pub python_seconds: Option<f64>,
    /// The EML promotions of emlab's fastest run, when it promoted at all (`eml` mode only).
    pub promotions: Option<PromotionSummary>,
    /// Why the measurement failed: the program raised, CPython failed, or their outputs differ
    /// (the only failure with both times known).
    pub error: Option<String>,
}

impl Measurement {
    pub fn new(program: &str, mode: Mode, threads: usize) -> Measurement {
        Measurement {
            program: program.to_string(),
            mode,
            threads,
            share: None,
            seconds: None,
            python_seconds: None,
            promotions: None,
            error: None,
        }
    }

    /// Whether `other` is the same program, mode and share (at any thread count).
    fn same_series(&self, other: &Measurement) -> bool {
        self.program == other.program && self.mode == other.mode && self.share == other.share
    }

    /// Whether CPython ran and printed something else than emlab.
    fn mismatch(&self) -> bool {
        self.seconds.is_some() && self.python_seconds.is_some() && self.error.is_some()
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

/// `threads × t1 / t`: throughput at `threads` against 1 thread, each thread doing a full share.
fn ratio(threads: usize, one: Option<f64>, this: Option<f64>) -> Option<f64> {
    Some(threads as f64 * one? / this?)
}

/// emlab's speedup of `m` against the same program, mode and share at 1 thread (`None` at 1
/// thread, or when either run failed or is missing).
pub fn speedup(m: &Measurement, all: &[Measurement]) -> Option<f64> {
    if m.threads == 1 {
        return None;
    }
    let one = all.iter().find(|o| o.threads == 1 && o.same_series(m))?;
    ratio(m.threads, one.seconds, m.seconds)
}

/// CPython's speedup at `m`'s thread count against 1 thread (CPython runs the same source in
/// every mode).
fn python_speedup(m: &Measurement, all: &[Measurement]) -> Option<f64> {
    if m.threads == 1 {
        return None;
    }
    let one = all.iter().find(|o| o.threads == 1 && o.program == m.program && o.share == m.share)?;
    ratio(m.threads, one.python_seconds, m.python_seconds)
}

/// The JSON object of DESIGN "The command line": `{"program", "mode", "threads", "seconds",
/// "python_seconds"}`, keys in that order, times rounded to the microsecond; then `"speedup"`
/// (see [`speedup`], null at 1 thread), and with `--ext-share` `"ext_share"` (percent run) and
/// `"every"`; and, when the run promoted the EML, `"promotions": {"count", "parked_median_us",
/// "parked_p99_us", "resumed_median_us", "resumed_p99_us"}`.
pub fn json(m: &Measurement, speedup: Option<f64>) -> String {
    let round = |s: Option<f64>, digits: i32| s.map(|s| (s * 10f64.powi(digits)).round() / 10f64.powi(digits));
    let mut text = format!(
        "{{\"program\":{},\"mode\":{},\"threads\":{},\"seconds\":{},\"python_seconds\":{},\"speedup\":{}",
        json!(m.program),
        json!(m.mode.name()),
        m.threads,
        json!(round(m.seconds, 6)),
        json!(round(m.python_seconds, 6)),
        json!(round(speedup, 3)),
    );
    if let Some(share) = m.share {
        text.push_str(&format!(",\"ext_share\":{},\"every\":{}", json!(round(Some(share.percent()), 4)), share.every));
    }
    if let Some(p) = m.promotions {
        let micros = |d: std::time::Duration| json!(round(Some(d.as_secs_f64() * 1e6), 1));
        text.push_str(&format!(
            ",\"promotions\":{{\"count\":{},\"parked_median_us\":{},\"parked_p99_us\":{},\"resumed_median_us\":{},\
             \"resumed_p99_us\":{}}}",
            p.count,
            micros(p.parked_median),
            micros(p.parked_p99),
            micros(p.resumed_median),
            micros(p.resumed_p99),
        ));
    }
    text.push('}');
    text
}

/// Notes on programs that have no `THREADS = ...` line when other thread counts than 1 were asked.
pub fn notes(unthreaded: &[String], counts: &[usize]) -> Vec<String> {
    if unthreaded.is_empty() || counts.iter().all(|&t| t == 1) {
        return Vec::new();
    }
    let what = if counts.contains(&1) { "measured at 1 thread only" } else { "not measured (--threads has no 1)" };
    vec![format!("no top-level `THREADS = ...` line, so {what}: {}", unthreaded.join(", "))]
}

/// `0.123` seconds, or `failed`.
fn seconds_text(s: Option<f64>) -> String {
    s.map_or("failed".to_string(), |s| format!("{s:.3}"))
}

/// `1.97×`, or empty.
pub(super) fn times_text(x: Option<f64>) -> String {
    x.map_or(String::new(), |x| format!("{x:.2}×"))
}

/// The distinct values of `key` over `measurements`, in first-seen order.
pub(super) fn distinct<T: PartialEq + Clone>(measurements: &[Measurement], key: impl Fn(&Measurement) -> T) -> Vec<T> {
    let mut seen: Vec<T> = Vec::new();
    for m in measurements {
        let k = key(m);
        if !seen.contains(&k) {
            seen.push(k);
        }
    }
    seen
}

/// The text report: one row per program and mode (programs in the order given), a column of
/// seconds per thread count, `python/emlab` with `--python`, a `speedup N vs 1` column per thread
/// count N > 1, and with `--python` a `cpython` row under each program's modes; then legends and
/// notes.
pub fn table(measurements: &[Measurement], with_python: bool, notes: &[String]) -> String {
    let mut counts = distinct(measurements, |m| m.threads);
    counts.sort_unstable();
    let speedups: Vec<usize> = counts.iter().copied().filter(|&t| t > 1 && counts.contains(&1)).collect();
    let mut header = vec!["program".to_string(), "mode".to_string()];
    header.extend(counts.iter().map(|&t| threads_text(t)));
    if with_python {
        header.push("python/emlab".to_string());
    }
    header.extend(speedups.iter().map(|t| format!("speedup {t} vs 1")));
    let mut rows = vec![header];
    for program in distinct(measurements, |m| m.program.clone()) {
        let of_program: Vec<&Measurement> = measurements.iter().filter(|m| m.program == program).collect();
        let at = |mode: Mode, t: usize| of_program.iter().copied().find(|m| m.mode == mode && m.threads == t);
        let modes = distinct(measurements, |m| m.mode)
            .into_iter()
            .filter(|&mode| counts.iter().any(|&t| at(mode, t).is_some()));
        let modes: Vec<Mode> = modes.collect();
        for &mode in &modes {
            let mut row = vec![program.clone(), mode.to_string()];
            row.extend(counts.iter().map(|&t| at(mode, t).map_or(String::new(), |m| seconds_text(m.seconds))));
            if with_python {
                let first = counts.iter().find_map(|&t| at(mode, t));
                row.push(match first {
                    Some(m) if m.mismatch() => "mismatch".to_string(),
                    Some(m) => times_text(m.python_seconds.zip(m.seconds).map(|(p, e)| p / e)),
                    None => String::new(),
                });
            }
            row.extend(speedups.iter().map(|&t| times_text(at(mode, t).and_then(|m| speedup(m, measurements)))));
            rows.push(row);
        }
        if with_python {
            // CPython runs the same source whatever the mode: its times come from the first mode.
            let first_mode = modes.first().copied();
            let python_at = |t: usize| first_mode.and_then(|mode| at(mode, t));
            let mut row = vec![program.clone(), "cpython".to_string()];
            row.extend(counts.iter().map(|&t| match python_at(t) {
                Some(m) if m.mismatch() => "mismatch".to_string(),
                Some(m) => seconds_text(m.python_seconds),
                None => String::new(),
            }));
            row.push(String::new());
            row.extend(
                speedups.iter().map(|&t| times_text(python_at(t).and_then(|m| python_speedup(m, measurements)))),
            );
            rows.push(row);
        }
    }
    let mut out = render(&rows, 2);
    out.push_str("times in seconds, the fastest of --repeat runs\n");
    if with_python {
        out.push_str(
            "python/emlab = CPython's time / emlab's, at the fewest threads; cpython rows: the same source under \
             --python\n",
        );
    }
    if !speedups.is_empty() {
        out.push_str(SPEEDUP_LEGEND);
    }
    for note in notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out
}

/// Aligns `rows` (the first is the header) in columns two spaces apart: the first `left` columns
/// flush left, the rest flush right; trailing spaces trimmed.
pub(super) fn render(rows: &[Vec<String>], left: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| rows.iter().filter_map(|r| r.get(c)).map(|cell| cell.chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns).map(width).collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, &w))| if c < left { format!("{cell:<w$}") } else { format!("{cell:>w$}") })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn measured(program: &str, mode: Mode, threads: usize, seconds: f64, python: Option<f64>) -> Measurement {
        Measurement { seconds: Some(seconds), python_seconds: python, ..Measurement::new(program, mode, threads) }
    }

    #[test]
    fn json_has_the_documented_keys_in_order() {
        let m = measured("fib.py", Mode::Eml, 1, 0.1234567, None);
        assert_eq!(
            json(&m, None),
            r#"{"program":"fib.py","mode":"eml","threads":1,"seconds":0.123457,"python_seconds":null,"speedup":null}"#
        );
        let m = measured("a\"b.py", Mode::Eml, 2, 1.0, Some(2.5));
        let value: serde_json::Value = serde_json::from_str(&json(&m, Some(1.23456))).unwrap();
        assert_eq!(value["program"], "a\"b.py");
        assert_eq!(value["python_seconds"], 2.5);
        assert_eq!(value["speedup"], 1.235);
        assert!(value.get("promotions").is_none() && value.get("ext_share").is_none());
    }

    #[test]
    fn json_adds_the_share_and_promotions_when_there_are_some() {
        let promotions = PromotionSummary {
            count: 12,
            parked_median: Duration::from_nanos(12_345),
            parked_p99: Duration::from_nanos(99_000),
            resumed_median: Duration::from_nanos(20_000),
            resumed_p99: Duration::from_nanos(120_000),
        };
        let m = Measurement {
            share: Some(ExtShare { every: 1000 }),
            promotions: Some(promotions),
            ..measured("ext_mix.py", Mode::Eml, 2, 0.5, None)
        };
        let text = json(&m, Some(1.9));
        assert!(text.contains(r#""speedup":1.9,"ext_share":0.1,"every":1000,"promotions":{"count":12,"#), "{text}");
        assert!(
            text.ends_with(
                r#""parked_median_us":12.3,"parked_p99_us":99.0,"resumed_median_us":20.0,"resumed_p99_us":120.0}}"#
            ),
            "{text}"
        );
    }

    #[test]
    fn speedup_is_throughput_against_one_thread_of_the_same_series() {
        let ms = [
            measured("a.py", Mode::Eml, 1, 1.0, None),
            measured("a.py", Mode::Eml, 2, 1.25, None),
            measured("a.py", Mode::Gil, 1, 0.5, None),
            measured("a.py", Mode::Gil, 4, 2.0, None),
            measured("b.py", Mode::Eml, 2, 1.0, None),
        ];
        assert_eq!(speedup(&ms[0], &ms), None, "1 thread has no speedup");
        assert_eq!(speedup(&ms[1], &ms), Some(1.6));
        assert_eq!(speedup(&ms[3], &ms), Some(1.0), "against gil's own 1-thread time");
        assert_eq!(speedup(&ms[4], &ms), None, "b.py never ran at 1 thread");
        let other_share = Measurement { share: Some(ExtShare { every: 10 }), ..ms[1].clone() };
        assert_eq!(speedup(&other_share, &ms), None, "a different share is a different series");
        let failed = Measurement { seconds: None, ..ms[1].clone() };
        assert_eq!(speedup(&failed, &ms), None);
    }

    #[test]
    fn the_table_has_a_row_per_program_and_mode_and_a_column_per_thread_count() {
        let ms = [
            measured("fib.py", Mode::Eml, 1, 0.5, Some(1.0)),
            measured("fib.py", Mode::Gil, 1, 0.25, Some(1.0)),
            measured("threads.py", Mode::Eml, 1, 1.0, Some(2.0)),
            measured("threads.py", Mode::Eml, 2, 1.25, Some(4.0)),
            measured("threads.py", Mode::Gil, 1, 1.0, Some(2.0)),
            measured("threads.py", Mode::Gil, 2, 2.0, Some(4.0)),
        ];
        let text = table(&ms, true, &[]);
        let expected = "\
program     mode     1 thread  2 threads  python/emlab  speedup 2 vs 1
fib.py      eml         0.500                    2.00×
fib.py      gil         0.250                    4.00×
fib.py      cpython     1.000
threads.py  eml         1.000      1.250         2.00×           1.60×
threads.py  gil         1.000      2.000         2.00×           1.00×
threads.py  cpython     2.000      4.000                         1.00×
times in seconds, the fastest of --repeat runs
python/emlab = CPython's time / emlab's, at the fewest threads; cpython rows: the same source under --python
";
        assert_eq!(text, format!("{expected}{SPEEDUP_LEGEND}"));
    }

    #[test]
    fn failures_and_notes_show_in_the_table() {
        let ms = [Measurement { error: Some("boom".to_string()), ..Measurement::new("bad.py", Mode::Gil, 1) }];
        let notes = notes(&["bad.py".to_string()], &[1, 2]);
        let text = table(&ms, false, &notes);
        assert!(text.starts_with("program  mode  1 thread\nbad.py   gil     failed\n"), "{text}");
        assert!(!text.contains("speedup"), "{text}");
        assert!(text.ends_with("note: no top-level `THREADS = ...` line, so measured at 1 thread only: bad.py\n"));
        assert!(super::notes(&["bad.py".to_string()], &[1]).is_empty());
        let mismatch =
            Measurement { error: Some("output differs".to_string()), ..measured("m.py", Mode::Eml, 1, 1.0, Some(2.0)) };
        let text = table(&[mismatch], true, &[]);
        assert!(text.contains("m.py     eml         1.000      mismatch\nm.py     cpython  mismatch\n"), "{text}");
    }
}
