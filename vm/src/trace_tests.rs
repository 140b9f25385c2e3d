//! Every event kind renders as the trace has always said it: snapshots and the checker's
//! messages depend on the text, verdicts only on the kind.

use super::*;

fn obj(text: &str, n: u32) -> Brief {
    Brief { text: text.into(), object: Some(n) }
}

/// Each kind, with the `what` and `note` it renders to.
fn cases() -> Vec<(EventKind, &'static str, &'static str)> {
    use EventKind::*;
    vec![
        (Start { entry: Brief::plain("<module>") }, "start <module>", ""),
        (End { result: Brief::plain("None") }, "end -> None", ""),
        (EndWith { error: ErrorKind::UseAfterFree, message: String::new() }, "end with UseAfterFree", ""),
        (
            EndWith { error: ErrorKind::RuntimeError, message: "release unlocked lock".into() },
            "end with RuntimeError: release unlocked lock",
            "",
        ),
        (Print { text: "it's 3".into() }, "print \"it's 3\"", ""),
        (Spawn { thread: 1, entry: Brief::plain("work()") }, "spawn t1 running work()", ""),
        (Joined { thread: 2, result: obj("list #5", 5) }, "join t2 -> list #5", ""),
        (BlockJoin { thread: 1 }, "block in join t1", "waits for t1 to end"),
        (Acquire { lock: 4, after_waiting: false }, "acquire lock #4", ""),
        (Acquire { lock: 4, after_waiting: true }, "acquire lock #4", "after waiting"),
        (BlockLock { lock: 4 }, "block on lock #4", "held by another thread"),
        (Release { lock: 4 }, "release lock #4", ""),
        (Park, "park", "another thread asked for exclusive mode"),
        (Unpark, "unpark", ""),
        (GcStart, "gc: stop the world", ""),
        (GcDone { live: 3, freed: 1 }, "gc: 3 live, 1 freed", "world resumes"),
        (Load { global: 0, name: "x".into(), value: Brief::plain("3") }, "load x -> 3", ""),
        (Store { global: 1, name: "d".into(), value: obj("dict #12", 12) }, "store d = dict #12", ""),
        (
            GetItem { object: obj("list #1", 1), index: Brief::plain("0"), value: obj("#2 (freed)", 2) },
            "list #1[0] -> #2 (freed)",
            "",
        ),
        (
            SetItem { object: obj("dict #3", 3), index: Brief::plain("'k'"), value: Brief::plain("1") },
            "dict #3['k'] = 1",
            "",
        ),
        (
            LoadCell { name: "count".into(), cell: obj("cell #9", 9), value: Brief::plain("2") },
            "load count -> 2 (cell #9)",
            "",
        ),
        (
            StoreCell { name: "count".into(), cell: obj("cell #9", 9), value: Brief::plain("3") },
            "store count = 3 (cell #9)",
            "",
        ),
        (
            GetAttr { object: obj("Account #7", 7), name: "balance".into(), value: Brief::plain("10") },
            "Account #7.balance -> 10",
            "",
        ),
        (
            SetAttr { object: obj("Account #7", 7), name: "balance".into(), value: Brief::plain("11") },
            "Account #7.balance = 11",
            "",
        ),
        (
            Call { function: "bank.transfer".into(), exclusion: Exclusion::Promote },
            "call bank.transfer",
            "eml: promote",
        ),
        (
            Call { function: "cache.put".into(), exclusion: Exclusion::FreeThreaded },
            "call cache.put",
            "free-threaded module: no promotion",
        ),
        (
            Call { function: "bank.transfer".into(), exclusion: Exclusion::None },
            "call bank.transfer",
            "nogil: no exclusion",
        ),
        (Call { function: "bank.transfer".into(), exclusion: Exclusion::Gil }, "call bank.transfer", "under the GIL"),
        (Enter { function: "bank.transfer".into() }, "enter bank.transfer", "eml: write held"),
        (
            Return { function: "bank.transfer".into(), result: Ok(Brief::plain("None")), demote: true },
            "return bank.transfer -> None",
            "eml: demote",
        ),
        (
            Return { function: "bank.transfer".into(), result: Err(ErrorKind::IndexError), demote: false },
            "return bank.transfer raising IndexError",
            "",
        ),
        (DemoteEarly, "demote early", "eml: read mode inside the call (seeded bug)"),
        (Ext(ExtOp::ListGet { list: 3, index: 0, item: Brief::plain("50") }), "ext list_get list #3[0] -> 50", ""),
        (
            Ext(ExtOp::ListSet { list: 3, index: -1, value: obj("list #4", 4) }),
            "ext list_set list #3[-1] = list #4",
            "",
        ),
        (Ext(ExtOp::Incref { object: 7, count: 1 }), "ext incref #7 -> 1", ""),
        (Ext(ExtOp::Decref { object: 7, count: 0 }), "ext decref #7 -> 0", ""),
        (
            Callback { function: Brief::plain("function update"), demote: true },
            "callback function update",
            "eml: demote for the callback",
        ),
        (Callback { function: Brief::plain("function update"), demote: false }, "callback function update", ""),
        (BackIn { module: "bank".into(), promote_again: true }, "back in bank", "eml: promote again"),
        (BackIn { module: "bank".into(), promote_again: false }, "back in bank", ""),
        (ReleaseEml, "release the EML", "allow_threads"),
        (ReacquireEml, "reacquire the EML", ""),
    ]
}

