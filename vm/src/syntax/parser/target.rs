//! Turning a parsed expression into an assignment target.

use crate::ast::{Expr, ExprKind, Target};
use crate::syntax::SyntaxError;

/// Converts the left-hand side of `=` (or a `for` variable) into a [`Target`]:
/// a name, a subscript, or a tuple (or list) of targets; anything else is an error
/// "cannot assign to ...". The recursion is bounded by the parser's height limit.
pub(super) fn to_target(e: Expr) -> Result<Target, SyntaxError> {
    let span = e.span;
    match e.kind {
        ExprKind::Name(name) => Ok(Target::Name { name, span }),
        ExprKind::Subscript { obj, index } => Ok(Target::Subscript { obj: *obj, index: *index, span }),
        ExprKind::Attribute { obj, name } => Ok(Target::Attribute { obj: *obj, name, span }),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let mut targets = Vec::with_capacity(items.len());
            let mut starred = false;
            for item in items {
                if let ExprKind::Starred(inner) = item.kind {
                    if starred {
                        return Err(SyntaxError {
                            message: "multiple starred expressions in assignment".into(),
                            span: item.span,
                        });
                    }
                    starred = true;
                    targets.push(Target::Starred { target: Box::new(to_target(*inner)?), span: item.span });
                } else {
                    targets.push(to_target(item)?);
                }
            }
            Ok(Target::Tuple { items: targets, span })
        }
        ExprKind::Starred(_) => {
            Err(SyntaxError { message: "starred assignment target must be in a list or tuple".into(), span })
        }
        other => Err(SyntaxError { message: format!("cannot assign to {}", what(&other)), span }),
    }
}

/// What an expression that cannot be assigned to is, for "cannot assign to ...".
fn what(kind: &ExprKind) -> String {
    match kind {
        ExprKind::Int(_) | ExprKind::BigInt(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal".into(),
        ExprKind::True => "True".into(),
        ExprKind::False => "False".into(),
        ExprKind::None => "None".into(),
        ExprKind::Dict(_) => "dict literal".into(),
        ExprKind::Call { .. } => "function call".into(),
        ExprKind::Compare { .. } | ExprKind::CompareChain { .. } => "comparison".into(),
        ExprKind::IfExp { .. } => "conditional expression".into(),
        _ => "expression".into(),
    }
}
