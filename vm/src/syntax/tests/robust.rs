//! No input panics or overflows the stack: deep nesting and random inputs.

use super::{err, ok};
use crate::syntax::parse;

#[test]
fn deeply_nested_brackets_are_errors() {
    for open in ["(", "[", "{", "f(", "x["] {
        let src = format!("y = {}1", open.repeat(10_000));
        let e = err(&src);
        assert!(e.message.contains("too many nested parentheses"), "{open}: {}", e.message);
    }
    // Just under the limit is fine.
    let src = format!("y = {}1{}", "[".repeat(199), "]".repeat(199));
    ok(&src);
    let src = format!("y = {}1{}", "(".repeat(199), ")".repeat(199));
    ok(&src);
    let src = format!("y = {}1{}", "f(".repeat(199), ")".repeat(199));
    ok(&src);
}

#[test]
fn deep_prefix_and_conditional_chains_are_errors() {
    for src in [
        format!("y = {}x", "-".repeat(20_000)),
        format!("y = {}x", "not ".repeat(20_000)),
        format!("y = {}x", "+ - ".repeat(10_000)),
        format!("y = {}c", "a if b else ".repeat(20_000)),
    ] {
        let e = err(&src);
        assert!(e.message.contains("too many nested parentheses/blocks"), "{}", e.message);
    }
    ok(&format!("y = {}x", "-".repeat(190)));
}

#[test]
fn long_operator_chains_are_bounded() {
    for src in [
        format!("y = x{}", " + x".repeat(20_000)),
        format!("y = x{}", " or x".repeat(20_000)),
        format!("y = x{}", ".a".repeat(20_000)),
        format!("y = f{}", "()".repeat(20_000)),
        format!("y = x{}", "[0]".repeat(20_000)),
        format!("y = ({}) + 1", "x + ".repeat(250) + "x") + &" + 1".repeat(250),
    ] {
        let e = err(&src);
        assert!(e.message.contains("too deeply nested"), "{}", e.message);
    }
    ok(&format!("y = x{}", " + x".repeat(250)));
}

#[test]
fn wide_inputs_are_fine() {
    let items = vec!["1"; 20_000].join(", ");
    ok(&format!("y = [{items}]\nz = f({items})\nw = {items}"));
    ok(&format!("y = {}", "'ab' ".repeat(10_000)));
    ok(&"x = 1\n".repeat(10_000));
    let m = ok(&format!("{}1", "a = ".repeat(10_000)));
    assert_eq!(m.body.len(), 1);
}

#[test]
fn blocks_and_brackets_share_the_nesting_budget() {
    let nested = |blocks: usize, brackets: usize| {
        let mut src = String::new();
        for depth in 0..blocks {
            src.push_str(&format!("{}while a:\n", " ".repeat(depth)));
        }
        src.push_str(&format!("{}y = {}1{}\n", " ".repeat(blocks), "x[".repeat(brackets), "]".repeat(brackets)));
        src
    };
    ok(&nested(50, 140));
    ok(&nested(99, 100));
    let e = err(&nested(99, 150));
    assert!(e.message.contains("too many nested parentheses/blocks"), "{}", e.message);
    assert_eq!(e.span.line, 100);
}

#[test]
fn deep_blocks_are_errors() {
    let mut src = String::new();
    for depth in 0..150 {
        src.push_str(&" ".repeat(depth));
        src.push_str("if a:\n");
    }
    src.push_str(&" ".repeat(150));
    src.push_str("pass\n");
    assert!(err(&src).message.contains("too many levels of indentation"));
    let mut src = "if a:\n    pass\n".to_string();
    src.push_str(&"elif b:\n    pass\n".repeat(10_000));
    assert!(err(&src).message.contains("too many nested blocks"));
    // Just under both limits is fine.
    let mut src = String::new();
    for depth in 0..99 {
        src.push_str(&" ".repeat(depth));
        src.push_str("if a:\n");
    }
    src.push_str(&" ".repeat(99));
    src.push_str("pass\n");
    ok(&src);
    let mut src = "if a:\n    pass\n".to_string();
    src.push_str(&"elif b:\n    pass\n".repeat(150));
    ok(&src);
}

/// A small deterministic xorshift64* generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Parses and checks the error (if any) points into the source.
fn survives(src: &str) {
    if let Err(e) = parse(src) {
        let lines = src.chars().filter(|&c| c == '\n' || c == '\r').count() as u32 + 2;
        assert!(e.span.line >= 1 && e.span.line <= lines && e.span.col >= 1, "{src:?}: {e:?}");
        assert!(!e.message.is_empty());
    }
}

#[test]
fn random_characters_never_panic() {
    let alphabet: Vec<char> =
        "abcxyz_019 \t\n\r\\'\"#()[]{}:;,.=+-*/%<>!&|^~@$?\0é€\u{feff}\x0cfbrux".chars().collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let len = rng.below(40);
        let src: String = (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect();
        survives(&src);
    }
}

#[test]
fn random_token_soup_never_panics() {
    let pieces = [
        "x",
        "y",
        "f",
        "1",
        "0",
        "'s'",
        "\"t\"",
        "'''u'''",
        "9223372036854775808",
        "-",
        "+",
        "*",
        "//",
        "%",
        "/",
        "**",
        "==",
        "<",
        ">=",
        "!=",
        "=",
        "+=",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        ";",
        ".",
        "...",
        ":=",
        "->",
        "\n",
        "\n    ",
        "\n        ",
        "\n  ",
        "\n\t",
        " ",
        "\\\n",
        "#c\n",
        "if ",
        "elif ",
        "else",
        "while ",
        "for ",
        " in ",
        " not ",
        " is ",
        " and ",
        " or ",
        "def ",
        "return ",
        "break",
        "continue",
        "pass",
        "global ",
        "import ",
        "assert ",
        "with ",
        " as ",
        "lambda ",
        "yield ",
        "class ",
        "try",
        "del ",
        "None",
        "True",
        "match ",
    ];
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..30_000 {
        let len = rng.below(30);
        let src: String = (0..len).map(|_| rng.pick(&pieces)).collect();
        survives(&src);
    }
}

#[test]
fn mutated_programs_never_panic() {
    let base = "\
import time
def f(a, b):
    global g
    for i, (j, k) in items:
        while i < 10:
            if i % 2 == 0 and not j: break
            i += 1
    d = {'k': [1, 2, (3,)], 'v': x[0]}
    with lock:
        return a if b else -9223372036854775808, \"s\\n\"
x = f(1, 2)
";
    let chars: Vec<char> = base.chars().collect();
    let inserts: Vec<char> = "()[]{}:,'\"\\\n \t#=-x1".chars().collect();
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    ok(base);
    for _ in 0..10_000 {
        let mut src = chars.clone();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(src.len() + 1);
            match rng.below(3) {
                0 if at < src.len() => {
                    src.remove(at);
                }
                1 if at < src.len() => src[at] = inserts[rng.below(inserts.len())],
                _ => src.insert(at, inserts[rng.below(inserts.len())]),
            }
        }
        survives(&src.into_iter().collect::<String>());
    }
}
