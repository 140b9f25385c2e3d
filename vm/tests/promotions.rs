//! Promotion latency statistics (`Vm::promotion_stats`) on real threads and under shuttle.

use emlab_vm::platform::{Native, Platform, Shuttle};
use emlab_vm::{compile_source, Mode, PromotionSummary, Vm, VmConfig};

/// Two threads, each calling `counter.incr` (not free-threaded) 20 times and `fastcounter.incr`
/// (free-threaded) 20 times.
const TWO_THREADS: &str = "\
import counter
import fastcounter
def work(cell):
    for i in range(20):
        counter.incr(cell, 0)
        fastcounter.incr(cell, 1)
    return cell[0] + cell[1]
a = spawn(work, [0, 0])
b = spawn(work, [0, 0])
print(join(a), join(b))
";

fn run<P: Platform>(mode: Mode) -> PromotionSummary {
    let program = compile_source(TWO_THREADS, "promotions.py").expect("compiles");
    let config = VmConfig { capture_output: true, print_errors: false, mode, ..VmConfig::default() };
    let vm = Vm::<P>::new(program, config).expect("starts");
    let stats = vm.promotion_stats();
    let outcome = vm.run();
    assert!(outcome.uncaught.is_empty(), "{:?}", outcome.uncaught);
    assert_eq!(outcome.output, "40 40\n");
    stats.summary()
}

#[test]
fn every_eml_promotion_is_timed_natively() {
    let summary = run::<Native>(Mode::Eml);
    assert_eq!(summary.count, 40, "one per counter.incr call, none for fastcounter");
    assert!(summary.parked_median <= summary.resumed_median, "{summary:?}");
}

#[test]
fn modes_without_promotion_record_nothing() {
    for mode in [Mode::GilOnImport, Mode::Gil, Mode::Nogil] {
        assert_eq!(run::<Native>(mode).count, 0, "{mode}");
    }
}

#[test]
fn model_checking_never_reads_the_clock() {
    shuttle::check_random(|| assert_eq!(run::<Shuttle>(Mode::Eml), PromotionSummary::default()), 3);
}
