//! `index.html` of a report: every result in a sortable table, and the mode matrix under
//! `--mode all`.

use super::page::{escape, page};
use crate::matrix;
use crate::report::{found_text, PairResult};
use emlab_vm::Mode;
use std::fmt::Write;

/// The index page; `pages[i]` is the file name of result i's trace page, if it has one.
pub fn index(results: &[PairResult], pages: &[Option<String>], matrix: bool) -> String {
    let mut body = String::from("<h1>emlab check</h1>\n");
    let failed = results.iter().filter(|r| r.verdict == Some(crate::report::Verdict::Fail)).count();
    let _ = writeln!(
        body,
        "<p>{} results{}; click a column to sort.</p>",
        results.len(),
        if matrix { String::new() } else { format!(", {}", escape(&crate::report::summary(results))) }
    );
    if failed > 0 {
        let _ = writeln!(body, "<p class=\"mono\" style=\"color:#b00020\">{failed} failed</p>");
    }
    if matrix {
        body.push_str(&matrix_table(results));
    }
    body.push_str(
        "<table class=\"results\">\n<thead><tr><th>scenario</th><th>mode</th><th>scheduler</th><th>verdict</th>\
         <th>expected</th><th>found</th><th>schedules</th><th>seconds</th><th>complete</th><th>trace</th></tr></thead>\n<tbody>\n",
    );
    for (r, page) in results.iter().zip(pages) {
        let verdict = r.verdict.map(|v| v.name()).unwrap_or("-");
        let complete = match r.complete {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        let link = match page {
            Some(name) => format!("<a href=\"{}\">swimlanes</a>", escape(name)),
            None => String::new(),
        };
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"{verdict}\">{verdict}</td><td>{}</td><td>{}</td>\
             <td class=\"num\">{}</td><td class=\"num\" data-sort=\"{:.6}\">{:.2}</td><td>{complete}</td><td>{link}</td></tr>",
            escape(&r.scenario),
            r.mode.name(),
            r.scheduler.name(),
            escape(r.expected.as_deref().unwrap_or("")),
            escape(&found_text(&r.found)),
            r.schedules,
            r.seconds,
            r.seconds
        );
    }
    body.push_str("</tbody>\n</table>\n");
    page("emlab check", &body)
}

fn matrix_table(results: &[PairResult]) -> String {
    let mut out = String::from(
        "<h2>Mode matrix: violations found</h2>\n<table class=\"results matrix\">\n<thead><tr><th>scenario</th>",
    );
    for mode in Mode::ALL {
        let _ = write!(out, "<th>{}</th>", mode.name());
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (name, cells) in matrix::cells(results) {
        let _ = write!(out, "<tr><td>{}</td>", escape(&name));
        for cell in cells {
            let text = if cell.schedulers.is_empty() {
                String::new()
            } else if cell.skipped {
                "skipped".to_string()
            } else if cell.found.is_empty() {
                "-".to_string()
            } else {
                found_text(&cell.found)
            };
            let class = if cell.found.is_empty() { "pass" } else { "fail" };
            let _ = write!(out, "<td class=\"{class}\">{}</td>", escape(&text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}
