//! Function bodies: thread-local work mixed with operations on shared state, each placed so
//! that it can never raise, deadlock or break an invariant the final assertions check.
//!
//! * Locks are taken in increasing order (`lock0` before `lock1`) and never re-entered;
//!   helpers (callbacks) take none, so they can run under any lock or inside an extension.
//! * Nobody blocks on something that waits for them: workers join only the sub-threads they
//!   spawned, never while holding a lock; the main thread joins workers last.
//! * Updates the final assertions count (`counter.incr`, appends, locked `+=`) only go where
//!   the number of times they run is known: straight-line code, `for i in range(K)` and
//!   `while` loops without `break`. Elsewhere only uncounted operations go.

use super::dice::Dice;
use super::expr::Exprs;
use super::model::{Ctx, Effects, Features, Role};
use std::collections::BTreeSet;

/// A generated function: its name, what one call does to counted state, and its rough cost in
/// statements run per call.
#[derive(Debug, Clone)]
pub struct Func {
    pub name: String,
    pub effects: Effects,
    pub cost: u64,
}

/// Generates one program's functions, tracking which modules they use.
pub struct BodyGen<'d, 'a> {
    pub dice: &'d mut Dice<'a>,
    pub features: Features,
    /// Helpers (callbacks) generated so far; a helper only calls earlier ones.
    pub helpers: Vec<Func>,
    /// Sub-thread bodies generated so far.
    pub subs: Vec<Func>,
    /// Modules the program imports.
    pub used: BTreeSet<&'static str>,
    /// Whether the program is single-threaded (sub-threads become direct calls).
    pub single: bool,
    /// Loop variables in scope.
    ints: Vec<String>,
    lines: Vec<String>,
    indent: usize,
    cost: u64,
    budget: u64,
    needs_global: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Local,
    If,
    ForRange,
    While,
    ForList,
    ForItems,
    Transfer,
    Total,
    TotalTemp,
    Counter,
    CounterLocal,
    Fast,
    LockedCnt,
    Append,
    AppendBurst,
    ItemsRead,
    LockedTable,
    TableUse,
    LockedGsum,
    With,
    AcquireRelease,
    CachePut,
    CacheGet,
    CacheDrop,
    Apply,
    Update,
    CallHelper,
    Pause,
    Gc,
    SpawnSub,
}

impl<'d, 'a> BodyGen<'d, 'a> {
    pub fn new(dice: &'d mut Dice<'a>, features: Features) -> BodyGen<'d, 'a> {
        let single = features.workers == 0;
        BodyGen {
            dice,
            features,
            helpers: Vec::new(),
            subs: Vec::new(),
            used: BTreeSet::new(),
            single,
            ints: Vec::new(),
            lines: Vec::new(),
            indent: 0,
            cost: 0,
            budget: 0,
            needs_global: false,
        }
    }

    fn emit(&mut self, line: impl AsRef<str>) {
        self.lines.push(format!("{}{}", "    ".repeat(self.indent), line.as_ref()));
    }

    fn small(&mut self) -> String {
        let e = Exprs { features: &self.features, ints: self.ints.clone() };
        e.small(self.dice)
    }

    fn cond(&mut self) -> String {
        let e = Exprs { features: &self.features, ints: self.ints.clone() };
        e.cond(self.dice, 1)
    }

    fn local(&mut self) -> String {
        let e = Exprs { features: &self.features, ints: self.ints.clone() };
        e.local_statement(self.dice)
    }

    /// The body of a function (or of the main program) in `role`, `budget` statements run at
    /// most; returns its lines (indented one level unless `role` is Main) and its effects.
    pub fn function(&mut self, role: Role, name: &str, budget: u64, prologue: &[String]) -> (Vec<String>, Func) {
        self.lines.clear();
        self.indent = usize::from(role != Role::Main);
        self.cost = 0;
        self.budget = budget;
        self.needs_global = false;
        self.ints.clear();
        for line in prologue {
            self.emit(line);
        }
        for line in super::expr::PRELUDE {
            self.emit(line.replace("{name}", name));
        }
        let mut effects = Effects::default();
        let ctx = Ctx::new(role);
        self.block(&ctx, &mut effects, 2, 7);
        if self.single || self.dice.chance(1, 3) {
            self.emit(format!("print('{name}', acc, x, mine, s, d, t)"));
        }
        let mut lines = std::mem::take(&mut self.lines);
        if self.needs_global {
            lines.insert(0, "    global gsum".to_string());
        }
        (lines, Func { name: name.to_string(), effects, cost: self.cost })
    }

