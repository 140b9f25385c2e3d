//! Unsupported constructs and malformed programs: each error names its construct at the right place.

use super::{err, err_at};

#[test]
fn chained_comparisons() {
    use super::sx;
    let value = |src: &str| match &super::ok(src).body[0].kind {
        crate::ast::StmtKind::Assign { value, .. } => sx(value),
        other => panic!("{other:?}"),
    };
    assert_eq!(value("x = a < b < c"), "(chain a < b < c)");
    assert_eq!(value("x = a == b == c != d"), "(chain a == b == c != d)");
    assert_eq!(value("x = a is b is not c"), "(chain a is b is not c)");
    assert_eq!(value("x = not a in b in c"), "(Not (chain a in b in c))");
    assert_eq!(value("x = a < b"), "(< a b)");
}

#[test]
fn power_binds_tighter_than_unary_minus_and_associates_right() {
    assert_eq!(super::ex("-a ** 2"), "(Neg (** or pow() a 2))");
    assert_eq!(super::ex("a ** b ** c"), "(** or pow() a (** or pow() b c))");
    assert_eq!(super::ex("a ** -b"), "(** or pow() a (Neg b))");
    assert_eq!(super::ex("a | b ^ c & d << e + f"), "(| a (^ b (& c (<< d (+ e f)))))");
    assert_eq!(super::ex("~a / b"), "(/ (Invert a) b)");
    assert_eq!(super::ex("1.5e3"), "1500.0");
}

#[test]
fn unsupported_operators() {
    err_at("x = a @ b", "matrix multiplication operator '@' is not supported", 1, 7);
    err_at("x @= 2", "augmented assignment '@=' is not supported", 1, 3);
    err_at("if (n := 5):\n    pass", "assignment expressions (':=', the walrus operator) are not supported", 1, 7);
    err_at("x = ...", "Ellipsis ('...') is not supported", 1, 5);
    err_at("print >>f, x", "'print >>f, ...' (Python 2 print syntax) is not supported", 1, 1);
    err_at("print 'x'", "Python 2 print statement is not supported", 1, 1);
}

#[test]
fn unsupported_expressions() {
    super::ok(
        "f = lambda x, *a, k=1, **kw: x\ng = lambda: 0\nx = [i for i in y if i for j in i]\nd = {k: v for k, v in p}\n",
    );
    super::ok("f = lambda x: (yield x)\nx = (i for i in y)\nx = sum(i for i in y if i)\n");
    super::ok("def f():\n    yield 1\n    x = yield\n    y = yield from g()\n    yield a, b\n    z = (yield)\n");
    err_at("x = sum(i for i in y, 1)", "Generator expression must be parenthesized", 1, 9);
    err_at("x = f(1, i for i in y)", "Generator expression must be parenthesized", 1, 10);
    err_at("x = (a, i for i in y)", "did you forget parentheses around the comprehension target?", 1, 11);
    err_at("f = lambda (x): x", "expected a parameter name", 1, 12);
    err_at("x = [i for i in y", "'[' was never closed", 1, 5);

    super::ok("x = {1, 2}\ny = {1}\nz = {k for k in y if k}\nw = {1, 2,}\n");
    err_at("x = {1: 2, 3}", "expected ':' after dict key, found '}'", 1, 13);
    super::ok("x = {**d, 'k': 1, **e | f}\n");
    err_at("x = {**d for d in ds}", "dict unpacking cannot be used in dict comprehension", 1, 10);
    err_at("x = {**d: 1}", "expected ',' or '}' in dict, found ':'", 1, 9);
    super::ok("a, *b = c\nx = [*a, 1, *b]\ny = *a, b\nfor h, *t in z:\n    pass\n");
    err_at("a, *b, *c = d", "multiple starred expressions in assignment", 1, 8);
    err_at("x = yield", "'yield' outside function", 1, 5);
    err_at("class C:\n    yield 1", "'yield' outside function", 2, 5);
    err_at("def f():\n    await g()", "'await' is not supported", 2, 5);
}

