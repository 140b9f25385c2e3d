//! Allocator and read-path microbenchmarks: the heap on its own, then the same reads through the
//! interpreter.
//!
//! * `heap/alloc+collect`: allocate short-lived tuples and lists, then collect them all (no
//!   roots), on one thread and on two threads allocating into the same heap at once.
//! * `heap/read`: a list item through [`Heap::read`], and a dict lookup (an int key) under the
//!   dict's read lock, as the interpreter does them.
//! * `read paths`: small programs that load a global, index a global list, and get from a global
//!   dict in a loop (a fresh [`Vm`] per iteration, as in `interp.rs`).
//!
//! ```sh
//! cargo bench -p emlab-vm --bench heap
//! cargo bench -p emlab-vm --bench heap -- --quick    # a short run
//! ```

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use emlab_vm::heap::object::hash_int;
use emlab_vm::heap::{dict::Dict, Heap, LocalHeap, Object};
use emlab_vm::platform::Native;
use emlab_vm::value::Value;
use emlab_vm::{compile_source, Vm, VmConfig};
use std::hint::black_box;

/// Objects allocated per iteration of the allocation benchmarks.
const OBJECTS: usize = 10_000;
/// Room for everything the benchmarks allocate.
const MAX_HEAP: usize = 1 << 30;

/// The `count`-th object: alternately a 2-tuple and a 2-item list.
fn object(i: usize) -> Object {
    let item = Value::int(i as i64);
    if i.is_multiple_of(2) {
        Object::Tuple(Box::new([item, item]))
    } else {
        Object::List(vec![item, item])
    }
}

/// Allocates `count` objects into `heap` one by one through the shared state (batch 1: how the
/// checker numbers objects).
fn allocate(heap: &Heap, count: usize) {
    for i in 0..count {
        black_box(heap.alloc(object(i)).expect("the heap has room"));
    }
}

/// Allocates `count` objects into `heap` from a thread's own batches, as `emlab run` does.
fn allocate_batched(heap: &Heap, count: usize) {
    let mut local = LocalHeap::default();
    for i in 0..count {
        black_box(heap.alloc_local(&mut local, object(i)).expect("the heap has room"));
    }
    heap.release_local(&mut local);
}

fn alloc(c: &mut Criterion) {
    let mut group = c.benchmark_group("heap/alloc+collect");
    group.throughput(Throughput::Elements(OBJECTS as u64));
    let heap = Heap::new(MAX_HEAP, 1);
    group.bench_function("1 thread, one by one", |b| {
        b.iter(|| {
            allocate(&heap, OBJECTS);
            black_box(heap.collect(std::iter::empty()))
        })
    });
    let heap = Heap::new(MAX_HEAP, 128);
    group.bench_function("1 thread, batched", |b| {
        b.iter(|| {
            allocate_batched(&heap, OBJECTS);
            black_box(heap.collect(std::iter::empty()))
        })
    });
    group.bench_function("2 threads, batched", |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                s.spawn(|| allocate_batched(&heap, OBJECTS / 2));
                allocate_batched(&heap, OBJECTS / 2);
            });
            black_box(heap.collect(std::iter::empty()))
        })
    });
    group.finish();
}

fn read(c: &mut Criterion) {
    const ITEMS: i64 = 1024;
    let heap = Heap::new(MAX_HEAP, 1);
    let list = heap.alloc(Object::List((0..ITEMS).map(Value::int).collect())).expect("the heap has room");
    let mut dict = Dict::new();
    for k in 0..ITEMS {
        dict.insert(hash_int(k), Value::int(k), Value::int(k * k), |key| key == Value::int(k));
    }
    let dict = heap.alloc(Object::Dict(Box::new(dict))).expect("the heap has room");
    let mut group = c.benchmark_group("heap/read");
    group.throughput(Throughput::Elements(ITEMS as u64));
    group.bench_function("list item", |b| {
        b.iter(|| {
            let mut sum = 0;
            for i in 0..ITEMS as usize {
                sum += heap
                    .read(list, |o| match o {
                        Object::List(items) => items[i],
                        _ => Value::NONE,
                    })
                    .map_or(0, |v| v.as_int().unwrap_or(0));
            }
            black_box(sum)
        })
    });
    group.bench_function("dict get (int key)", |b| {
        b.iter(|| {
            let mut found = 0;
            for k in 0..ITEMS {
                let key = Value::int(k);
                let value = heap.read(dict, |o| match o {
                    Object::Dict(d) => d.get(hash_int(k), |other| other == key),
                    _ => None,
                });
                found += usize::from(matches!(value, Ok(Some(_))));
            }
            black_box(found)
        })
    });
    group.finish();
}

/// A global load, a global list index and a global dict get per iteration.
const GLOBAL_READS: &str = "\
TABLE = {}
for k in range(64):
    TABLE[k] = k * k
ITEMS = list(range(64))
STEP = 3
acc = 0
for i in range(20000):
    acc = (acc + TABLE[i % 64] + ITEMS[(i + STEP) % 64]) % 1000003
print(acc)
";

/// The same reads from two threads at once (each does the whole loop).
const GLOBAL_READS_2_THREADS: &str = "\
TABLE = {}
for k in range(64):
    TABLE[k] = k * k
ITEMS = list(range(64))
STEP = 3
def work():
    acc = 0
    for i in range(20000):
        acc = (acc + TABLE[i % 64] + ITEMS[(i + STEP) % 64]) % 1000003
    return acc
h = spawn(work)
print(work(), join(h))
";

fn read_paths(c: &mut Criterion) {
    let mut group = c.benchmark_group("read paths");
    group.sample_size(10);
    for (name, source) in [("global reads 20k", GLOBAL_READS), ("global reads 20k, 2 threads", GLOBAL_READS_2_THREADS)]
    {
        let program = compile_source(source, "reads.py").expect("benchmark programs compile");
        let run = |program| {
            let config = VmConfig { capture_output: true, print_errors: false, ..VmConfig::default() };
            let outcome = Vm::<Native>::new(program, config).expect("the VM starts").run();
            assert!(outcome.uncaught.is_empty(), "benchmark program failed: {:?}", outcome.uncaught);
            outcome.output
        };
        // A run outside the timing, so a broken program fails loudly instead of timing an error.
        run(program.clone());
        group
            .bench_function(name, |b| b.iter_batched(|| program.clone(), |p| black_box(run(p)), BatchSize::SmallInput));
    }
    group.finish();
}

criterion_group!(benches, alloc, read, read_paths);
criterion_main!(benches);
