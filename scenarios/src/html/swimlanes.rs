//! One trace as swimlanes: a lane per thread, steps top to bottom, the EML state as coloured
//! bands, lock holds, collections, and the violation marked where it happens; an SVG inline in
//! the page. Hovering a step shows its event and the objects it touched.

use super::page::escape;
use super::steps::{spans, step, violation_step, EmlState, Step};
use super::TraceView;
use emlab_scheduler::collect::{shorten, source_line, SOURCE_CHARS};
use std::fmt::Write;

const ROW: usize = 22;
const LANE: usize = 300;
/// Where the source column starts: after the step numbers and the violation's mark.
const NUMBERS: usize = 44;
/// The source column: each step's line text, as the text trace shows it.
const SOURCE: usize = 196;
const GUTTER: usize = NUMBERS + SOURCE;
const TOP: usize = 28;
const BAND: usize = 8;
/// Traces longer than this show their first `HEAD` steps and their last ones.
const MAX_SHOWN: usize = 400;
const HEAD: usize = 260;
/// About how many characters of a step fit in its lane.
const TEXT_CHARS: usize = 38;

/// Which rows are drawn, and where: the middle of a long trace is elided into one row.
struct Rows {
    len: usize,
}

impl Rows {
    fn elided(&self) -> bool {
        self.len > MAX_SHOWN
    }

    /// The drawn row of step `row`, or None when it is elided.
    fn shown(&self, row: usize) -> Option<usize> {
        if !self.elided() || row < HEAD {
            Some(row)
        } else if row >= self.len - (MAX_SHOWN - HEAD) {
            Some(row - (self.len - MAX_SHOWN) + 1)
        } else {
            None
        }
    }

    /// The drawn position of a span boundary (elided rows fold onto the elision row).
    fn edge(&self, row: usize) -> usize {
        match self.shown(row.min(self.len)) {
            Some(r) => r,
            None if row >= self.len => self.count(),
            None => HEAD,
        }
    }

    /// How many rows are drawn, the elision row included.
    fn count(&self) -> usize {
        if self.elided() {
            MAX_SHOWN + 1
        } else {
            self.len
        }
    }
}

fn y(row: usize) -> usize {
    TOP + row * ROW
}

fn lane_x(thread: u32) -> usize {
    GUTTER + thread as usize * LANE
}

fn tooltip(number: usize, s: &Step, source: &str) -> String {
    let mut text = format!("{number}  t{}  ", s.thread);
    if s.line > 0 {
        text.push_str(&format!("line {}: {}\n", s.line, source_line(source, s.line)));
    }
    text.push_str(&s.what);
    if !s.note.is_empty() {
        text.push_str(&format!("\n{}", s.note));
    }
    if !s.objects.is_empty() {
        let objects: Vec<String> = s.objects.iter().map(|n| format!("#{n}")).collect();
        text.push_str(&format!("\nobjects: {}", objects.join(", ")));
    }
    text
}

