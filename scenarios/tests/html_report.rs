//! `emlab check --report DIR` and `emlab replay --html FILE`: the pages' structure, read back from
//! the HTML (lanes, EML bands, lock holds, the violation), and that they are self-contained.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn emlab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_emlab")).args(args).output().expect("the emlab binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("emlab-html-{tag}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        Scratch(dir)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// The report's trace pages, by file name.
fn pages(dir: &Path) -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "index.html")
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    pages.sort();
    pages
}

/// The parts of `html` between each `<section class="view"` and its `</section>`.
fn views(html: &str) -> Vec<&str> {
    html.split("<section class=\"view\"").skip(1).map(|v| &v[..v.find("</section>").unwrap()]).collect()
}

/// Every opening tag of these elements has its closing tag, in order.
fn assert_balanced(html: &str) {
    for tag in ["svg", "g", "title", "section", "table", "tr", "style", "script"] {
        let mut depth: i64 = 0;
        let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
        let mut at = 0;
        while let Some(i) = html[at..].find('<') {
            let rest = &html[at + i..];
            if rest.starts_with(&close) {
                depth -= 1;
            } else if rest.starts_with(&open) && rest[open.len()..].starts_with([' ', '>']) {
                depth += 1;
            }
            assert!(depth >= 0, "</{tag}> without <{tag}>");
            at += i + 1;
        }
        assert_eq!(depth, 0, "unclosed <{tag}>");
    }
}

/// Nothing is fetched from elsewhere: no external scripts, styles, images or links.
fn assert_self_contained(html: &str) {
    for bad in [" src=", "href=\"http", "@import", "url(", "<link"] {
        assert!(!html.contains(bad), "the page refers to something outside itself: {bad}");
    }
}

