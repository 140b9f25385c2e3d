//! Small threaded programs generated to hit every reduction rule of `dpor`.
//!
//! Each program is two or three threads (the main thread among them) of one to three operations
//! each, over two shared lists, drawn from a menu that covers every construct of the VM that a
//! thread can race on, and in particular the shapes that broke `dpor` before (issue 19):
//!
//! | shape | what it exercises |
//! | --- | --- |
//! | a read, a call (a safepoint), then the write | where a thread parks for another's exclusive section |
//! | local assignments, then two reads | `gil` mode's switch-interval tick between the reads |
//! | `gc.collect()` racing a thread's start | a collection ordered before a thread's first step |
//! | a lock released by another thread | wake-ups that are not happens-before |
//! | a join inside a worker, an observer that ends early | joins ordering only what they join |
//! | a spin-wait on a flag | fairness instead of a step limit |
//! | every bundled module's calls | the EML's exclusive sections, module locks, pins, callbacks, `allow_threads` |
//! | equal-value setters | writes that store the same value |
//! | keyword arguments, defaults, `*`/`**` in calls | binding a call; a `**` dict read as the call is made |
//! | `try`/`except`/`finally`, `raise` | check-then-act through a KeyError; a lock released by an exception leaving `with` |
//! | f-strings, `%` formatting | fields and arguments that read shared state, formatted |
//! | `from m import f as g` | an extension function called by another name |
//! | str methods (`format`, `join`) | applied to values read from shared state |
//! | chained comparisons | a shared value read once for two comparisons |
//! | the iterator builtins (`sorted enumerate zip any all map`) | shared lists read item by item as the iterators are taken |
//! | closures (`nonlocal`), `lambda`, comprehensions, `for`-`else` | a cell shared by threads read and written around a safepoint; shared lists read inside a comprehension's own frame; check-then-act through a loop's `else` |
//! | `del d[k]` with a `KeyError` handler | check-then-act through a key that another thread adds or deletes |
//! | `threading.RLock` taken twice, check-then-act through a `threading.Event` | the library modules written in Python (attributes of shared instances, a `_thread` lock, a `Condition`'s waiter list) |
//! | floats, `/`, `**`, `&`/`|`/`<<`, `round()` | float values stored in shared lists and read back by every other item |
//! | star-unpacking (`a, *rest = xs`, `[*xs, *ys]`) | a shared list read whole into targets and into a display |
//! | ints past 64 bits | a big int (a heap object, from a literal) stored in a shared list and computed with by the other items |
//! | `math` functions | a native module's pure functions between a shared value's reads and its write |
//! | classes: attributes, methods, a property, `__repr__`, `__enter__`/`__exit__`, an exception class | a shared instance's attributes read and written through `self`, a new attribute added, a lock taken by a context manager's methods, check-then-act through a raised instance |
//!
//! Every program prints what its threads saw and, at the end, the shared lists, so two
//! explorations can be compared by their sets of outcomes. A construct added to the VM is added to
//! the menu here in the same change.

use emlab_vm::Mode;
use std::fmt::Write as _;

/// Where the generator's choices come from: a seed, or the bytes of a fuzz input.
pub trait Choices {
    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u32) -> u32;
}

/// A deterministic source of choices (xorshift64).
#[derive(Debug, Clone)]
pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Seeded {
        Seeded(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
}

impl Choices for Seeded {
    fn below(&mut self, n: u32) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % u64::from(n)) as u32
    }
}

/// Choices read from bytes, one byte each; zero once they run out.
#[derive(Debug, Clone)]
pub struct FromBytes<'a>(pub &'a [u8]);

impl Choices for FromBytes<'_> {
    fn below(&mut self, n: u32) -> u32 {
        let Some((&b, rest)) = self.0.split_first() else { return 0 };
        self.0 = rest;
        u32::from(b) % n
    }
}

/// A generated program and how to run it.
#[derive(Debug, Clone)]
pub struct Generated {
    pub source: String,
    pub mode: Mode,
    /// The program has a spin-wait: unfair schedules spin into the step limit, so the unreduced
    /// reference cannot enumerate it; only its fair outcomes are compared.
    pub spins: bool,
}