#[test]
fn unsupported_statements() {
    err_at("del 1", "cannot delete literal", 1, 5);
    err_at("del f()", "cannot delete function call", 1, 5);
    super::ok("del x, y[0], z.a\ndel (p, q)");
    err_at("nonlocal x", "nonlocal declaration not allowed at module level", 1, 1);
    err_at("@dec\nx = 1", "expected 'def' or 'class' after the decorators", 2, 1);
    err_at("@dec x\ndef f():\n    pass", "expected end of line after the decorator", 1, 6);
    err_at("async def f():\n    pass", "'async' is not supported", 1, 1);
    err_at("match x:\n    case 1:\n        pass", "match statements are not supported", 1, 1);
    super::ok("import os.path\nfrom concurrent.futures import ThreadPoolExecutor\nimport a.b.c as d\n");
    err_at("import os.", "expected a module name after '.', found end of line", 1, 11);
    err_at("from . import x", "relative imports ('from . import x') are not supported", 1, 6);
    err_at("from m import *", "'from ... import *' is not supported; name what you import", 1, 15);
    err_at("from m import (a, b", "'(' was never closed", 1, 15);
    super::ok("import a, b as c\nfrom m import x, y as z\nfrom m import (p,\n    q,)\n");
    super::ok("with l as x:\n    pass\nwith m as (a, b):\n    pass\n");
    err_at("with l as f():\n    pass", "cannot assign to function call", 1, 11);
    super::ok("with a, b as c, d[0] as e[1]:\n    pass\n");
    super::ok("while a:\n    pass\nelse:\n    pass\nfor x in y:\n    break\nelse:\n    pass\n");
    err_at("x: int = 5", "variable annotations ('x: T') are not supported", 1, 2);
}

#[test]
fn function_definitions() {
    super::ok("def f():\n    def g():\n        nonlocal a\n        pass\n    return g\n");
    super::ok("def f():\n    class C:\n        pass\n    return C\n");
    err_at("class C(metaclass=M):\n    pass", "class keyword arguments (metaclass=...) are not supported", 1, 9);
    err_at("class C(A B):\n    pass", "expected ',' or ')' in the base classes", 1, 11);
    err_at("class C:\n    return 1", "'return' outside function", 2, 5);
    err_at("class C\n    pass", "expected ':' after the class name", 1, 8);
    super::ok("class C(B):\n    x = 1\n    def m(self):\n        return self.x\n    class D:\n        pass\n");
    super::ok("@a\n@b.c(1)\nclass C:\n    @staticmethod\n    def m():\n        pass\n");
    err_at("def f(a=1, b):\n    pass", "non-default argument follows default argument", 1, 12);
    err_at("def f(*):\n    pass", "named arguments must follow bare *", 1, 7);
    err_at("def f(*, **k):\n    pass", "named arguments must follow bare *", 1, 7);
    err_at("def f(**k, a):\n    pass", "arguments cannot follow var-keyword argument", 1, 12);
    err_at("def f(*a, *b):\n    pass", "* argument may appear only once", 1, 11);
    err_at("def f(a, *a):\n    pass", "duplicate argument 'a' in function definition", 1, 11);
    err_at("def f(a, /):\n    pass", "positional-only parameters ('/') are not supported", 1, 10);
    err_at("def f(a, a):\n    pass", "duplicate argument 'a' in function definition", 1, 10);
    err_at("def f(a b):\n    pass", "expected ',' or ')' in the parameter list, found name 'b'", 1, 9);
    err_at("def (a):\n    pass", "expected a function name after 'def', found '('", 1, 5);
    err_at(
        "def f():\npass",
        "expected an indented block after function definition on line 1, found keyword 'pass'",
        2,
        1,
    );
}

#[test]
fn call_arguments_in_pythons_order() {
    err_at("f(a=1, 2)", "positional argument follows keyword argument", 1, 8);
    err_at("f(**k, 2)", "positional argument follows keyword argument unpacking", 1, 8);
    err_at("f(**k, *a)", "iterable argument unpacking follows keyword argument unpacking", 1, 8);
    err_at("f(a=1, a=2)", "keyword argument repeated: a", 1, 8);
    err_at("*a = b", "starred assignment target must be in a list or tuple", 1, 1);
    // Legal orders, as in Python: keywords before a star, a star after positional ones.
    super::ok("f(a=1, *b)\nf(1, *b, 2, k=3, **d, j=4)\nf(*a, *b)");
}

#[test]
fn try_statements_as_cpython_checks_them() {
    err_at("try:\n    pass\nx = 1", "expected 'except' or 'finally' block", 3, 1);
    err_at("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass", "default 'except:' must be last", 3, 1);
    err_at("try:\n    pass\nexcept A, B:\n    pass", "multiple exception types must be parenthesized", 3, 8);
    err_at("try:\n    pass\nexcept* E:\n    pass", "'except*' (exception groups) is not supported", 3, 7);
    err_at("try:\n    pass\nelse:\n    pass", "expected 'except' or 'finally' block", 3, 1);
    err_at("except E:\n    pass", "'except' without a matching 'try' at the same indentation", 1, 1);
    err_at("try:\npass", "expected an indented block after 'try' statement on line 1, found keyword 'pass'", 2, 1);
    err_at("raise E from", "expected an expression", 1, 13);
    super::ok("try:\n    f()\nexcept (A, B) as e:\n    raise\nexcept C:\n    raise D('x') from e\nelse:\n    pass\nfinally:\n    g()");
    super::ok("try:\n    pass\nfinally:\n    pass\nraise");
}