#[test]
fn a_failure_gets_a_page_of_swimlanes_with_its_violation() {
    let dir = Scratch::new("fail");
    let out = emlab(&[
        "check",
        "suite:inject/eml_early_demote.py",
        "--scheduler",
        "pct",
        "--expect",
        "pass",
        "--report",
        dir.path(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let pages = pages(&dir.0);
    assert_eq!(pages.len(), 1, "{pages:?}");
    let (name, html) = &pages[0];
    assert_balanced(html);
    assert_self_contained(html);
    let views = views(html);
    assert_eq!(views.len(), 2, "the minimized trace and the one as found");
    assert!(views[0].starts_with(" data-view=\"minimized\"") && views[1].starts_with(" data-view=\"as found\""));
    // The minimized view has one step per line of the printed trace.
    let printed_steps = stdout(&out)
        .lines()
        // A step line starts with its number (the violation's step has `▶` right after it).
        .filter(|l| l.starts_with("  ") && l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .filter(|l| !l.contains("violation:"))
        .count();
    for view in &views {
        assert_eq!(view.matches("<g class=\"lane\"").count(), 2, "one lane per thread");
        assert!(view.contains("<g class=\"lane\" data-thread=\"t0\">") && view.contains("data-thread=\"t1\""));
        for band in ["eml-shared", "eml-promoting", "eml-exclusive"] {
            assert!(view.contains(&format!("class=\"band {band}\" data-thread=\"t0\"")), "{band}");
        }
        assert!(view.contains("<g class=\"violation\" data-kind=\"atomicity\">"));
        assert_eq!(view.matches("class=\"step violating\"").count(), 1);
        assert!(view.contains("class=\"step violating\" data-step=\"16\" data-thread=\"t1\""), "where it happens");
        assert!(view.contains("objects: #1"), "hovering a step shows the objects it touched");
    }
    assert_eq!(views[0].matches("<g class=\"step").count(), printed_steps);
    // Its heading counts them as trace lines, and the scheduling steps as the text's `minimized:`
    // line counts them.
    let minimized =
        stdout(&out).lines().find_map(|l| l.trim().strip_prefix("minimized: ").map(str::to_string)).unwrap();
    let steps = minimized.split("steps ").nth(1).and_then(|s| s.split(' ').next()).unwrap();
    assert!(
        views[0].contains(&format!("<h2>minimized ({printed_steps} trace lines, {steps} steps)</h2>")),
        "{minimized}\n{}",
        &views[0][..200]
    );
    // The index links to the page and says it failed.
    let index = std::fs::read_to_string(dir.0.join("index.html")).unwrap();
    assert_balanced(&index);
    assert_self_contained(&index);
    assert!(index.contains(&format!("<a href=\"{name}\">")));
    assert!(index.contains("<td class=\"fail\">fail</td>"));
    assert!(index.contains("<table class=\"results\">") && index.contains("addEventListener('click'"));
}

#[test]
fn lock_holds_and_blocked_threads_show_in_a_deadlock() {
    let dir = Scratch::new("deadlock");
    let out = emlab(&[
        "check",
        "suite:locks/ab_ba.py",
        "suite:classic/append_from_threads.py",
        "--scheduler",
        "pct",
        "--report",
        dir.path(),
    ]);
    assert!(out.status.success(), "{}", stdout(&out));
    // An expected violation gets a page too; a clean pass does not.
    let pages = pages(&dir.0);
    assert_eq!(pages.len(), 1, "{pages:?}");
    let html = &pages[0].1;
    assert!(pages[0].0.contains("locks_ab_ba"));
    let view = views(html)[0];
    assert_eq!(view.matches("<rect class=\"hold\"").count(), 2, "each thread holds one lock");
    assert!(
        view.contains("class=\"band eml-blocked\" data-thread=\"t0\"")
            && view.contains("class=\"band eml-blocked\" data-thread=\"t1\"")
    );
    assert!(view.contains("data-kind=\"deadlock\""));
    let index = std::fs::read_to_string(dir.0.join("index.html")).unwrap();
    assert_eq!(index.matches("<tr><td>").count(), 2, "one row per result");
}

#[test]
fn replay_writes_one_page() {
    let dir = Scratch::new("replay");
    std::fs::create_dir_all(&dir.0).unwrap();
    let out = emlab(&["check", "suite:classic/lost_update.py", "--scheduler", "pct", "--expect", "pass"]);
    let replay = stdout(&out).lines().find_map(|l| l.trim().strip_prefix("replay: ").map(str::to_string)).unwrap();
    let page = dir.0.join("replay.html");
    let mut args: Vec<&str> = replay.split(' ').skip(1).collect();
    args.extend(["--html", page.to_str().unwrap()]);
    assert_eq!(emlab(&args).status.code(), Some(1));
    let html = std::fs::read_to_string(&page).unwrap();
    assert_balanced(&html);
    assert_self_contained(&html);
    assert_eq!(views(&html).len(), 1);
    assert!(html.contains("data-kind=\"assertion\"") && html.contains("<g class=\"lane\" data-thread=\"t1\">"));
    // A report that cannot be written is an input error.
    let blocker = dir.0.join("a-file");
    std::fs::write(&blocker, "").unwrap();
    let bad = emlab(&[
        "check",
        "suite:classic/lost_update.py",
        "--scheduler",
        "pct",
        "--report",
        blocker.join("sub").to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cannot create"));
}

#[test]
fn the_mode_matrix_is_in_the_index() {
    let dir = Scratch::new("matrix");
    let out = emlab(&[
        "check",
        "suite:eml/transfer.py",
        "--mode",
        "all",
        "--scheduler",
        "pct",
        "--iterations",
        "100",
        "--report",
        dir.path(),
    ]);
    assert!(out.status.success());
    let index = std::fs::read_to_string(dir.0.join("index.html")).unwrap();
    assert_balanced(&index);
    assert!(index.contains("Mode matrix") && index.contains("<td class=\"fail\">assertion, atomicity</td>"), "{index}");
}

/// A headless chromium, or None (and a note that the test skips) when there is none on PATH.
fn browser() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()));
    if found.is_none() {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "headless browser test skipped: no chromium on PATH");
    }
    found
}

#[test]
fn a_headless_browser_renders_the_lanes() {
    let Some(browser) = browser() else { return };
    let dir = Scratch::new("browser");
    emlab(&[
        "check",
        "suite:inject/eml_early_demote.py",
        "--scheduler",
        "pct",
        "--expect",
        "pass",
        "--report",
        dir.path(),
    ]);
    let (name, _) = pages(&dir.0).remove(0);
    let url = format!("file://{}", dir.0.join(name).display());
    let dom = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", &url])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("data-thread=\"t1\"") && dom.contains("data-kind=\"atomicity\""), "{dom}");
    // And it paints: a screenshot of the page is a real picture, not an empty one.
    let shot = dir.0.join("shot.png");
    let flag = format!("--screenshot={}", shot.display());
    Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", &flag, &url])
        .output()
        .unwrap();
    let png = std::fs::read(&shot).expect("chromium wrote a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "{} bytes", png.len());
}

#[test]
fn nogil_lanes_draw_no_eml_bands_and_eml_lanes_do() {
    let page_of = |scenario: &str, tag: &str| {
        let dir = Scratch::new(tag);
        std::fs::create_dir_all(&dir.0).unwrap();
        let out = emlab(&["check", scenario, "--scheduler", "pct", "--expect", "pass"]);
        let replay = stdout(&out).lines().find_map(|l| l.trim().strip_prefix("replay: ").map(str::to_string)).unwrap();
        let page = dir.0.join("replay.html");
        let mut args: Vec<&str> = replay.split(' ').skip(1).collect();
        args.extend(["--html", page.to_str().unwrap()]);
        emlab(&args);
        std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{scenario}: no page ({e})"))
    };
    assert!(!page_of("suite:nogil/cache_put.py", "nogil-bands").contains("<rect class=\"band eml-"));
    assert!(page_of("suite:classic/lost_update.py", "eml-bands").contains("<rect class=\"band eml-shared\""));
}

#[test]
fn at_three_threads_the_two_traces_stack_instead_of_running_off_the_page() {
    let Some(browser) = browser() else { return };
    let dir = Scratch::new("layout");
    // Three lanes (the main thread and two workers): side by side, the two traces are wider than
    // the window, so the second goes under the first.
    let scenario = "suite:soundness/write_after_join.py";
    emlab(&["check", scenario, "--scheduler", "pct", "--expect", "pass", "--no-minimize", "--report", dir.path()]);
    let (name, html) = pages(&dir.0).remove(0);
    assert_eq!(views(&html).len(), 1, "as found only, without minimizing");
    emlab(&["check", scenario, "--scheduler", "pct", "--expect", "pass", "--report", dir.path()]);
    let (_, html) = pages(&dir.0).remove(0);
    assert_eq!(views(&html).len(), 2, "minimized and as found");
    // The page, with a script that writes where each trace's right edge lands into the DOM.
    let probe = "<script>window.addEventListener('load', () => { document.body.dataset.edges = \
                 [...document.querySelectorAll('.view')].map(v => Math.round(v.getBoundingClientRect().right)) \
                 .join(',') + '/' + window.innerWidth; });</script></body>";
    let measured = dir.0.join("measured.html");
    std::fs::write(&measured, html.replace("</body>", probe)).unwrap();
    let url = format!("file://{}", measured.display());
    let dom = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--dump-dom", &url])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    let edges =
        dom.split("data-edges=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_else(|| panic!("{name}: {dom}"));
    let (rights, width) = edges.split_once('/').unwrap();
    let width: f64 = width.parse().unwrap();
    for right in rights.split(',') {
        let right: f64 = right.parse().unwrap();
        assert!(right <= width, "a trace ends at {right}px in a {width}px window ({edges})");
    }
}