/// One operation of a thread; `t` is the thread's number (1-based; 0 is the main thread).
fn operation(c: &mut dyn Choices, t: u32, out: &mut String, spins: &mut bool, sem: &mut Option<u32>) {
    let o = if c.below(3) == 0 { "y" } else { "x" };
    let i = c.below(2);
    let v = t + 1;
    let line = |s: &str| format!("    {s}\n");
    let text = match c.below(84) {
        0 => line(&format!("{o}[{i}] = {v}")),
        1 => line(&format!("{o}[{i}] += 1")),
        2 => line(&format!("print({o}[{i}])")),
        // A read, a call (a safepoint: where a thread parks), then the write.
        3 | 4 => format!("    v = {o}[{i}]\n    noop()\n    {o}[{i}] = v + 1\n"),
        // Locals (steps with no shared access: the GIL's switch tick falls between), then two reads.
        5 => {
            let mut s = String::new();
            for k in 0..c.below(6) {
                let _ = writeln!(s, "    a{k} = {k}");
            }
            s + &format!("    p = {o}[{i}]\n    q = {o}[{i}]\n    print(p, q)\n")
        }
        6 => format!("    with lock:\n        {o}[{i}] = {o}[{i}] + 1\n"),
        7 => line(&format!("counter.incr({o}, {i})")),
        8 => line(&format!("fastcounter.incr({o}, {i})")),
        9 => line(&format!("bank.transfer({o}, {i}, {}, 1)", 1 - i)),
        10 => line(&format!("print(bank.total({o}))")),
        11 => line(&format!("cache.put('k', [{v}])")),
        12 => line("print(cache.get('k'))"),
        13 => line(&format!("{o}[{i}] = callback.apply(inc, {o}[{i}])")),
        14 => line(&format!("callback.update({o}, inc)")),
        15 => line("blocking.pause(1)"),
        16 => line("print(gc.collect())"),
        // Allocation (a new list) and a store of it: what a collection races with.
        17 => line(&format!("{o}[{i}] = [{v}]")),
        // Equal-value setters.
        18 => line(&format!("{o}[{i}] = 7")),
        // A spin-wait on a flag another thread may set (the main thread sets it at the end, so
        // every fair schedule ends). Only in worker threads.
        19 if t > 0 && !*spins => {
            *spins = true;
            line("while flag[0] == 0:\n        pass")
        }
        // A lock used as a semaphore: taken by the main thread, released by one thread, awaited by
        // another.
        20 if sem.is_none() => {
            *sem = Some(t);
            line("sem.release()")
        }
        21 if sem.is_some_and(|r| r != t) => {
            *sem = Some(u32::MAX);
            line("sem.acquire()")
        }
        22 => line(&format!("d[{i}] = {v}")),
        // An exclusive call, then a read of what it changed: where the caller waits (parked at a
        // poll, or at its own request) decides what the other callers see.
        23 => format!("    counter.incr({o}, {i})\n    print({o}[{i}])\n"),
        // Calls with keyword arguments and default values: a read and a write of the shared
        // list inside the callee.
        24 => line(&format!("add_to({o}, by={v}, i={i})")),
        // `*` and `**` in a call: the list and the shared dict `kw` are read when the call is made.
        25 => line(&format!("add_to(*[{o}], **kw)")),
        26 => line(&format!("kw['i'] = {i}")),
        // A default value bound to a shared list when the `def` ran.
        27 => line(&format!("push({v})")),
        // Check-then-act through an exception: a missing key is filled in by the handler.
        28 => format!("    try:\n        print(d[{i}])\n    except KeyError:\n        d[{i}] = {v}\n"),
        // An exception out of a `with` body releases the lock on its way to the handler; the
        // `finally` reads what the others may have changed since.
        29 => format!(
            "    try:\n        with lock:\n            {o}[{i}] += 1\n            raise ValueError({v})\n    except ValueError as e:\n        print(e)\n    finally:\n        print({o}[{i}])\n"
        ),
        // An f-string whose fields read the shared list (one read each, as they are evaluated).
        30 => line(&format!("print(f'{{{o}[{i}]:>3}} {{{o}!r}}')")),
        // printf-style formatting of a shared value and a shared list.
        31 => line(&format!("print('%03d %s' % ({o}[{i}], {o}))")),
        // An extension function bound by `from ... import ... as`: the same exclusive call.
        32 => line(&format!("move({o}, {i}, {}, 1)", 1 - i)),
        // A chained comparison over a shared value, read once.
        34 => line(&format!("print(0 <= {o}[{i}] < 2 <= len({o}))")),
        // str methods over values read from a shared list.
        33 => line(&format!("print('{{}}:{{v}}'.format({o}[{i}], v='-'.join([str({o}[0]), str({o}[1])])))")),
        // An attribute of a shared instance, read and written back (`box.n += 1`).
        36 => line("box.n += 1"),
        // A method that reads and writes an attribute through `self`, with a safepoint between.
        37 => line("box.bump()"),
        // A property and a `__repr__`, both reading the shared attribute.
        38 => line("print(box.double, box)"),
        // A context manager whose `__enter__` and `__exit__` take and release the lock.
        39 => format!("    with guard:\n        {o}[{i}] = {o}[{i}] + box.n\n"),
        // Check-then-act through an exception class of the program's, raised in a method.
        40 => format!("    try:\n        box.check({o}[{i}])\n    except Odd as e:\n        {o}[{i}] = e.value + 1\n"),
        // A new attribute added to the shared instance (a new key in its dict).
        41 => line(&format!("box.tag = {v}")),
        // A closure's cell, shared by every thread: read, a safepoint, then the write.
        42 => line("print(bump())"),
        // Comprehensions reading the shared lists in their own frames.
        43 => line(&format!("print([v * 2 for v in {o}], {{k: {o}[k] for k in range(2) if {o}[k] != {v}}})")),
        // A lambda applied to a shared value.
        44 => line(&format!("{o}[{i}] = (lambda v, by={v}: v + by)({o}[{i}])")),
        // Check-then-act through a loop's `else`: the value is added only if no item had it.
        // The iterator builtins over shared lists: each item read as it is taken.
        46 => line(&format!(
            "print(sorted({o}, reverse=True), [i for i, v in enumerate({o}) if v], list(zip({o}, y)), any({o}), all(map(lambda v: v >= 0, {o})))"
        )),
        45 => format!("    for v in {o}:\n        if v == {v}:\n            break\n    else:\n        {o}[{i}] = {v}\n"),
        // A float written to a shared list, from true division of a shared value.
        47 => line(&format!("{o}[{i}] = {o}[{i}] / 2 + 0.5")),
        // Power, bitwise operators and round() over shared values (a float among them is a
        // TypeError for `&`: an outcome like any other).
        48 => line(&format!("print({o}[{i}] ** 2, {o}[0] & 1 | {o}[1] << 1, round({o}[{i}] * 1.5, 1))")),
        // `threading`'s RLock, taken twice by its owner (written in Python over a `_thread` lock:
        // its owner and count are attributes the other threads read).
        49 => format!("    with rl:\n        with rl:\n            {o}[{i}] += 1\n"),
        // Check-then-act through a `threading.Event` (its flag read and set under its Condition).
        50 => format!("    if not ev.is_set():\n        {o}[{i}] += 1\n        ev.set()\n"),
        // Check-then-act through `del`: a key another thread may have deleted (or not yet added).
        51 => format!("    try:\n        del d[{i}]\n    except KeyError:\n        {o}[{i}] += 1\n"),
        // A generator's frame parks at each `yield` (its reads are apart), then the write.
        52 => line(&format!("{o}[{i}] = sum(items_of({o}))")),
        // A generator expression (its own frame, resumed by `sum`), filtering.
        53 => line(&format!("{o}[{i}] = 1 + sum(v for v in {o} if v > 0)")),
        // A generator the threads share: the one that resumes it while another runs it gets
        // "generator already executing"; the items are taken once each.
        54 => line(&format!("{o}[{i}] += next(shared_gen, -1)")),
        // `send` into a shared generator: its running total is state across threads.
        55 => line(&format!("{o}[{i}] = sink.send({v})")),
        // Slices: a read-modify-write of one item through a slice (one access each way), and
        // reads of a slice and a reversed copy.
        56 => line(&format!("{o}[{i}:{}] = [{o}[{i}:][0] + {v}]", i + 1)),
        57 => line(&format!("print({o}[::-1], {o}[{i}:], 'ab'[{i}:])")),
        // A shared set: adds from several threads (its printed order shows the order they came
        // in), and a check-then-act on membership.
        58 => line(&format!("s.add({o}[{i}] + {v})")),
        59 => format!("    if {v} not in s:\n        s.add({v})\n        {o}[{i}] += 1\n"),
        // Output through `sys.stdout` (the library module over the VM's output), mixed with print.
        60 => line(&format!("sys.stdout.write(str({o}[{i}]) + '\\n')")),
        // A seeded generator the threads share: which thread draws which number is the race.
        61 => line(&format!("{o}[{i}] += rng.randint(0, 2)")),
        // A `concurrent.futures.Future` (a dotted import, a package): the second `set_result`
        // raises; `done()` reads its state under its Condition's lock. (A blocking `result()`
        // was tried: with no setter every execution deadlocks, and `dpor` rarely finished within
        // its budget, so it only cost time.)
        62 => format!(
            "    try:\n        fut.set_result({v})\n    except concurrent.futures.InvalidStateError:\n        {o}[{i}] += 1\n"
        ),
        63 => line(&format!("{o}[{i}] += 1 if fut.done() else 0")),
        // `math` (native, pure) between a shared value's reads and the write back.
        64 => line(&format!("{o}[{i}] = math.floor(math.sqrt({o}[{i}] ** 2 + 2 * {o}[{i}] + 1))")),
        // An int past 64 bits (a literal, a heap object) stored in a shared list: every other
        // item then reads, compares and computes with it.
        65 => line(&format!("{o}[{i}] = ({o}[{i}] + 0x1_0000_0000_0000_0000) * {v} // 3")),
        // `ord`, `chr` and `int(text, base)` over a shared value (a float or a big one is a
        // TypeError or an OverflowError, outcomes like any other).
        66 => line(&format!("{o}[{i}] = ord(chr(65 + {o}[{i}] % 26)) - 64 + int('0x1_f', 0) % 3")),
        // Star-unpacking: a shared list taken apart (one read of the whole list), and a display
        // that spreads two shared lists, then a write.
        67 => format!("    head, *rest = {o}\n    {o}[{i}] = head + len([*rest, *y])\n"),
        // A class made where it is used (in the thread's function), whose method takes a local of
        // that function through the class body and does a read-modify-write of a shared item.
        68 => format!(
            "    step = {v}\n    class Stepper:\n        def apply(self, obj):\n            obj[{i}] = obj[{i}] + step\n    Stepper().apply({o})\n"
        ),
        // Two context managers in one `with`: the lock, then a manager whose `__exit__` (run
        // before the lock's release) counts in the shared dict.
        69 => format!("    with lock, Note({v}) as n:\n        {o}[{i}] += n\n"),
        // A dict display that merges the shared dict (one read of all its items), then a write.
        70 => line(&format!("{o}[{i}] = len({{**d, 'k{t}': {v}}}) + {o}[{i}]")),
        // A shared `itertools.count` handing out numbers (`next()` on it is one step).
        71 => line(&format!("{o}[{i}] = next(ids)")),
        // A shared `collections.deque`: an append and a popleft, each one step; the popleft
        // finds it empty when another thread took the item first.
        72 => format!(
            "    dq.append({o}[{i}])\n    try:\n        {o}[{i}] += dq.popleft()\n    except IndexError:\n        {o}[{i}] -= 1\n"
        ),
        // A shared `defaultdict(list)` (a missing key's list set once, by `setdefault`), and a
        // shared `Counter`'s `+= 1` (a read and a write).
        73 => format!("    groups[{o}[{i}] % 2].append({v})\n    tally[{o}[{i}]] += 1\n"),
        // `functools.partial` of a read-modify-write, with `reduce` over a shared list.
        74 => line(&format!("functools.partial(add_to, {o}, by=functools.reduce(max, y, 1))({i})")),
        // A `threading.Thread` whose target raises after a write: the program's
        // `threading.excepthook` (set through the module) records it in the shared dict.
        75 => format!(
            "    th = threading.Thread(target=raiser, args=({o}, {i}))\n    th.start()\n    th.join()\n"
        ),
        // A list's method bound to the shared list (`add = x.append`: one step when called), and a
        // str method taken from the type.
        76 => format!("    add = {o}.append\n    add(len(''.join(map(str.strip, [' a ', str({o}[{i}])]))) + {v})\n"),
        // `object()` as a sentinel stored in a shared item (identity compared; arithmetic on it
        // elsewhere is a TypeError, an outcome like any other), and `type(None)`.
        77 => format!(
            "    {o}[{i}] = END if {o}[{i}] is not END else {v}\n    print(type({o}[{i}]) is object, type(None)() is None)\n"
        ),
        // Operator methods on the shared instance: `b += k` runs `Box.__iadd__` (a read and a
        // write of `box.n`), then `__neg__`, `__add__` and the reflected `__radd__`.
        78 => format!("    b = box\n    b += {v}\n    {o}[{i}] = -b + (b + {o}[{i}]) + ({o}[{i}] + b)\n"),
        // A `threading.local` subclass: each thread's `__init__` runs on its first use, and its
        // attribute, set from a shared item, survives a safepoint for this thread alone.
        79 => format!("    tl.n += {o}[{i}]\n    noop()\n    {o}[{i}] = tl.n + tl.base\n"),
        // An OSError subclass raised and caught by its base, with `bin()` and `hex()` of a shared
        // item (a TypeError when another thread stored a non-int there).
        80 => format!(
            "    try:\n        raise TimeoutError(len(bin({o}[{i}])))\n    except OSError as e:\n        {o}[{i}] = e.args[0] + int(hex({v}), 16)\n"
        ),
        // Check-then-act on an attribute: another thread's `delattr` between the `hasattr` and
        // this one's is an AttributeError.
        81 => format!("    box.tag = {v}\n    if hasattr(box, 'tag'):\n        delattr(box, 'tag')\n"),
        // A class made in the thread whose base's `__init_subclass__` (run by the class
        // statement) does a read-modify-write of a shared item.
        82 => format!("    class Sub(Registered):\n        pass\n    {o}[{i}] = {o}[{i}] + len(Sub.__name__)\n"),
        // `unittest.TestCase`'s assertions on a shared item (an AssertionError is an outcome).
        83 => line(&format!("tc.assertLess({o}[{i}], 3 + {v})")),
        _ => line(&format!("print(len({o}))")),
    };
    out.push_str(&text);
}