#[test]
fn f_strings_as_cpython_checks_them() {
    err_at("x = f'{}'", "f-string: empty expression not allowed", 1, 5);
    err_at("x = f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 5);
    err_at("x = f'}'", "f-string: single '}' is not allowed", 1, 5);
    err_at("x = f'{x'", "f-string: expecting '}'", 1, 5);
    err_at("x = f'{x:{y:{z}}}'", "f-string: expressions nested too deeply", 1, 5);
    err_at("x = f'{a\\n}'", "f-string expression part cannot include a backslash", 1, 5);
    err_at("x = f'{a b}'", "f-string: expected ')' or ',', found name 'b'", 1, 5);
    err_at("x = bf'{a}'", "bytes literals are not supported", 1, 5);
    super::ok("x = f'{a!r:>{w}} {{}} {b=}' 'plain' f\"{c['k']}\"");
}

#[test]
fn context_errors() {
    err_at("break", "'break' outside loop", 1, 1);
    err_at("if x:\n    continue", "'continue' not properly in loop", 2, 5);
    err_at("return 1", "'return' outside function", 1, 1);
    err_at("while a:\n    def f():\n        break", "'break' outside loop", 3, 9);
    err_at("for a in b:\n    pass\nbreak", "'break' outside loop", 3, 1);
    // A def directly in a loop body is fine (not nested in a function).
    super::ok("while a:\n    def f():\n        return 1\n    break");
}

#[test]
fn invalid_targets() {
    err_at("f() = 1", "cannot assign to function call", 1, 1);
    super::ok("a.b = 1\nx, a.b = 1, 2\na.b += 1\nf().x = 3\n");
    err_at("1 = x", "cannot assign to literal", 1, 1);
    err_at("None = x", "cannot assign to None", 1, 1);
    err_at("a + b = c", "cannot assign to expression", 1, 1);
    err_at("x = a < b = c", "cannot assign to comparison", 1, 5);
    err_at("for f() in y:\n    pass", "cannot assign to function call", 1, 5);

    err_at("a, b += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1);
    err_at("[a] += 1", "'list' is an illegal expression for augmented assignment", 1, 1);
}

#[test]
fn expected_and_found() {
    err_at("if x\n    pass", "expected ':' after if condition, found end of line", 1, 5);
    err_at("while x y:\n    pass", "expected ':' after while condition, found name 'y'", 1, 9);
    err_at("for x y:\n    pass", "expected 'in' after the for loop's target, found name 'y'", 1, 7);
    err_at("x = 1 2", "expected end of line after statement, found integer literal 2", 1, 7);
    err_at("x = (1 2)", "expected ')' or ',', found integer literal 2", 1, 8);
    err_at("x = [1 2]", "expected ',' or ']' in list, found integer literal 2", 1, 8);
    err_at("x = {1: 2 3: 4}", "expected ',' or '}' in dict, found integer literal 3", 1, 11);
    err_at("f(1 2)", "expected ',' or ')' in call arguments, found integer literal 2", 1, 5);
    err_at("x = a if b", "expected 'else' in conditional expression, found end of line", 1, 11);
    err_at("x =", "expected an expression, found end of line", 1, 4);
    err_at("x = a +", "expected an expression, found end of line", 1, 8);
    err_at("x = a + not b", "expected an expression, found keyword 'not'", 1, 9);
    err_at("x = o.if", "expected an attribute name after '.', found keyword 'if'", 1, 7);
    err_at("x = y[]", "expected an expression, found ']'", 1, 7);
    err_at("else:\n    pass", "'else' without a matching 'if' at the same indentation", 1, 1);
    err_at("if a: if b: pass", "'if' statement must start on its own line", 1, 7);
    err_at("if a:\n    pass\n  elif b:\n    pass", "unindent does not match", 3, 3);
    err_at("x = 1;;", "expected an expression, found ';'", 1, 7);
    err_at("global 1", "expected a name after 'global', found integer literal 1", 1, 8);
    err_at("import", "expected a module name after 'import', found end of line", 1, 7);
    err_at("x = (", "'(' was never closed", 1, 5);
}

#[test]
fn parser_error_before_later_lexer_error() {
    // The earlier mistake is reported even though the tokenizer fails further on.
    err_at("x = = 1\ny = 1.5\n", "expected an expression, found '='", 1, 5);
    err_at("x = 1\ny = 2j\n", "complex literals", 2, 5);
}

#[test]
fn messages_name_what_was_found() {
    let e = err("if x = 1:\n    pass");
    assert_eq!(e.message, "expected ':' after if condition, found '='");
    assert_eq!(e.to_string(), e.message);
}

#[test]
fn null_bytes_are_refused_anywhere_as_in_cpython() {
    err_at("x = 'a\0b'\n", "source code cannot contain null bytes", 1, 7);
    err_at("x = 1\r\ny = 2\n# \0\n", "source code cannot contain null bytes", 3, 3);
    err_at("\0", "source code cannot contain null bytes", 1, 1);
}
