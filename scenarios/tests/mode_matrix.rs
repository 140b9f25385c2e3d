//! `emlab check --mode all`: the scenario × mode matrix, end to end through the binary.

use serde_json::Value;
use std::process::{Command, Output};

fn emlab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_emlab")).args(args).output().expect("the emlab binary runs")
}

const QUICK: [&str; 6] = ["--scheduler", "pct", "--scheduler", "dfs", "--iterations", "300"];

#[test]
fn code_correct_only_because_of_the_eml_breaks_under_nogil() {
    let out = emlab(&[&["check", "suite:eml", "--mode", "all", "--format", "json"][..], &QUICK].concat());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let cells: Vec<Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let found = |scenario: &str, mode: &str| -> Vec<String> {
        let cell = cells
            .iter()
            .find(|c| c["scenario"] == scenario && c["mode"] == mode)
            .unwrap_or_else(|| panic!("no cell {scenario} x {mode}"));
        cell["found"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect()
    };
    assert_eq!(cells.len() % 4, 0, "four modes per scenario");
    for scenario in ["eml/transfer.py", "eml/counter_incr.py", "eml/counter_vs_core.py", "eml/callback_nested.py"] {
        assert!(found(scenario, "eml").is_empty(), "{scenario} under eml");
        // Under the GIL an extension call is atomic but a core `+=` is not: the GIL may be handed
        // over between its load and its store (as in CPython), so a core writer racing
        // `counter.incr` can lose an update there.
        if scenario != "eml/counter_vs_core.py" {
            assert!(found(scenario, "gil").is_empty(), "{scenario} under gil");
        }
        assert!(found(scenario, "nogil").contains(&"atomicity".to_string()), "{scenario} under nogil");
    }
    // An extension that guards itself needs no EML: nothing under any mode.
    for mode in ["eml", "gil", "nogil", "gil-on-import"] {
        assert!(found("eml/fastcounter_own_lock.py", mode).is_empty(), "{mode}");
    }
}

#[test]
fn the_text_matrix_has_a_row_per_scenario_and_a_column_per_mode() {
    let out = emlab(
        &[&["check", "suite:eml/transfer.py", "suite:eml/peek_released.py", "--mode", "all"][..], &QUICK].concat(),
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), ["scenario", "eml", "gil", "nogil", "gil-on-import"]);
    let transfer: Vec<&str> = lines.iter().find(|l| l.contains("transfer")).unwrap().split_whitespace().collect();
    assert_eq!(transfer, ["eml/transfer.py", "-", "-", "assertion,", "atomicity", "-"]);
    assert!(lines[3].starts_with("2 scenarios x 4 modes"), "{text}");
    assert!(text.contains("outside-eml"));
}

#[test]
fn every_json_result_names_its_mode() {
    let out =
        emlab(&["check", "suite:classic/lost_update.py", "--scheduler", "pct", "--format", "json", "--mode", "nogil"]);
    let value: Value = serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(value["mode"], "nogil");
    assert_eq!(
        emlab(&["replay", "suite:classic/lost_update.py", "--schedule", "0x1", "--mode", "all"]).status.code(),
        Some(2)
    );
}