#[test]
fn every_kind_renders_as_the_trace_says_it() {
    for (kind, what, note) in cases() {
        assert_eq!(kind.what(), what, "{kind:?}");
        assert_eq!(kind.note(), note, "{kind:?}");
    }
}

#[test]
fn the_cases_cover_every_kind() {
    // A new variant must be added to `cases` (this match stops compiling until it is handled).
    let covered = |kind: &EventKind| match kind {
        EventKind::Start { .. }
        | EventKind::End { .. }
        | EventKind::EndWith { .. }
        | EventKind::Print { .. }
        | EventKind::Spawn { .. }
        | EventKind::Joined { .. }
        | EventKind::BlockJoin { .. }
        | EventKind::Acquire { .. }
        | EventKind::BlockLock { .. }
        | EventKind::Release { .. }
        | EventKind::Park
        | EventKind::Unpark
        | EventKind::GcStart
        | EventKind::GcDone { .. }
        | EventKind::Load { .. }
        | EventKind::Store { .. }
        | EventKind::GetItem { .. }
        | EventKind::SetItem { .. }
        | EventKind::GetAttr { .. }
        | EventKind::SetAttr { .. }
        | EventKind::LoadCell { .. }
        | EventKind::StoreCell { .. }
        | EventKind::Call { .. }
        | EventKind::Enter { .. }
        | EventKind::Return { .. }
        | EventKind::DemoteEarly
        | EventKind::Ext(_)
        | EventKind::Callback { .. }
        | EventKind::BackIn { .. }
        | EventKind::ReleaseEml
        | EventKind::ReacquireEml => std::mem::discriminant(kind),
    };
    let seen: std::collections::HashSet<_> = cases().iter().map(|(k, _, _)| covered(k)).collect();
    assert_eq!(seen.len(), 31, "every variant has a case");
}

#[test]
fn kinds_name_their_objects_and_ends() {
    let get = EventKind::GetItem { object: obj("list #1", 1), index: Brief::plain("0"), value: obj("list #1", 1) };
    assert_eq!(get.objects(), vec![1]);
    let set = EventKind::Ext(ExtOp::ListSet { list: 3, index: 0, value: obj("dict #9", 9) });
    assert_eq!(set.objects(), vec![3, 9]);
    assert_eq!(EventKind::Release { lock: 4 }.objects(), vec![4]);
    assert_eq!(EventKind::Print { text: "#5".into() }.objects(), Vec::<u32>::new());
    assert!(EventKind::End { result: Brief::plain("None") }.is_end());
    assert!(EventKind::EndWith { error: ErrorKind::VmPanic, message: "boom".into() }.is_end());
    assert!(!EventKind::BlockJoin { thread: 1 }.is_end());
}

#[test]
fn kinds_say_what_shared_state_they_touch() {
    let shown = |kind: EventKind| kind.footprint().to_string();
    assert_eq!(shown(EventKind::Load { global: 2, name: "x".into(), value: Brief::plain("1") }), "r:g2");
    assert_eq!(shown(EventKind::Store { global: 2, name: "x".into(), value: Brief::plain("1") }), "w:g2");
    assert_eq!(shown(EventKind::Acquire { lock: 4, after_waiting: false }), "w:#4 acquire:#4");
    assert_eq!(shown(EventKind::BlockLock { lock: 4 }), "r:#4 wait:#4");
    assert_eq!(shown(EventKind::Release { lock: 4 }), "w:#4 release:#4");
    assert_eq!(shown(EventKind::Joined { thread: 1, result: Brief::plain("None") }), "join:t1");
    let get = EventKind::GetItem { object: obj("list #1", 1), index: Brief::plain("0"), value: Brief::plain("5") };
    assert_eq!(shown(get), "r:#1");
    assert_eq!(shown(EventKind::Ext(ExtOp::ListSet { list: 3, index: 0, value: Brief::plain("1") })), "w:#3");
    assert_eq!(shown(EventKind::Ext(ExtOp::Incref { object: 3, count: 1 })), "w:pins");
    assert_eq!(shown(EventKind::GcDone { live: 1, freed: 0 }), "w:world");
    assert!(EventKind::Park.footprint().is_empty());
}

#[test]
fn events_are_kept_only_inside_collect() {
    take();
    emit(Event { thread: 0, line: 1, kind: EventKind::Park });
    assert!(take().is_empty());
    let panicked = std::panic::catch_unwind(|| {
        collect(|| {
            emit(Event { thread: 1, line: 2, kind: EventKind::Unpark });
            panic!("the run ends");
        })
    });
    assert!(panicked.is_err());
    assert!(!collecting(), "collecting ends when the run panics");
    assert_eq!(take(), vec![Event { thread: 1, line: 2, kind: EventKind::Unpark }]);
}
