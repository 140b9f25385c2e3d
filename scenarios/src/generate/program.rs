//! Assembling a whole program: shared state, helpers, thread bodies, the main thread, and the
//! final assertions that hold under every correct interleaving.

use super::body::{total_of, BodyGen, Func};
use super::dice::Dice;
use super::model::{Effects, Features, Role};
use emlab_vm::Mode;

/// Statements (times run) each kind of function may run per call, so no thread nears the
/// checker's step budget.
const HELPER_BUDGET: u64 = 12;
const SUB_BUDGET: u64 = 30;
const WORKER_BUDGET: u64 = 60;
const MAIN_BUDGET: u64 = 40;

/// A generated program and what it contains.
#[derive(Debug, Clone)]
pub struct Program {
    /// The program text, without directives.
    pub body: String,
    pub features: Features,
    /// Modules it imports (extension modules and `gc`).
    pub modules: Vec<&'static str>,
}

/// Generates one program from `dice`.
pub fn program(dice: &mut Dice, max_threads: usize, mode: Option<Mode>) -> Program {
    let mut features = Features::draw(dice, max_threads, mode);
    // The spin handshake needs an operation that stops the world before the flag is set.
    features.handshake &= features.gc || features.counter || features.blocking || features.bank;
    let single = features.workers == 0;
    let mut gen = BodyGen::new(dice, features.clone());
    let mut functions: Vec<String> = Vec::new();

    let helper_count = if features.callback { gen.dice.range(1, 3) } else { gen.dice.below(2) };
    for i in 0..helper_count {
        let name = format!("f{i}");
        let (lines, mut func) = gen.function(Role::Helper, &name, HELPER_BUDGET, &[]);
        functions.push(def(&name, &lines, "return acc"));
        func.cost += 8;
        gen.helpers.push(func);
    }
    let sub_count = if features.nested_spawn { gen.dice.range(1, 2) } else { 0 };
    for i in 0..sub_count {
        let name = format!("s{i}");
        let (lines, mut func) = gen.function(Role::Sub, &name, SUB_BUDGET, &[]);
        functions.push(def(&name, &lines, "return acc"));
        func.cost += 8;
        gen.subs.push(func);
    }
    let worker_count = if single { gen.dice.range(1, 3) } else { features.workers };
    let mut workers: Vec<Func> = Vec::new();
    for i in 0..worker_count {
        let name = format!("w{i}");
        let spin = features.handshake && i == 0;
        let prologue: Vec<String> =
            if spin { vec!["while flag[0] == 0:".into(), "    pass".into()] } else { Vec::new() };
        let (lines, func) = gen.function(Role::Worker, &name, WORKER_BUDGET, &prologue);
        functions.push(def(&name, &lines, "return acc"));
        workers.push(func);
    }

    let mut effects = Effects::default();
    workers.iter().for_each(|w| effects.add(&w.effects, 1));
    let mut main: Vec<String> = Vec::new();
    if single {
        main.push("n = 0".into());
    } else {
        for (i, w) in workers.iter().enumerate() {
            main.push(format!("th{i} = spawn({}, {})", w.name, i + 1));
        }
        if features.handshake {
            // One operation that stops the world while w0 spins, then let it go.
            let (stop, counted) = if features.gc {
                gen.used.insert("gc");
                ("gc.collect()", false)
            } else if features.counter {
                gen.used.insert("counter");
                ("counter.incr(cnt, 0)", true)
            } else if features.blocking {
                gen.used.insert("blocking");
                ("blocking.pause(1)", false)
            } else {
                gen.used.insert("bank");
                ("bank.transfer(accts, 0, 1, 1)", false)
            };
            effects.cnt[0] += u64::from(counted);
            main.push(stop.into());
            main.push("flag[0] = 1".into());
        }
        main.push("n = 0".into());
    }
    let (lines, func) = gen.function(Role::Main, "main", MAIN_BUDGET, &[]);
    main.extend(lines);
    effects.add(&func.effects, 1);
    for (i, w) in workers.iter().enumerate() {
        if single {
            main.push(format!("r{i} = {}({})", w.name, i + 1));
        } else {
            main.push(format!("r{i} = join(th{i})"));
        }
    }
    main.extend(final_checks(&mut gen, &features, &effects, worker_count));

    let mut out: Vec<String> = Vec::new();
    for module in &gen.used {
        out.push(format!("import {module}"));
    }
    out.extend(shared_state(&features));
    for f in &functions {
        out.push(f.clone());
    }
    out.extend(main);
    let modules = gen.used.iter().copied().collect();
    Program { body: out.join("\n") + "\n", features, modules }
}

fn def(name: &str, lines: &[String], ret: &str) -> String {
    let mut text = format!("def {name}(n):\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text.push_str("    ");
    text.push_str(ret);
    text
}

fn shared_state(f: &Features) -> Vec<String> {
    let mut lines = Vec::new();
    for l in 0..f.lock_count {
        lines.push(format!("lock{l} = Lock()"));
    }
    if f.bank {
        let accts: Vec<String> = (1..=f.accounts).map(|i| (i * 10).to_string()).collect();
        lines.push(format!("accts = [{}]", accts.join(", ")));
    }
    if f.has_cnt() {
        lines.push("cnt = [0, 0]".into());
    }
    if f.items {
        lines.push("items = [0]".into());
    }
    if f.table {
        lines.push("table = {'a': 0, 'b': 5}".into());
    }
    if f.gsum {
        lines.push("gsum = 0".into());
    }
    if f.callback {
        lines.push("cell = [1]".into());
    }
    if f.handshake {
        lines.push("flag = [0]".into());
    }
    lines
}

/// After every join: a collection, then assertions that every correct interleaving satisfies.
fn final_checks(gen: &mut BodyGen, f: &Features, fx: &Effects, workers: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if f.gc {
        gen.used.insert("gc");
        lines.push("gc.collect()".into());
    }
    if f.bank {
        gen.used.insert("bank");
        lines.push(format!("assert bank.total(accts) == {}, accts", total_of(f)));
    }
    if f.has_cnt() {
        lines.push(format!("assert cnt == [{}, {}], cnt", fx.cnt[0], fx.cnt[1]));
    }
    if f.items {
        lines.push(format!("assert len(items) == {}, len(items)", fx.items + 1));
    }
    if f.table {
        lines.push(format!("assert table['a'] == {}, table", fx.table));
    }
    if f.gsum {
        lines.push(format!("assert gsum == {}, gsum", fx.gsum));
    }
    if f.cache {
        gen.used.insert("cache");
        lines.push("for key in ['k0', 'k1', 'k2']:".into());
        lines.push("    cv = cache.get(key)".into());
        lines.push("    if cv is not None:".into());
        lines.push("        print(key, len(cv), cv[0])".into());
        if gen.dice.chance(1, 2) {
            lines.push("        cache.drop(key)".into());
        }
    }
    let results: Vec<String> = (0..workers).map(|i| format!("r{i}")).collect();
    lines.push(format!("print('results', {})", results.join(", ")));
    lines
}