    /// Between `min` and `max` statements (at least `pass`).
    fn block(&mut self, ctx: &Ctx, fx: &mut Effects, min: usize, max: usize) {
        let n = self.dice.range(min, max);
        let start = self.lines.len();
        for _ in 0..n {
            if self.cost >= self.budget {
                break;
            }
            self.cost += ctx.times.unwrap_or(10);
            self.statement(ctx, fx);
        }
        if self.lines.len() == start {
            self.emit("pass");
        }
    }

    fn indented(&mut self, f: impl FnOnce(&mut Self)) {
        self.indent += 1;
        f(self);
        self.indent -= 1;
    }

    fn kinds(&self, ctx: &Ctx) -> Vec<Kind> {
        let f = &self.features;
        let counted = ctx.times.is_some();
        // Thread-local work weighs as much as the shared operations together, roughly.
        let mut k = vec![Kind::Local; 8];
        if ctx.depth < 2 {
            k.extend([Kind::If, Kind::ForRange, Kind::While, Kind::ForList, Kind::ForItems]);
        }
        if f.bank {
            k.extend([Kind::Transfer, Kind::Transfer, Kind::Total, Kind::TotalTemp]);
        }
        if f.counter {
            k.push(Kind::CounterLocal);
            if counted {
                k.extend([Kind::Counter, Kind::Counter]);
            }
        }
        if f.fastcounter && counted {
            k.extend([Kind::Fast, Kind::Fast]);
        }
        let takes_or_holds = |owner: usize| ctx.held.contains(&owner) || ctx.may_take(owner);
        if f.locks && counted && takes_or_holds(f.owner_cnt) {
            k.extend([Kind::LockedCnt, Kind::LockedCnt]);
        }
        if f.locks && (0..f.lock_count).any(|l| ctx.may_take(l)) {
            k.extend([Kind::With, Kind::AcquireRelease]);
        }
        if f.items {
            k.push(Kind::ItemsRead);
            if counted {
                k.extend([Kind::Append, Kind::Append, Kind::AppendBurst, Kind::AppendBurst]);
            }
        }
        if f.table {
            k.push(Kind::TableUse);
            if counted && takes_or_holds(f.owner_table) {
                k.push(Kind::LockedTable);
            }
        }
        if f.gsum && counted && takes_or_holds(f.owner_gsum) {
            k.push(Kind::LockedGsum);
        }
        if f.cache {
            k.extend([Kind::CachePut, Kind::CachePut, Kind::CacheGet, Kind::CacheGet, Kind::CacheDrop]);
        }
        let callable = self.helpers.iter().any(|h| counted || h.effects.is_empty());
        if callable {
            k.push(Kind::CallHelper);
            if f.callback {
                k.extend([Kind::Apply, Kind::Apply, Kind::Update, Kind::Update, Kind::Update]);
            }
        }
        if f.blocking {
            k.extend([Kind::Pause, Kind::Pause]);
        }
        if f.gc {
            k.extend([Kind::Gc, Kind::Gc]);
        }
        if ctx.role == Role::Worker && counted && ctx.held.is_empty() && !self.subs.is_empty() {
            k.extend([Kind::SpawnSub, Kind::SpawnSub]);
        }
        k
    }