/// A program from `choices`: every menu item, in every mode, with a shape that keeps it small
/// enough for the unreduced reference most of the time.
pub fn generate(c: &mut dyn Choices) -> Generated {
    let mode = [Mode::Eml, Mode::Nogil, Mode::Gil, Mode::GilOnImport][c.below(4) as usize];
    let workers = 1 + u32::from(c.below(3) == 0) + u32::from(c.below(8) == 0);
    let mut spins = false;
    let mut sem = None;
    let mut bodies = Vec::new();
    for t in 1..=workers {
        let mut body = String::new();
        for _ in 0..1 + u32::from(c.below(3) == 0) {
            operation(c, t, &mut body, &mut spins, &mut sem);
        }
        // A join inside a worker: the second worker waits for the first.
        if t == 2 && c.below(4) == 0 {
            body.push_str("    join(h1)\n");
        }
        bodies.push(body);
    }
    let mut main = String::new();
    let main_ops = u32::from(c.below(2) == 0);
    for _ in 0..main_ops {
        operation(c, 0, &mut main, &mut spins, &mut sem);
    }
    // A semaphore released but never awaited, or awaited but never released, still makes a valid
    // program: the first ends, the second deadlocks (an outcome like any other).
    let mut source = String::from(
        "import counter\nimport fastcounter\nimport bank\nimport cache\nimport callback\nimport blocking\nimport gc\nfrom bank import transfer as move\n",
    );
    source.push_str(
        "x = [0, 0]\ny = [0, 0]\nd = {}\nkw = {'i': 1}\nflag = [0]\nlock = Lock()\nsem = Lock()\nsem.acquire()\n",
    );
    source.push_str("def noop():\n    return 0\ndef inc(v):\n    return v + 1\n");
    source.push_str("def add_to(obj, i=0, by=1):\n    obj[i] = obj[i] + by\ndef push(v, into=y):\n    into[1] = v\n");
    source.push_str(CLASSES);
    // The `threading` objects, only where an item uses them (importing the module is 200 steps).
    let threading = bodies
        .iter()
        .chain([&main])
        .any(|b| b.contains("with rl:") || b.contains("ev.is_set()") || b.contains("th.start()") || b.contains("tl.n"));
    if threading {
        source.push_str("import threading\nrl = threading.RLock()\nev = threading.Event()\n");
        source.push_str("class Local(threading.local):\n    def __init__(self, base):\n        self.n = 0\n        self.base = base\ntl = Local(10)\n");
        source.push_str("def raiser(obj, i):\n    obj[i] += 1\n    raise KeyError(i)\n");
        source.push_str("def note(args):\n    d['hooked'] = args.exc_type.__name__\n");
        source.push_str("threading.excepthook = note\n");
    }
    let uses = |needle: &str| bodies.iter().chain([&main]).any(|b| b.contains(needle));
    if uses("items_of(") {
        source.push_str("def items_of(obj):\n    for k in range(2):\n        yield obj[k]\n");
    }
    if uses("shared_gen") {
        source.push_str("shared_gen = (v * 2 for v in range(2))\n");
    }
    if uses("Note(") {
        source.push_str("class Note:\n    def __init__(self, v):\n        self.v = v\n    def __enter__(self):\n        return self.v\n    def __exit__(self, *exc):\n        d['exits'] = d.get('exits', 0) + 1\n");
    }
    if uses("next(ids)") {
        source.push_str("import itertools\nids = itertools.count()\n");
    }
    if uses("(Registered)") {
        source.push_str("class Registered:\n    def __init_subclass__(cls):\n        y[0] = y[0] + 1\n");
    }
    if uses("tc.assert") {
        source.push_str("import unittest\ntc = unittest.TestCase()\n");
    }
    if uses("END") {
        source.push_str("END = object()\n");
    }
    if uses("dq.") || uses("groups[") {
        source.push_str("from collections import deque, defaultdict, Counter\ndq = deque()\ngroups = defaultdict(list)\ntally = Counter()\n");
    }
    if uses("functools.") {
        source.push_str("import functools\n");
    }
    if uses("s.add(") {
        source.push_str("s = set()\n");
    }
    if uses("sys.stdout") {
        source.push_str("import sys\n");
    }
    if uses("fut.") {
        source.push_str("import concurrent.futures\nfut = concurrent.futures.Future()\n");
    }
    if uses("math.") {
        source.push_str("import math\n");
    }
    if uses("rng.") {
        source.push_str("import random\nrng = random.Random(7)\n");
    }
    if uses("sink.") {
        source.push_str("def acc():\n    total = 0\n    while True:\n        v = yield total\n        total += v\nsink = acc()\nnext(sink)\n");
    }
    for (k, body) in bodies.iter().enumerate() {
        let _ = write!(source, "def t{}():\n{body}", k + 1);
    }
    for t in 1..=workers {
        let _ = writeln!(source, "h{t} = spawn(t{t})");
    }
    // The main thread's operations, written as a function body and called.
    if !main.is_empty() {
        let _ = write!(source, "def t0():\n{main}t0()\n");
    }
    if spins {
        source.push_str("flag[0] = 1\n");
    }
    for t in 1..=workers {
        let _ = writeln!(source, "join(h{t})");
    }
    source.push_str("print(x, y, d, kw, box, getattr(box, 'tag', None), seen())\n");
    if uses("s.add(") {
        source.push_str("print(s, len(s))\n");
    }
    if uses("dq.") || uses("groups[") {
        source.push_str("print(dq, sorted(groups.items()), tally)\n");
    }
    Generated { source, mode, spins }
}

