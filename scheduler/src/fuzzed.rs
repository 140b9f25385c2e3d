//! Running a target under a schedule given as raw bytes: the `schedule` fuzz target's driver.
//!
//! At each scheduling point the next byte picks one of the runnable threads (`byte % n`, in
//! thread order); when the bytes run out the run goes on without preemptions (the current
//! thread keeps running unless it yields, then the lowest-numbered one). Any byte string is a
//! valid schedule, so a coverage-guided fuzzer can mutate it freely, and the report's
//! [`Schedule`](crate::Schedule) is the readable string `emlab replay` takes.

use crate::target::{RunReport, Target};
use shuttle::scheduler::{Schedule, Scheduler, Task, TaskId};
use std::cell::RefCell;
use std::rc::Rc;

/// Picks threads from bytes, then the no-preemption policy.
struct ByteScheduler {
    bytes: Vec<u8>,
    position: usize,
    started: bool,
}

impl Scheduler for ByteScheduler {
    fn new_execution(&mut self) -> Option<Schedule> {
        if std::mem::replace(&mut self.started, true) {
            return None;
        }
        Some(Schedule::new(0))
    }

    fn next_task(&mut self, runnable: &[&Task], current: Option<TaskId>, is_yielding: bool) -> Option<TaskId> {
        let mut ids: Vec<TaskId> = runnable.iter().map(|t| t.id()).collect();
        ids.sort_by_key(|id| usize::from(*id));
        if let Some(&byte) = self.bytes.get(self.position) {
            self.position += 1;
            return ids.get(byte as usize % ids.len().max(1)).copied();
        }
        if let Some(current) = current.filter(|c| !is_yielding && ids.contains(c)) {
            return Some(current);
        }
        ids.iter().copied().find(|id| Some(*id) != current || ids.len() == 1)
    }

    fn next_u64(&mut self) -> u64 {
        0
    }
}

/// Runs `target` once under the schedule `bytes` describe.
pub fn run_bytes(target: &Target, bytes: &[u8]) -> RunReport {
    let scheduler = ByteScheduler { bytes: bytes.to_vec(), position: 0, started: false };
    crate::shuttle_run::run_one(target, &Rc::new(RefCell::new(scheduler))).expect("a byte scheduler runs once")
}

#[cfg(test)]
mod tests {
    use super::*;
    use emlab_vm::{Bugs, Mode, ViolationKind};

    fn target(source: &str) -> Target {
        Target::new("t.py", emlab_vm::compile_source(source, "t.py").unwrap(), Mode::Eml, Bugs::none())
    }

    #[test]
    fn any_bytes_run_and_the_schedule_replays_to_the_same_report() {
        let t = target("c = [0]\ndef w():\n    c[0] += 1\nh = spawn(w)\nc[0] += 1\njoin(h)\nassert c[0] == 2\n");
        let mut seen_lost_update = false;
        let mut state = 12345u64;
        for _ in 0..200 {
            let bytes: Vec<u8> = (0..200)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (state >> 56) as u8
                })
                .collect();
            let report = run_bytes(&t, &bytes);
            seen_lost_update |= report.kinds().any(|k| k == ViolationKind::Assertion);
            let again = crate::replay(&t, &report.schedule).expect("the recorded schedule replays");
            assert_eq!(again.kinds().collect::<Vec<_>>(), report.kinds().collect::<Vec<_>>());
        }
        assert!(seen_lost_update, "some byte schedule interleaves the two increments");
        assert!(run_bytes(&t, &[]).violations.is_empty(), "no bytes: no preemption");
    }
}
