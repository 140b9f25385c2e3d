//! The HTML shell every page shares: one self-contained file, its CSS and script inline, nothing
//! fetched from the network; readable in any browser and printable.

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1d1d1f; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
code, pre, .mono, svg text { font-family: ui-monospace, Menlo, Consolas, monospace; }
table.results { border-collapse: collapse; }
table.results th, table.results td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; }
table.results th { cursor: pointer; background: #f3f3f3; user-select: none; }
td.pass { color: #17692b; } td.fail { color: #b00020; font-weight: bold; }
td.skipped, td.pending { color: #777; } td.num { text-align: right; }
.views { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; overflow-x: auto; }
.view { flex: none; }
.view { border: 1px solid #ddd; padding: 0.5em; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 4px; border-radius: 3px; }
svg .lane-bg { fill: #fafafa; stroke: #e3e3e3; }
svg .lane-title { font-weight: bold; font-size: 13px; }
svg .step-box { fill: #fff; stroke: #c8c8c8; }
svg .step:hover .step-box { stroke: #333; stroke-width: 2; }
svg .step text { font-size: 11px; }
svg .gutter { font-size: 10px; fill: #888; }
svg .src { font-family: ui-monospace, monospace; font-size: 10.5px; fill: #555; white-space: pre; }
svg .violating .step-box { stroke: #b00020; stroke-width: 2; fill: #fde7ea; }
svg .violation rect { fill: #b00020; } svg .violation text { fill: #fff; font-size: 12px; font-weight: bold; }
svg .violation-mark { fill: #b00020; font-size: 11px; font-weight: bold; }
p.violation-text { color: #b00020; font-weight: bold; max-width: 60em; }
svg .hold { fill: #7b4bb5; } svg .hold-label { font-size: 9px; fill: #7b4bb5; }
svg .gc { fill: #8a8a8a; opacity: 0.15; }
svg .elided text { font-size: 11px; fill: #777; }
.eml-shared { fill: #9fd89f; background: #9fd89f; }
.eml-promoting { fill: #f3d36b; background: #f3d36b; }
.eml-exclusive { fill: #e9743a; background: #e9743a; }
.eml-released { fill: #6aa7e8; background: #6aa7e8; }
.eml-parked { fill: #b9b9b9; background: #b9b9b9; }
.eml-blocked { fill: #5b5b5b; background: #5b5b5b; color: #fff; }
@media print { body { margin: 0; } table.results th { cursor: default; } .views { display: block; } }
"#;

/// Sorts a results table by the clicked column (numbers by value, text alphabetically).
const SCRIPT: &str = r#"
document.querySelectorAll('table.results th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var down = th.dataset.sorted !== 'up';
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.sort || a.cells[column].textContent;
      var y = b.cells[column].dataset.sort || b.cells[column].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return down ? c : -c;
    });
    table.querySelectorAll('th').forEach(function (h) { delete h.dataset.sorted; });
    th.dataset.sorted = down ? 'up' : 'down';
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"#;

/// A whole page around `body` (already HTML).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n{body}\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        escape(title)
    )
}
