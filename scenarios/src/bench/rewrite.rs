//! The knobs a benchmark program exposes to `emlab bench`: top-level `THREADS = ...` and
//! `EVERY = ...` lines, rewritten in place (line numbers do not change), and the parsers of the
//! `--threads` and `--ext-share` values that set them.

/// `source` with its first top-level `NAME = ...` line set to `NAME = value`; `None` when it has
/// none. Line numbers do not change.
pub fn with_assignment(source: &str, name: &str, value: u64) -> Option<String> {
    let mut found = false;
    let rewritten = source
        .split_inclusive('\n')
        .map(|line| {
            let rest = line.strip_prefix(name).map(str::trim_start);
            if found || !rest.is_some_and(|r| r.starts_with('=') && !r.starts_with("==")) {
                return line.to_string();
            }
            found = true;
            let ending = &line[line.trim_end_matches(['\r', '\n']).len()..];
            format!("{name} = {value}{ending}")
        })
        .collect();
    found.then_some(rewritten)
}

/// `source` with its first top-level `THREADS = ...` line set to `threads`; `None` when it has
/// none.
pub fn with_threads(source: &str, threads: usize) -> Option<String> {
    with_assignment(source, "THREADS", threads as u64)
}

/// `source` with its first top-level `EVERY = ...` line set to `every` (one iteration in `every`
/// calls the extension); `None` when it has none.
pub fn with_every(source: &str, every: u64) -> Option<String> {
    with_assignment(source, "EVERY", every)
}

/// Parses one `--threads` entry: a thread count of at least 1.
pub fn parse_thread_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("a thread count is at least 1".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("expected a comma-separated list of thread counts such as 1,2,4, found '{s}'")),
    }
}

/// An `--ext-share` entry: the percentage of iterations that call the extension, as asked and as
/// run (one iteration in `every`, so the share run is `100 / every` percent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtShare {
    pub every: u64,
}

impl ExtShare {
    /// The share actually run, in percent.
    pub fn percent(self) -> f64 {
        100.0 / self.every as f64
    }

    /// `0.1%`, `1%`, `33.3%`: the share with at most one decimal, and no trailing `.0`.
    pub fn text(self) -> String {
        let text = format!("{:.1}", self.percent());
        format!("{}%", text.strip_suffix(".0").unwrap_or(&text))
    }
}

/// Parses one `--ext-share` entry: a percentage in (0, 100], run as one iteration in
/// `round(100 / share)`.
pub fn parse_share(s: &str) -> Result<ExtShare, String> {
    let expected =
        || format!("expected a comma-separated list of percentages in (0, 100] such as 0.1,1,10, found '{s}'");
    let percent: f64 = s.trim().trim_end_matches('%').parse().map_err(|_| expected())?;
    if !(percent > 0.0 && percent <= 100.0) {
        return Err(expected());
    }
    Ok(ExtShare { every: (100.0 / percent).round().max(1.0) as u64 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threads_line_is_rewritten_in_place() {
        let source = "# THREADS = 9 in a comment\nTHREADS = 1\nx = THREADS\nTHREADS = 7\n";
        assert_eq!(
            with_threads(source, 4).unwrap(),
            "# THREADS = 9 in a comment\nTHREADS = 4\nx = THREADS\nTHREADS = 7\n"
        );
        assert_eq!(with_threads("THREADS=2\r\n", 3).unwrap(), "THREADS = 3\r\n");
        assert_eq!(with_threads("THREADS == 1\n    THREADS = 1\nTHREADS_MAX = 2\n", 4), None);
    }

    #[test]
    fn the_every_line_is_rewritten_and_threads_left_alone() {
        let source = "import counter\nTHREADS = 1\nEVERY = 100\nEVERYTHING = 3\n";
        let rewritten = with_every(&with_threads(source, 2).unwrap(), 1000).unwrap();
        assert_eq!(rewritten, "import counter\nTHREADS = 2\nEVERY = 1000\nEVERYTHING = 3\n");
        assert_eq!(with_every("EVERYTHING = 3\n", 10), None);
    }

    #[test]
    fn thread_counts_are_positive_integers() {
        assert_eq!(parse_thread_count(" 4"), Ok(4));
        assert!(parse_thread_count("0").is_err());
        assert!(parse_thread_count("x").is_err());
        assert!(parse_thread_count("").is_err());
    }

    #[test]
    fn shares_are_percentages_run_as_one_iteration_in_every() {
        let every = |s: &str| parse_share(s).map(|share| share.every);
        assert_eq!(every("0.1"), Ok(1000));
        assert_eq!(every(" 1"), Ok(100));
        assert_eq!(every("10%"), Ok(10));
        assert_eq!(every("100"), Ok(1));
        assert_eq!(every("30"), Ok(3));
        for bad in ["0", "-1", "101", "x", "", "NaN", "inf"] {
            assert!(parse_share(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_share("0.1").unwrap().text(), "0.1%");
        assert_eq!(parse_share("10").unwrap().text(), "10%");
        assert_eq!(parse_share("30").unwrap().text(), "33.3%");
    }
}
