//! What a generated program uses (swarm testing: each program switches on a random subset of
//! features) and what its shared-state invariants are.

use super::dice::Dice;
use emlab_vm::Mode;

/// The features one program uses. Each is on with some probability, so different programs
/// stress different parts of the VM (swarm testing) and a feature's absence is tested too.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// `bank.transfer` / `bank.total` on `accts` (total stays constant).
    pub bank: bool,
    /// Number of accounts in `accts`.
    pub accounts: usize,
    /// `counter.incr` on `cnt`.
    pub counter: bool,
    /// `fastcounter.incr` on `cnt[0]`.
    pub fastcounter: bool,
    /// `cache.put/get/drop`.
    pub cache: bool,
    /// `callback.apply/update` with generated functions as callbacks.
    pub callback: bool,
    /// `blocking.pause` (an `allow_threads` section).
    pub blocking: bool,
    /// `gc.collect()`.
    pub gc: bool,
    /// Locks; `cnt[1]`, `table` and `gsum` are each guarded by one of them.
    pub locks: bool,
    /// How many locks (`lock0`...), always acquired in increasing order.
    pub lock_count: usize,
    /// The lock that guards `cnt[1]`, `table` and `gsum`.
    pub owner_cnt: usize,
    pub owner_table: usize,
    pub owner_gsum: usize,
    /// Appends to the shared list `items` (its final length is known).
    pub items: bool,
    /// Locked increments of `table['a']`.
    pub table: bool,
    /// Locked increments of the global int `gsum` (with a `global` statement).
    pub gsum: bool,
    /// Worker threads spawn and join threads of their own.
    pub nested_spawn: bool,
    /// The first worker spins on `flag` until the main thread sets it, after one operation
    /// that stops the world (the loop's back-edge must be a safepoint).
    pub handshake: bool,
    /// Worker threads the main thread spawns (0: single-threaded; workers are called directly).
    pub workers: usize,
    pub mode: Mode,
}

impl Features {
    /// Draws the features of one program; `max_threads` bounds the workers (0: none).
    pub fn draw(dice: &mut Dice, max_threads: usize, mode: Option<Mode>) -> Features {
        // Each feature is on with probability 3/4 (the inverted chance keeps it on when the input
        // is used up, so a short fuzz input still makes a program that does something).
        let mut on = || !dice.chance(1, 4);
        let mut f = Features {
            bank: on(),
            counter: on(),
            fastcounter: on(),
            cache: on(),
            callback: on(),
            blocking: on(),
            gc: on(),
            locks: on(),
            items: on(),
            table: on(),
            gsum: on(),
            nested_spawn: on(),
            ..Features::default()
        };
        f.accounts = dice.range(2, 4);
        f.lock_count = if f.locks { dice.range(1, 3) } else { 0 };
        f.owner_cnt = dice.below(f.lock_count);
        f.owner_table = dice.below(f.lock_count);
        f.owner_gsum = dice.below(f.lock_count);
        f.table &= f.locks;
        f.gsum &= f.locks;
        f.workers = match max_threads {
            0 => 0,
            1 => 1,
            k => {
                // Mostly two or more threads; sometimes a single one.
                if dice.chance(1, 8) {
                    1
                } else {
                    dice.range(2, k)
                }
            }
        };
        f.nested_spawn &= f.workers > 0;
        f.handshake = f.workers > 0 && dice.chance(1, 3);
        f.mode = mode.unwrap_or_else(|| match dice.below(10) {
            0 | 1 => Mode::Gil,
            2 => Mode::GilOnImport,
            _ => Mode::Eml,
        });
        f
    }

    /// Whether `cnt` exists.
    pub fn has_cnt(&self) -> bool {
        self.counter || self.fastcounter || self.locks
    }
}

/// Counted effects on shared state: how many times each invariant-carrying update runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Effects {
    /// Increments of `cnt[0]` (counter.incr, fastcounter.incr) and `cnt[1]` (counter.incr,
    /// locked core `+=`).
    pub cnt: [u64; 2],
    /// Appends to `items`.
    pub items: u64,
    /// Locked increments of `table['a']`.
    pub table: u64,
    /// Locked increments of `gsum`.
    pub gsum: u64,
}

impl Effects {
    /// Adds `times` runs of `other`.
    pub fn add(&mut self, other: &Effects, times: u64) {
        self.cnt[0] += other.cnt[0] * times;
        self.cnt[1] += other.cnt[1] * times;
        self.items += other.items * times;
        self.table += other.table * times;
        self.gsum += other.gsum * times;
    }

    pub fn is_empty(&self) -> bool {
        *self == Effects::default()
    }
}

/// Who runs the code being generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The main program (module level).
    Main,
    /// A thread body the main thread spawns.
    Worker,
    /// A thread body a worker spawns.
    Sub,
    /// A plain function, called directly or as an extension's callback: takes no locks and
    /// spawns nothing, so it can run anywhere (inside a `with`, inside an extension call).
    Helper,
}

/// Where in a function the next statement goes.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub role: Role,
    /// How many times this point runs per call of the function, if known. Counted effects
    /// (the ones final assertions check) only go where it is known.
    pub times: Option<u64>,
    /// Locks held here, in increasing order.
    pub held: Vec<usize>,
    /// Nesting depth of compound statements.
    pub depth: usize,
}

impl Ctx {
    pub fn new(role: Role) -> Ctx {
        Ctx { role, times: Some(1), held: Vec::new(), depth: 0 }
    }

    /// Whether lock `k` may be acquired here: global order, never re-entered.
    pub fn may_take(&self, k: usize) -> bool {
        self.role != Role::Helper && self.held.iter().all(|&h| h < k)
    }

    pub fn nested(&self, times: Option<u64>) -> Ctx {
        Ctx {
            role: self.role,
            times: self.times.zip(times).map(|(a, b)| a * b),
            held: self.held.clone(),
            depth: self.depth + 1,
        }
    }
}
