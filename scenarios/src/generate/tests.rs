use super::*;
use crate::scenario::Scenario;
use std::path::Path;

#[test]
fn the_same_seed_gives_the_same_text_and_programs_differ() {
    let options = Options::default();
    assert_eq!(scenario_from_seed(3, 5, &options), scenario_from_seed(3, 5, &options));
    assert_ne!(scenario_from_seed(3, 5, &options), scenario_from_seed(3, 6, &options));
}

#[test]
fn generated_scenarios_parse_and_compile() {
    for threads in [0, 1, 3] {
        let options = Options { threads, ..Options::default() };
        for i in 0..60 {
            let text = scenario_from_seed(11, i, &options);
            let s = Scenario::parse(Path::new("gen.py"), "gen.py", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(s.expect, crate::scenario::Expectation::Pass);
            emlab_vm::compile_source(&text, "gen.py").unwrap_or_else(|e| panic!("{e:?}\n{text}"));
            assert_eq!(text.contains("spawn("), threads > 0, "{text}");
        }
    }
}

#[test]
fn short_and_empty_fuzz_inputs_still_make_programs() {
    for data in [&[][..], &[1, 2, 3], &[255; 40]] {
        let p = program(arbitrary::Unstructured::new(data), &Options::default());
        emlab_vm::compile_source(&p.body, "gen.py").unwrap_or_else(|e| panic!("{e:?}\n{}", p.body));
    }
}
