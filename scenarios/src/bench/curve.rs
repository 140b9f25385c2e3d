//! The EML's own cost (`emlab bench --ext-share`): the speedup of N threads against 1 as the share
//! of iterations that call a non-free-threaded extension grows, per mode, next to the promotions
//! that `eml` paid for it and their latency.

use super::report::{distinct, render, speedup, threads_text, times_text, Measurement};
use emlab_vm::Mode;

/// The text report of an `--ext-share` run: one row per program and share, a `MODE N vs 1`
/// speedup column per mode and thread count N > 1, then the promotions of the `eml` run at the
/// most threads (count, and median latencies in microseconds); then legends and notes.
pub fn table(measurements: &[Measurement], notes: &[String]) -> String {
    let mut counts = distinct(measurements, |m| m.threads);
    counts.sort_unstable();
    let most = counts.last().copied().unwrap_or(1);
    let speedups: Vec<usize> = counts.iter().copied().filter(|&t| t > 1 && counts.contains(&1)).collect();
    let modes = distinct(measurements, |m| m.mode);
    let eml_at_most = |m: &Measurement| m.mode == Mode::Eml && m.threads == most;
    let with_promotions = measurements.iter().any(|m| eml_at_most(m) && m.promotions.is_some());
    let mut header = vec!["program".to_string(), "share".to_string(), "every".to_string()];
    for &mode in &modes {
        header.extend(speedups.iter().map(|t| format!("{mode} {t} vs 1")));
    }
    if with_promotions {
        header.extend(["promotions", "parked p50", "p99", "resumed p50", "p99"].map(String::from));
    }
    let mut rows = vec![header];
    for program in distinct(measurements, |m| m.program.clone()) {
        let of_program: Vec<&Measurement> = measurements.iter().filter(|m| m.program == program).collect();
        for share in distinct(measurements, |m| m.share) {
            let of_share: Vec<&Measurement> = of_program.iter().copied().filter(|m| m.share == share).collect();
            if of_share.is_empty() {
                continue;
            }
            let mut row = vec![
                program.clone(),
                share.map_or(String::new(), |s| s.text()),
                share.map_or(String::new(), |s| s.every.to_string()),
            ];
            for &mode in &modes {
                let at = |t: usize| of_share.iter().copied().find(|m| m.mode == mode && m.threads == t);
                row.extend(speedups.iter().map(|&t| match at(t) {
                    Some(m) if m.error.is_some() => "failed".to_string(),
                    Some(m) => times_text(speedup(m, measurements)),
                    None => String::new(),
                }));
            }
            if with_promotions {
                let promoted = of_share.iter().find(|m| eml_at_most(m)).and_then(|m| m.promotions);
                let micros = |d: std::time::Duration| format!("{:.1}", d.as_secs_f64() * 1e6);
                row.extend(match promoted {
                    Some(p) => [
                        p.count.to_string(),
                        micros(p.parked_median),
                        micros(p.parked_p99),
                        micros(p.resumed_median),
                        micros(p.resumed_p99),
                    ],
                    None => Default::default(),
                });
            }
            rows.push(row);
        }
    }
    let mut out = render(&rows, 1);
    out.push_str("share: the iterations that call the extension, one in `every` (its EVERY line rewritten)\n");
    if !speedups.is_empty() {
        out.push_str(
            "MODE N vs 1 = N × time(1 thread) / time(N threads): throughput against 1 thread, every thread doing a \
             full share of work (ideal = N)\n",
        );
    }
    if with_promotions {
        out.push_str(&format!(
            "promotions: EML promotions in eml's fastest run at {}; parked: time in µs from the stop request until \
             every other thread was parked (median, 99th percentile); resumed: until the call had ended and the \
             others could resume\n",
            threads_text(most)
        ));
    }
    for note in notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::rewrite::ExtShare;
    use emlab_vm::PromotionSummary;
    use std::time::Duration;

    fn measured(mode: Mode, every: u64, threads: usize, seconds: f64) -> Measurement {
        Measurement {
            share: Some(ExtShare { every }),
            seconds: Some(seconds),
            ..Measurement::new("ext_mix.py", mode, threads)
        }
    }

    #[test]
    fn one_row_per_share_with_a_speedup_per_mode_and_the_promotions() {
        let promotions = |count| PromotionSummary {
            count,
            parked_median: Duration::from_nanos(15_040),
            parked_p99: Duration::from_nanos(80_000),
            resumed_median: Duration::from_nanos(31_200),
            resumed_p99: Duration::from_nanos(90_000),
        };
        let ms = [
            measured(Mode::Eml, 1000, 1, 1.0),
            Measurement { promotions: Some(promotions(1200)), ..measured(Mode::Eml, 1000, 2, 1.05) },
            measured(Mode::GilOnImport, 1000, 1, 1.0),
            measured(Mode::GilOnImport, 1000, 2, 2.0),
            measured(Mode::Eml, 10, 1, 1.0),
            Measurement { promotions: Some(promotions(120_000)), ..measured(Mode::Eml, 10, 2, 4.0) },
            measured(Mode::GilOnImport, 10, 1, 1.0),
            Measurement { error: Some("boom".into()), ..measured(Mode::GilOnImport, 10, 2, 2.0) },
        ];
        let expected = "\
program     share  every  eml 2 vs 1  gil-on-import 2 vs 1  promotions  parked p50   p99  resumed p50   p99
ext_mix.py   0.1%   1000       1.90×                 1.00×        1200        15.0  80.0         31.2  90.0
ext_mix.py    10%     10       0.50×                failed      120000        15.0  80.0         31.2  90.0
share: the iterations that call the extension, one in `every` (its EVERY line rewritten)
";
        let text = table(&ms, &[]);
        assert!(text.starts_with(expected), "{text}");
        assert!(text.contains("eml's fastest run at 2 threads"), "{text}");
    }

    #[test]
    fn without_eml_there_are_no_promotion_columns() {
        let ms = [measured(Mode::GilOnImport, 100, 1, 1.0), measured(Mode::GilOnImport, 100, 2, 2.0)];
        let text = table(&ms, &["a note".to_string()]);
        assert!(
            text.starts_with(
                "program     share  every  gil-on-import 2 vs 1\next_mix.py     1%    100                 1.00×\n"
            ),
            "{text}"
        );
        assert!(!text.contains("promotions") && text.ends_with("note: a note\n"), "{text}");
    }
}
