//! HTML reports: `emlab check ... --report DIR` and `emlab replay ... --html FILE`.
//!
//! `DIR/index.html` lists every result (sortable: scenario, mode, scheduler, verdict, expected,
//! found, schedules, seconds, completeness), and under `--mode all` the mode matrix too; every
//! result that found a violation, expected or not, gets a page with its trace as swimlanes, the
//! minimized trace and the original side by side. Each page is one self-contained file.
//!
//! Pages are drawn from the trace's events through one adapter, [`steps::step`].

mod index;
mod page;
pub mod steps;
mod swimlanes;

use crate::report::{found_text, PairResult};
use emlab_scheduler::{RunReport, Target, TraceEvent};
use emlab_vm::bytecode::Program;
use emlab_vm::{Mode, Violation};
use page::escape;
use std::fmt::Write;
use std::path::Path;

/// One trace to draw.
#[derive(Debug, Clone)]
pub struct TraceView {
    /// What this trace is, e.g. `minimized` or `as found`.
    pub title: String,
    /// The trace's header line (scenario, mode, scheduler, seed).
    pub header: String,
    pub events: Vec<TraceEvent>,
    pub violation: Option<Violation>,
    pub schedule: String,
    /// The mode the trace ran in: in `nogil` there is no EML, so its lanes draw no EML bands.
    pub mode: Mode,
    /// The program's file, whose line each step shows next to it.
    pub source: std::sync::Arc<Program>,
    /// Scheduling steps of the schedule (what the text's `minimized:` line counts); 0 for a loom
    /// schedule, which counts none.
    pub steps: usize,
}

impl TraceView {
    /// The view of `report`, a run of `target`.
    pub fn new(
        title: &str,
        header: &str,
        target: &Target,
        report: &RunReport,
        violation: Option<&Violation>,
    ) -> TraceView {
        TraceView {
            title: title.to_string(),
            header: header.to_string(),
            events: report.events.clone(),
            violation: violation.cloned(),
            schedule: report.schedule.to_string(),
            mode: target.mode,
            source: target.program.clone(),
            steps: report.schedule.steps(),
        }
    }
}

/// A page with `views` side by side, under a title, a list of facts and the replay command.
pub fn trace_page(title: &str, facts: &[(&str, String)], replay: Option<&str>, views: &[TraceView]) -> String {
    let mut body = format!("<h1>{}</h1>\n<table class=\"facts\">\n", escape(title));
    for (name, value) in facts {
        let _ = writeln!(body, "<tr><th>{}</th><td class=\"mono\">{}</td></tr>", escape(name), escape(value));
    }
    if let Some(cmd) = replay {
        let _ = writeln!(body, "<tr><th>replay</th><td><code>{}</code></td></tr>", escape(cmd));
    }
    body.push_str("</table>\n");
    body.push_str(&swimlanes::legend());
    body.push_str("<div class=\"views\">\n");
    for view in views {
        let _ = writeln!(
            body,
            "<section class=\"view\" data-view=\"{}\">\n<h2>{} ({})</h2>\n<p class=\"mono\">{}<br>schedule: {}</p>\n{}{}</section>",
            escape(&view.title),
            escape(&view.title),
            // Trace lines and scheduling steps, named as the text trace and its `minimized:` line
            // name them.
            match view.steps {
                0 => format!("{} trace lines", view.events.len()),
                steps => format!("{} trace lines, {steps} steps", view.events.len()),
            },
            escape(&view.header),
            escape(&view.schedule),
            view.violation.as_ref().map(|v| format!("<p class=\"violation-text\">violation: {}</p>\n", escape(&v.to_string()))).unwrap_or_default(),
            swimlanes::svg(view)
        );
    }
    body.push_str("</div>\n");
    page::page(title, &body)
}

/// The file name of result `n`'s page.
fn page_name(n: usize, r: &PairResult) -> String {
    let scenario: String =
        r.scenario.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' }).collect();
    format!("{n:03}-{scenario}-{}-{}.html", r.mode.name(), r.scheduler.name())
}

/// Writes `dir/index.html` and one page per result with a trace; returns the pages written.
pub fn write_report(dir: &Path, results: &[PairResult], matrix: bool) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("emlab: cannot create {}: {e}", dir.display()))?;
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("emlab: cannot write {}: {e}", path.display()))
    };
    let mut pages = Vec::new();
    for (n, r) in results.iter().enumerate() {
        if r.views.is_empty() {
            pages.push(None);
            continue;
        }
        let name = page_name(n + 1, r);
        let mut facts = vec![
            ("scenario", r.scenario.clone()),
            ("mode", r.mode.name().to_string()),
            ("scheduler", r.scheduler.name().to_string()),
            ("schedules", r.schedules.to_string()),
            ("found", found_text(&r.found)),
        ];
        if let (Some(expected), Some(verdict)) = (&r.expected, r.verdict) {
            facts.push(("expected", expected.clone()));
            facts.push(("verdict", verdict.name().to_string()));
        }
        if let Some(s) = r.shrink {
            facts.push(("minimized", s.describe()));
        }
        let title = format!("{} [{}, {}]", r.scenario, r.mode.name(), r.scheduler.name());
        write(&name, &trace_page(&title, &facts, r.replay.as_deref(), &r.views))?;
        pages.push(Some(name));
    }
    write("index.html", &index::index(results, &pages, matrix))?;
    Ok(pages.iter().flatten().count())
}