/// The SVG of one trace.
pub fn svg(view: &TraceView) -> String {
    let steps: Vec<Step> = view.events.iter().map(step).collect();
    let spans = spans(&steps);
    let threads = steps.iter().map(|s| s.thread + 1).max().unwrap_or(1) as usize;
    let rows = Rows { len: steps.len() };
    let violation_row = rows.count();
    let height = y(violation_row + 1) + 8;
    let width = GUTTER + threads * LANE + 8;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg class=\"swimlanes\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\">"
    );
    // Lanes: a background over each thread's lifetime, and its name on top.
    for t in 0..threads as u32 {
        let _ = writeln!(out, "<g class=\"lane\" data-thread=\"t{t}\">");
        let _ = writeln!(out, "<text class=\"lane-title\" x=\"{}\" y=\"18\">t{t}</text>", lane_x(t) + BAND + 4);
        for life in spans.lifetimes.iter().filter(|s| s.thread == t) {
            let (from, to) = (rows.edge(life.from), rows.edge(life.to));
            let _ = writeln!(
                out,
                "<rect class=\"lane-bg\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                lane_x(t),
                y(from),
                LANE - 6,
                (to - from) * ROW
            );
        }
        let _ = writeln!(out, "</g>");
    }
    // Collections stop the world: a band across every lane.
    for gc in &spans.gc {
        let (from, to) = (rows.edge(gc.from), rows.edge(gc.to));
        let _ = writeln!(
            out,
            "<rect class=\"gc\" x=\"{GUTTER}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>stop-the-world collection \
             by t{}, steps {}-{}</title></rect>",
            y(from),
            threads * LANE,
            (to - from).max(1) * ROW,
            gc.thread,
            gc.from + 1,
            gc.to
        );
    }
    // EML bands on each lane's left edge (none in nogil mode, which has no EML).
    let eml = if view.mode == emlab_vm::Mode::Nogil { &[][..] } else { &spans.eml[..] };
    for band in eml {
        let (from, to) = (rows.edge(band.from), rows.edge(band.to));
        if to <= from {
            continue;
        }
        let name = band.what.name();
        let _ = writeln!(
            out,
            "<rect class=\"band eml-{name}\" data-thread=\"t{}\" x=\"{}\" y=\"{}\" width=\"{BAND}\" height=\"{}\">\
             <title>t{} {name}, steps {}-{}</title></rect>",
            band.thread,
            lane_x(band.thread),
            y(from),
            (to - from) * ROW,
            band.thread,
            band.from + 1,
            band.to
        );
    }
    // Lock holds on each lane's right edge.
    for hold in &spans.locks {
        let (from, to) = (rows.edge(hold.from), rows.edge(hold.to));
        let x = lane_x(hold.thread) + LANE - 14;
        let _ = writeln!(
            out,
            "<rect class=\"hold\" data-thread=\"t{}\" x=\"{x}\" y=\"{}\" width=\"4\" height=\"{}\"><title>t{} holds \
             lock #{}, steps {}-{}</title></rect><text class=\"hold-label\" x=\"{}\" y=\"{}\">#{}</text>",
            hold.thread,
            y(from) + 2,
            ((to - from) * ROW).saturating_sub(4).max(2),
            hold.thread,
            hold.what,
            hold.from + 1,
            hold.to,
            x - 2,
            y(from) + 1,
            hold.what
        );
    }
    // The steps.
    let violating = view.violation.as_ref().and_then(|v| violation_step(&steps, v));
    let source = view.source.source.as_str();
    for (i, s) in steps.iter().enumerate() {
        let Some(row) = rows.shown(i) else { continue };
        let class = if Some(i) == violating { "step violating" } else { "step" };
        let x = lane_x(s.thread) + BAND + 2;
        let code = source_line(source, s.line);
        if !code.is_empty() {
            let _ = writeln!(
                out,
                "<text class=\"src\" x=\"{}\" y=\"{}\"><title>line {}: {}</title>L{} {}</text>",
                NUMBERS,
                y(row) + 15,
                s.line,
                escape(code),
                s.line,
                escape(&shorten(code, SOURCE_CHARS))
            );
        }
        let _ = writeln!(
            out,
            "<text class=\"gutter\" x=\"4\" y=\"{}\">{}</text><g class=\"{class}\" data-step=\"{}\" \
             data-thread=\"t{}\"><title>{}</title><rect class=\"step-box\" x=\"{x}\" y=\"{}\" width=\"{}\" \
             height=\"{}\" rx=\"3\"/><text x=\"{}\" y=\"{}\">{}</text></g>",
            y(row) + 15,
            i + 1,
            i + 1,
            s.thread,
            escape(&tooltip(i + 1, s, source)),
            y(row) + 2,
            LANE - BAND - 24,
            ROW - 4,
            x + 4,
            y(row) + 15,
            escape(&shorten(&s.what, TEXT_CHARS))
        );
        if Some(i) == violating {
            let _ = writeln!(
                out,
                "<text class=\"violation-mark\" x=\"32\" y=\"{}\"><title>{}</title>▶</text>",
                y(row) + 15,
                escape(
                    &view
                        .violation
                        .as_ref()
                        .map(|v| format!("the {} violation happens here", v.kind.name()))
                        .unwrap_or_default()
                )
            );
        }
    }
    if rows.elided() {
        let _ = writeln!(
            out,
            "<g class=\"elided\"><text x=\"{GUTTER}\" y=\"{}\">… {} steps omitted …</text></g>",
            y(HEAD) + 15,
            steps.len() - MAX_SHOWN
        );
    }
    if let Some(v) = &view.violation {
        let _ = writeln!(
            out,
            "<g class=\"violation\" data-kind=\"{}\"><title>{}</title><rect x=\"{GUTTER}\" y=\"{}\" width=\"{}\" \
             height=\"{}\" rx=\"3\"/><text x=\"{}\" y=\"{}\">{}</text></g>",
            v.kind.name(),
            escape(&v.to_string()),
            y(violation_row) + 2,
            threads * LANE - 6,
            ROW - 4,
            GUTTER + 6,
            y(violation_row) + 15,
            escape(&format!("violation: {}", shorten(&v.to_string(), threads * LANE / 7)))
        );
    }
    out.push_str("</svg>\n");
    out
}

/// The colour legend.
pub fn legend() -> String {
    let mut out = String::from("<p class=\"legend\">EML: ");
    for state in EmlState::ALL {
        let _ = write!(out, "<span class=\"eml-{0}\">{0}</span>", state.name());
    }
    out.push_str(
        " &nbsp; <span style=\"color:#7b4bb5\">▮ lock held</span> <span style=\"background:#e6e6e6\">collection</span> \
         <span style=\"color:#b00020\">■ violation</span> — hover a step for its event and objects</p>",
    );
    out
}