/// The classes the menu's class items use, and their shared instances.
const CLASSES: &str = "\
class Odd(Exception):
    def __init__(self, value):
        super().__init__(value)
        self.value = value
class Box:
    def __init__(self):
        self.n = 0
    def bump(self):
        v = self.n
        noop()
        self.n = v + 1
    @property
    def double(self):
        return 2 * self.n
    def check(self, v):
        if v == 1:
            raise Odd(v)
        return v
    def __repr__(self):
        return f'Box({self.n})'
    def __iadd__(self, k):
        self.n = self.n + k
        return self
    def __add__(self, k):
        return self.n + k
    def __radd__(self, k):
        return k - self.n
    def __neg__(self):
        return -self.n
class Guard:
    def __enter__(self):
        lock.acquire()
        return self
    def __exit__(self, *exc):
        lock.release()
box = Box()
guard = Guard()
def make_bump():
    hits = 0
    def bump():
        nonlocal hits
        v = hits
        noop()
        hits = v + 1
        return hits
    def seen():
        return hits
    return bump, seen
bump, seen = make_bump()
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_program_compiles_and_the_menu_is_covered() {
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..2_000 {
            let g = generate(&mut Seeded::new(seed));
            emlab_vm::compile_source(&g.source, "gen.py").unwrap_or_else(|e| panic!("seed {seed}: {e}\n{}", g.source));
            for needle in [
                "noop()",
                "a0 = 0",
                "with lock",
                "counter.incr",
                "fastcounter.incr",
                "bank.transfer",
                "bank.total",
                "cache.put",
                "cache.get",
                "callback.apply",
                "callback.update",
                "blocking.pause",
                "gc.collect",
                "= [",
                "= 7",
                "while flag",
                "sem.release",
                "sem.acquire",
                "    join(h1)\n",
                "d[",
                ")\n    print(",
                "h3 = spawn",
                "add_to(x, by=",
                "add_to(*[",
                "kw['i'] = ",
                "push(",
                "except KeyError",
                "raise ValueError",
                "print(f'",
                "print('%03d",
                "    move(",
                "'.format(",
                "print(0 <= ",
                "box.n += 1",
                "box.bump()",
                "box.double",
                "with guard:",
                "except Odd as e",
                "box.tag = ",
                "print(bump())",
                "[v * 2 for v in ",
                "(lambda v, by=",
                "    else:\n        ",
                "sorted(",
                "/ 2 + 0.5",
                "** 2, ",
                "with rl:",
                "ev.is_set()",
                "del d[",
                "sum(items_of(",
                "sum(v for v in ",
                "next(shared_gen, -1)",
                "sink.send(",
                ":][0] + ",
                "[::-1], ",
                "s.add(x[",
                "not in s:",
                "sys.stdout.write(",
                "rng.randint(",
                "fut.set_result(",
                "if fut.done() else",
                "math.floor(math.sqrt(",
                "+ 0x1_0000_0000_0000_0000)",
                "ord(chr(65 + ",
                "head, *rest = ",
                "class Stepper:",
                "with lock, Note(",
                "len({**d, ",
                "= next(ids)",
                "dq.popleft()",
                "groups[",
                "functools.partial(add_to, ",
                "th.start()",
                "map(str.strip, ",
                "is not END else",
                "    b += ",
                "tl.n += ",
                "raise TimeoutError(",
                "delattr(box, ",
                "class Sub(Registered):",
                "tc.assertLess(",
            ] {
                if g.source.contains(needle) {
                    seen.insert(needle);
                }
            }
        }
        assert_eq!(seen.len(), 81, "menu items never generated: {seen:?}");
    }

    #[test]
    fn bytes_drive_the_generator_and_run_out_gracefully() {
        let g = generate(&mut FromBytes(&[]));
        assert!(g.source.contains("h1 = spawn(t1)"));
        let a = generate(&mut FromBytes(&[1, 2, 3, 4, 5, 6, 7, 8]));
        let b = generate(&mut FromBytes(&[1, 2, 3, 4, 5, 6, 7, 8]));
        assert_eq!(a.source, b.source);
    }
}
