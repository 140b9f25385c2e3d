//! Thread-local expressions and statements: well-typed and unable to raise.
//!
//! Every function starts with the same locals (see [`PRELUDE`]): ints `acc` and `x`, a
//! non-empty int list `mine`, a str `s`, a dict `d` of str keys to ints, a 2-tuple `t`.
//! They keep simple invariants that make every expression safe:
//!
//! * an int local is always in `-1000 < v < 1000` (every assignment ends in `% 1000`, loop
//!   counters are small), and a leaf is at most 10^4 in size, so an expression of depth two
//!   stays far below 2^63: no OverflowError;
//! * `mine` is never emptied (`pop` only when `len(mine) > 1`), so `mine[...]`, `min(mine)`
//!   and `... % len(mine)` never raise;
//! * divisors and moduli are positive constants; `d` is read with `get`/`pop` defaults;
//!   `index` only after `in`.

use super::dice::Dice;
use super::model::Features;

/// The locals every generated function (and the main program) starts with; `{name}` is
/// replaced by the function's name, `n` is its int parameter.
pub const PRELUDE: &[&str] =
    &["acc = n % 1000", "x = 1", "mine = [n % 10, 1]", "s = '{name}'", "d = {'a': 1, 'b': 2}", "t = (n % 7, 2)"];

const WORDS: [&str; 6] = ["a", "b", "xy", "z9", " ", "ok"];
const KEYS: [&str; 3] = ["a", "b", "c"];

/// Writes expressions over the standard locals, the loop variables in scope and, where the
/// program has them, reads of shared data (single operations, atomic in emlab and CPython).
pub struct Exprs<'f> {
    pub features: &'f Features,
    /// Int loop variables in scope (`i`, `j`, `v`, ...), all small.
    pub ints: Vec<String>,
}

impl Exprs<'_> {
    /// An int of at most 10^4 in size.
    pub fn leaf(&self, dice: &mut Dice) -> String {
        let f = self.features;
        let mut options: Vec<String> = vec![
            dice.below(100).to_string(),
            "acc".into(),
            "x".into(),
            "len(mine)".into(),
            "mine[0]".into(),
            "mine[-1]".into(),
            "mine[acc % len(mine)]".into(),
            "len(s)".into(),
            "d.get('a', 0)".into(),
            "d.get('c', 3)".into(),
            "t[0]".into(),
            "t[1]".into(),
            "(sum(mine) % 1000)".into(),
            "min(mine)".into(),
            "max(mine)".into(),
            "len(d)".into(),
        ];
        options.extend(self.ints.iter().cloned());
        if f.counter || f.fastcounter || f.locks {
            options.push("cnt[0]".into());
        }
        if f.items {
            options.push("len(items)".into());
            options.push("items[0]".into());
        }
        if f.bank {
            options.push(format!("(accts[{}] % 1000)", dice.below(f.accounts)));
        }
        if f.table {
            options.push("table.get('a', 0)".into());
        }
        if f.callback {
            options.push("cell[0]".into());
        }
        let i = dice.below(options.len());
        options.swap_remove(i)
    }

    /// An int expression of the given depth (at most 2: see the module docs).
    pub fn int(&self, dice: &mut Dice, depth: usize) -> String {
        if depth == 0 || dice.chance(1, 3) {
            return self.leaf(dice);
        }
        let a = self.int(dice, depth - 1);
        match dice.below(10) {
            0 => format!("({a} + {})", self.int(dice, depth - 1)),
            1 => format!("({a} - {})", self.int(dice, depth - 1)),
            2 => format!("({a} * {})", self.int(dice, depth - 1)),
            3 => format!("({a} // {})", dice.range(1, 9)),
            4 => format!("({a} % {})", dice.range(1, 9)),
            5 => format!("abs({a})"),
            6 => format!("min({a}, {})", self.int(dice, depth - 1)),
            7 => format!("max({a}, {})", self.int(dice, depth - 1)),
            8 => format!("({a} if {} else {})", self.cond(dice, 0), self.int(dice, depth - 1)),
            _ => format!("int(str({a}))"),
        }
    }

    /// An int expression reduced into `0..1000`.
    pub fn small(&self, dice: &mut Dice) -> String {
        format!("{} % 1000", self.int(dice, 2))
    }

    /// A condition (a bool, or an operand `and`/`or` returns).
    pub fn cond(&self, dice: &mut Dice, depth: usize) -> String {
        let pick = if depth == 0 { dice.below(9) } else { dice.below(12) };
        match pick {
            0 => format!("{} < {}", self.int(dice, 1), self.int(dice, 1)),
            1 => format!("{} == {}", self.int(dice, 1), self.int(dice, 1)),
            2 => format!("{} % 2 == 0", self.int(dice, 1)),
            3 => format!("{} in mine", self.leaf(dice)),
            4 => format!("'{}' in d", dice.pick(&KEYS)),
            5 => format!("'{}' in s", dice.pick(&WORDS)),
            6 => "len(mine) > 2".into(),
            7 => format!("{} != {}", self.leaf(dice), self.leaf(dice)),
            8 => format!("{} >= {}", self.int(dice, 1), self.leaf(dice)),
            9 => format!("not ({})", self.cond(dice, depth - 1)),
            10 => format!("({} and {})", self.cond(dice, depth - 1), self.cond(dice, depth - 1)),
            _ => format!("({} or {})", self.cond(dice, depth - 1), self.cond(dice, depth - 1)),
        }
    }

    /// One statement on thread-local data only.
    pub fn local_statement(&self, dice: &mut Dice) -> String {
        match dice.below(20) {
            0 | 1 => format!("acc = {}", self.small(dice)),
            2 => format!("x = {}", self.small(dice)),
            3 => format!("mine.append({})", self.small(dice)),
            4 => format!("mine[{} % len(mine)] = {}", self.int(dice, 1), self.small(dice)),
            5 => format!("mine.insert(0, {})", self.small(dice)),
            6 => "x = mine.pop() if len(mine) > 1 else x".into(),
            7 => format!("mine.extend([{}, {}])", self.small(dice), dice.below(10)),
            8 => format!("s = s + '{}'", dice.pick(&WORDS)),
            9 => format!("s = str({})", self.small(dice)),
            10 => format!("s = '{}' * {}", dice.pick(&WORDS), dice.range(0, 3)),
            11 => format!("d['{}'] = {}", dice.pick(&KEYS), self.small(dice)),
            12 => format!("x = d.pop('{}', {})", dice.pick(&KEYS), dice.below(10)),
            13 => format!("t = ({}, {})", self.small(dice), self.small(dice)),
            14 => "acc, x = x, acc".into(),
            15 => "acc, x = t".into(),
            16 => format!("mine = mine + [{}]", dice.below(10)),
            17 => format!("x = mine.index({0}) if {0} in mine else x", dice.pick(&["acc", "x", "t[0]"])),
            18 => "print(s, acc, x, mine, d, t)".into(),
            _ => format!("print(repr(s), {}, len(mine) >= 1)", self.int(dice, 1)),
        }
    }
}
