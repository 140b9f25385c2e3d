//! `emlab check --mode all`: a scenario × mode table of what each strategy allows.
//!
//! Every scenario runs under each of the four modes (eml, gil, nogil, gil-on-import) with its
//! schedulers; a cell holds the kinds of violation found by any of them, `-` when none was. It
//! answers the question per program: which code that relied on an extension call being atomic
//! breaks under `nogil`, stays correct under `eml`, and what `gil-on-import` costs. There are no
//! verdicts: expectations are written for one mode.

use crate::report::{found_text, PairResult};
use emlab_scheduler::SchedulerKind;
use emlab_vm::{Mode, ViolationKind};
use std::fmt::Write;

/// One scenario under one mode, over all its schedulers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub found: Vec<ViolationKind>,
    pub schedules: usize,
    pub seconds: f64,
    pub schedulers: Vec<SchedulerKind>,
    /// Every scheduler was skipped.
    pub skipped: bool,
    /// Some scheduler covered every interleaving class (None while explorations don't say).
    pub complete: Option<bool>,
}

/// The scenarios (in order of first appearance) and their cells, one per mode of [`Mode::ALL`].
pub fn cells(results: &[PairResult]) -> Vec<(String, Vec<Cell>)> {
    let mut rows: Vec<(String, Vec<Cell>)> = Vec::new();
    let mut seen_any: Vec<Vec<bool>> = Vec::new();
    for r in results {
        let row = match rows.iter().position(|(name, _)| *name == r.scenario) {
            Some(row) => row,
            None => {
                rows.push((r.scenario.clone(), vec![Cell { skipped: true, ..Cell::default() }; Mode::ALL.len()]));
                seen_any.push(vec![false; Mode::ALL.len()]);
                rows.len() - 1
            }
        };
        let column = Mode::ALL.iter().position(|&m| m == r.mode).expect("a known mode");
        let cell = &mut rows[row].1[column];
        seen_any[row][column] = true;
        for &kind in &r.found {
            if !cell.found.contains(&kind) {
                cell.found.push(kind);
            }
        }
        cell.found.sort();
        cell.schedules += r.schedules;
        cell.seconds += r.seconds;
        if !cell.schedulers.contains(&r.scheduler) {
            cell.schedulers.push(r.scheduler);
        }
        cell.skipped &= r.skipped.is_some();
        cell.complete = match (cell.complete, r.complete) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (None, None) => None,
            _ => Some(false),
        };
    }
    for (row, seen) in rows.iter_mut().zip(seen_any) {
        for (cell, seen) in row.1.iter_mut().zip(seen) {
            cell.skipped &= seen;
        }
    }
    rows
}

fn cell_text(cell: &Cell, ran: bool) -> String {
    let mut text = match (ran, cell.skipped, cell.found.is_empty()) {
        (false, _, _) => String::new(),
        (true, true, _) => "skipped".to_string(),
        (true, false, true) => "-".to_string(),
        (true, false, false) => found_text(&cell.found),
    };
    if cell.complete == Some(true) {
        text.push_str(" (complete)");
    }
    text
}

/// The table as text, then a summary line.
pub fn text(results: &[PairResult]) -> String {
    let rows = cells(results);
    let ran: Vec<bool> = Mode::ALL.iter().map(|m| results.iter().any(|r| r.mode == *m)).collect();
    let mut widths: Vec<usize> = Mode::ALL.iter().map(|m| m.name().len()).collect();
    let mut name_width = "scenario".len();
    for (name, cells) in &rows {
        name_width = name_width.max(name.len());
        for (i, cell) in cells.iter().enumerate() {
            widths[i] = widths[i].max(cell_text(cell, ran[i]).len());
        }
    }
    let mut out = String::new();
    let _ = write!(out, "{:<name_width$}", "scenario");
    for (i, mode) in Mode::ALL.iter().enumerate() {
        let _ = write!(out, "  {:<w$}", mode.name(), w = widths[i]);
    }
    out = out.trim_end().to_string() + "\n";
    let mut violating = 0;
    for (name, cells) in &rows {
        let mut line = format!("{name:<name_width$}");
        for (i, cell) in cells.iter().enumerate() {
            let _ = write!(line, "  {:<w$}", cell_text(cell, ran[i]), w = widths[i]);
            violating += usize::from(!cell.found.is_empty());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let schedules: usize = results.iter().map(|r| r.schedules).sum();
    let modes = ran.iter().filter(|&&r| r).count();
    let _ = writeln!(
        out,
        "{} scenarios x {modes} modes, {schedules} schedules: violations in {violating} of {} cells",
        rows.len(),
        rows.len() * modes
    );
    out
}

/// The table as JSON lines: one object per scenario and mode.
pub fn json_lines(results: &[PairResult]) -> Vec<String> {
    let mut lines = Vec::new();
    for (name, cells) in cells(results) {
        for (mode, cell) in Mode::ALL.iter().zip(cells) {
            if cell.schedulers.is_empty() {
                continue;
            }
            let mut object = serde_json::json!({
                "scenario": name,
                "mode": mode.name(),
                "found": cell.found.iter().map(|k| k.name()).collect::<Vec<_>>(),
                "schedules": cell.schedules,
                "schedulers": cell.schedulers.iter().map(|k| k.name()).collect::<Vec<_>>(),
                "skipped": cell.skipped,
                "seconds": (cell.seconds * 1000.0).round() / 1000.0,
            });
            if let Some(complete) = cell.complete {
                object.as_object_mut().expect("an object").insert("complete".into(), complete.into());
            }
            lines.push(object.to_string());
        }
    }
    lines
}

/// 1 when some run found a vm-panic (a bug in emlab itself), else 0: a matrix has no expectations.
pub fn exit_code(results: &[PairResult]) -> i32 {
    if results.iter().any(|r| r.found.contains(&ViolationKind::VmPanic)) {
        crate::exit::PROGRAM_ERROR
    } else {
        crate::exit::OK
    }
}
