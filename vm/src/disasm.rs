//! A human-readable listing of compiled bytecode (`emlab run --disassemble`).

use crate::bytecode::{Code, Const, Op, Program};
use std::fmt::Write;

/// The listing of every function of `program`, module body first.
pub fn disassemble(program: &Program) -> String {
    let mut out = String::new();
    for code in &program.codes {
        disassemble_code(program, code, &mut out);
        out.push('\n');
    }
    out
}

/// Lists one function: offset, source line (when it changes), instruction and resolved operands.
pub(crate) fn disassemble_code(program: &Program, code: &Code, out: &mut String) {
    let _ = writeln!(out, "== {} ({} params, locals: {}) ==", code.qualname, code.params, code.local_names.join(", "));
    let mut last_line = 0;
    for (offset, (op, &line)) in code.ops.iter().zip(&code.lines).enumerate() {
        let line_col = if line != last_line { format!("{line:4}") } else { "   |".to_string() };
        last_line = line;
        let _ = writeln!(out, "{offset:04} {line_col}  {}", describe(program, code, op));
    }
}

fn describe(program: &Program, code: &Code, op: &Op) -> String {
    match *op {
        Op::LoadConst { index } => match &program.consts[index as usize] {
            Const::Int(i) => format!("LoadConst {index} ({i})"),
            Const::BigInt(digits) => format!("LoadConst {index} ({digits})"),
            Const::Float(bits) => {
                format!("LoadConst {index} ({})", crate::value_ops::float_repr(f64::from_bits(*bits)))
            }
            Const::Str(s) => format!("LoadConst {index} ({})", crate::value_ops::repr_str(s)),
        },
        Op::LoadLocal { slot } => format!("LoadLocal {slot} ({})", code.local_names[slot as usize]),
        Op::StoreLocal { slot } => format!("StoreLocal {slot} ({})", code.local_names[slot as usize]),
        Op::LoadGlobal { global } => format!("LoadGlobal {global} ({})", program.globals[global as usize]),
        Op::StoreGlobal { global } => format!("StoreGlobal {global} ({})", program.globals[global as usize]),
        Op::LoadFunc { func } => format!("LoadFunc {} ({})", func.0, program.code(func).name),
        Op::LoadClassLocal { slot, global } => {
            format!("LoadClassLocal {slot} ({}) or global {global}", code.local_names[slot as usize])
        }
        Op::GetAttr { name } => format!("GetAttr ({})", program.names[name as usize]),
        Op::SetAttr { name, .. } => format!("SetAttr ({})", program.names[name as usize]),
        Op::BuildClass { name, bases } => format!("BuildClass ({}) bases={bases}", program.names[name as usize]),
        Op::CheckMethod { name } => format!("CheckMethod ({})", program.names[name as usize]),
        Op::CallMethod { name, argc } => format!("CallMethod ({}) argc={argc}", program.names[name as usize]),
        Op::CallKw { argc, names } => format!("CallKw argc={argc} {:?}", program.keyword_names[names as usize]),
        Op::CallMethodKw { name, argc, names } => format!(
            "CallMethodKw ({}) argc={argc} {:?}",
            program.names[name as usize],
            program.keyword_names[usize::from(names)]
        ),
        Op::CallMethodEx { name } => format!("CallMethodEx ({})", program.names[name as usize]),
        Op::MakeFunction { func, count } => {
            format!("MakeFunction {} ({}) defaults={count}", func.0, program.code(func).name)
        }
        Op::Import { name } => format!("Import ({})", program.names[name as usize]),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_resolved_names_and_lines() {
        let program = crate::compile_source("x = 1\ndef f(a):\n    return a + x\nprint(f(2))\n", "t.py").unwrap();
        let text = super::disassemble(&program);
        assert!(text.contains("== <module>"), "{text}");
        assert!(text.contains("StoreGlobal 0 (x)"), "{text}");
        assert!(text.contains("LoadLocal 0 (a)"), "{text}");
        assert!(text.contains("== f (1 params, locals: a) =="), "{text}");
    }
}