    fn statement(&mut self, ctx: &Ctx, fx: &mut Effects) {
        let kinds = self.kinds(ctx);
        let kind = self.dice.pick(&kinds);
        let times = ctx.times.unwrap_or(0);
        let f = self.features.clone();
        match kind {
            Kind::Local => {
                let s = self.local();
                self.emit(s);
            }
            Kind::If => {
                let c = self.cond();
                self.emit(format!("if {c}:"));
                let inner = ctx.nested(None);
                self.indented(|g| g.block(&inner, fx, 1, 3));
                if self.dice.chance(1, 2) {
                    self.emit("else:");
                    self.indented(|g| g.block(&inner, fx, 1, 2));
                }
            }
            Kind::ForRange => {
                let var = format!("i{}", ctx.depth);
                let trips = self.dice.range(1, 3) as u64;
                let how = match self.dice.below(3) {
                    0 => format!("range({trips})"),
                    1 => format!("range(2, {})", trips + 2),
                    _ => format!("range({}, 0, -1)", trips),
                };
                self.emit(format!("for {var} in {how}:"));
                self.ints.push(var);
                let inner = ctx.nested(Some(trips));
                self.indented(|g| g.block(&inner, fx, 1, 3));
                self.ints.pop();
            }
            Kind::While => {
                let var = format!("k{}", ctx.depth);
                let trips = self.dice.range(1, 3) as u64;
                let exit = self.dice.chance(1, 3);
                self.emit(format!("{var} = 0"));
                self.emit(format!("while {var} < {trips}:"));
                self.ints.push(var.clone());
                let inner = ctx.nested(if exit { None } else { Some(trips) });
                self.indented(|g| {
                    g.emit(format!("{var} += 1"));
                    g.block(&inner, fx, 1, 3);
                    if exit {
                        let c = g.cond();
                        g.emit(format!("if {c}:"));
                        let word = if g.dice.chance(1, 2) { "break" } else { "continue" };
                        g.indented(|g| g.emit(word));
                    }
                });
                self.ints.pop();
            }
            Kind::ForList => {
                let var = format!("v{}", ctx.depth);
                self.emit(format!("for {var} in list(mine):"));
                self.ints.push(var.clone());
                self.indented(|g| {
                    g.emit(format!("acc = (acc + {var}) % 1000"));
                    if g.dice.chance(1, 2) {
                        let s = g.local();
                        g.emit(s);
                    }
                });
                self.ints.pop();
            }
            Kind::ForItems => {
                self.emit("for key, val in d.items():");
                self.indented(|g| {
                    g.emit("acc = (acc + val) % 1000");
                    g.emit("s = s + key");
                });
            }
            Kind::Transfer => {
                self.used.insert("bank");
                let (i, j) = (self.dice.below(f.accounts), self.dice.below(f.accounts));
                let n = if self.dice.chance(1, 2) { format!("{}", self.dice.below(10)) } else { "acc % 10".into() };
                self.emit(format!("bank.transfer(accts, {i}, {j}, {n})"));
            }
            Kind::Total => {
                self.used.insert("bank");
                self.emit(format!("assert bank.total(accts) == {}, accts", total_of(&f)));
            }
            Kind::TotalTemp => {
                self.used.insert("bank");
                let (a, b) = (self.small(), self.small());
                self.emit(format!("x = bank.total([{a}, {b}, 7]) % 1000"));
            }
            Kind::Counter => {
                self.used.insert("counter");
                // Under the EML a core `cnt[1] += 1` (no safepoint between its load and store) and
                // counter.incr exclude each other; under a GIL the switch can fall between them,
                // as in CPython, so there counter.incr keeps to cnt[0].
                let slot = if f.mode == emlab_vm::Mode::Eml { self.dice.below(2) } else { 0 };
                fx.cnt[slot] += times;
                self.emit(format!("counter.incr(cnt, {slot})"));
            }
            Kind::CounterLocal => {
                self.used.insert("counter");
                if self.dice.chance(1, 2) {
                    self.emit("counter.incr(mine, 0)");
                } else {
                    self.emit("counter.incr([acc, 0], 1)");
                }
            }
            Kind::Fast => {
                self.used.insert("fastcounter");
                fx.cnt[0] += times;
                self.emit("fastcounter.incr(cnt, 0)");
            }
            Kind::LockedCnt => {
                fx.cnt[1] += times;
                self.locked(ctx, f.owner_cnt, &["cnt[1] += 1"]);
            }
            Kind::Append => {
                fx.items += times;
                let v = self.small();
                self.emit(format!("items.append({v})"));
            }
            Kind::AppendBurst => {
                // Several appends in a row: where threads' appends overlap, an append that is not
                // atomic loses items (the final length assertion sees it).
                let trips = self.dice.range(2, 4) as u64;
                fx.items += times * trips;
                self.emit(format!("for i{} in range({trips}):", ctx.depth));
                self.indented(|g| g.emit(format!("items.append(i{})", ctx.depth)));
            }
            Kind::ItemsRead => {
                let read = self.dice.pick(&["x = items[-1]", "x = len(items) % 1000", "acc = (acc + items[0]) % 1000"]);
                self.emit(read);
            }
            Kind::LockedTable => {
                fx.table += times;
                self.locked(ctx, f.owner_table, &["table['a'] += 1"]);
            }
            Kind::TableUse => {
                if self.dice.chance(1, 2) {
                    let v = self.small();
                    self.emit(format!("table['b'] = {v}"));
                } else {
                    self.emit("x = table['b'] % 1000");
                }
            }
            Kind::LockedGsum => {
                fx.gsum += times;
                if ctx.role != Role::Main {
                    self.needs_global = true;
                }
                self.locked(ctx, f.owner_gsum, &["gsum += 1"]);
            }
            Kind::With | Kind::AcquireRelease => {
                let free: Vec<usize> = (0..f.lock_count).filter(|&l| ctx.may_take(l)).collect();
                let lock = self.dice.pick(&free);
                let mut inner = ctx.nested(Some(1));
                inner.held.push(lock);
                if kind == Kind::With {
                    self.emit(format!("with lock{lock}:"));
                    self.indented(|g| g.block(&inner, fx, 1, 3));
                } else {
                    // Straight-line acquire/release: the body must not leave early, so no loop
                    // whose `break` could skip the release is involved (the body is its own block).
                    self.emit(format!("lock{lock}.acquire()"));
                    self.block(&inner, fx, 1, 2);
                    self.emit(format!("lock{lock}.release()"));
                }
            }
            Kind::CachePut => {
                self.used.insert("cache");
                let key = self.dice.below(3);
                let value = match self.dice.below(4) {
                    0 => "mine".to_string(),
                    1 => "list(mine)".to_string(),
                    _ => format!("[{}, {}]", self.small(), self.dice.below(10)),
                };
                self.emit(format!("cache.put('k{key}', {value})"));
            }
            Kind::CacheGet => {
                self.used.insert("cache");
                let key = self.dice.below(3);
                self.emit(format!("cv = cache.get('k{key}')"));
                self.emit("if cv is not None:");
                self.indented(|g| g.emit("acc = (acc + cv[0] + len(cv)) % 1000"));
            }
            Kind::CacheDrop => {
                self.used.insert("cache");
                let key = self.dice.below(3);
                self.emit(format!("cache.drop('k{key}')"));
            }
            Kind::Apply | Kind::Update | Kind::CallHelper => {
                let choices: Vec<usize> = (0..self.helpers.len())
                    .filter(|&i| ctx.times.is_some() || self.helpers[i].effects.is_empty())
                    .collect();
                let h = self.helpers[self.dice.pick(&choices)].clone();
                fx.add(&h.effects, times);
                self.cost += h.cost * ctx.times.unwrap_or(10);
                let arg = self.small();
                match kind {
                    Kind::Apply => {
                        self.used.insert("callback");
                        self.emit(format!("acc = callback.apply({}, {arg})", h.name));
                    }
                    Kind::Update => {
                        self.used.insert("callback");
                        let target = self.dice.pick(&["mine", "cell", "[acc]"]);
                        self.emit(format!("callback.update({target}, {})", h.name));
                    }
                    _ => self.emit(format!("acc = {}({arg})", h.name)),
                }
            }
            Kind::Pause => {
                self.used.insert("blocking");
                let n = self.dice.range(1, 3);
                self.emit(format!("blocking.pause({n})"));
            }
            Kind::Gc => {
                self.used.insert("gc");
                self.emit("gc.collect()");
            }
            Kind::SpawnSub => {
                let s = self.subs[self.dice.below(self.subs.len())].clone();
                fx.add(&s.effects, times);
                self.cost += s.cost * times;
                if self.single {
                    self.emit(format!("acc = (acc + {}(acc)) % 1000", s.name));
                } else {
                    self.emit(format!("h = spawn({}, acc)", s.name));
                    for _ in 0..self.dice.below(3) {
                        let l = self.local();
                        self.emit(l);
                    }
                    self.emit("acc = (acc + join(h)) % 1000");
                }
            }
        }
    }

    /// `line`s under lock `owner`: bare if it is held here, else inside `with` (or an explicit
    /// acquire/release pair).
    fn locked(&mut self, ctx: &Ctx, owner: usize, lines: &[&str]) {
        if ctx.held.contains(&owner) {
            for l in lines {
                self.emit(l);
            }
        } else if self.dice.chance(1, 3) {
            self.emit(format!("lock{owner}.acquire()"));
            for l in lines {
                self.emit(l);
            }
            self.emit(format!("lock{owner}.release()"));
        } else {
            self.emit(format!("with lock{owner}:"));
            self.indented(|g| {
                for l in lines {
                    g.emit(l);
                }
            });
        }
    }
}

/// The initial (and invariant) total of `accts`: accounts hold 10, 20, 30, ...
pub fn total_of(f: &Features) -> i64 {
    (1..=f.accounts as i64).map(|i| i * 10).sum()
}
