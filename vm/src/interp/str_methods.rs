//! The methods of `str`: `split join strip lstrip rstrip replace find index count startswith
//! endswith upper lower isdigit format`, with CPython's results and messages. A str never
//! changes, so each reads its receiver once and touches nothing shared but its arguments.

use super::calls::arity;
use super::Interp;
use crate::builtins::Method;
use crate::error::{type_error, value_error, ErrorKind, Exception};
use crate::heap::Kind;
use crate::platform::Platform;
use crate::value::{Value, V};

impl<P: Platform> Interp<'_, P> {
    /// Whether `m` is a method of `str`.
    pub(crate) fn is_str_method(m: Method) -> bool {
        matches!(
            m,
            Method::Split
                | Method::Join
                | Method::Strip
                | Method::Lstrip
                | Method::Rstrip
                | Method::Replace
                | Method::Find
                | Method::Index
                | Method::Count
                | Method::Startswith
                | Method::Endswith
                | Method::Upper
                | Method::Lower
                | Method::Isdigit
                | Method::Format
        )
    }

    /// A str argument's text, or CPython's TypeError naming the method and what it got.
    fn str_arg(&self, v: Value, method: &str, what: &str) -> Result<String, Exception> {
        self.str_text(v)?.ok_or_else(|| {
            let type_name = self.type_name(v).unwrap_or("object");
            type_error(format!("{method}() {what} must be str, not {type_name}"))
        })
    }

    /// `text.name(args..., keywords...)`.
    pub(crate) fn str_method(
        &mut self,
        text: &str,
        m: Method,
        name: &str,
        args: &[Value],
        keywords: &[(String, Value)],
    ) -> Result<Value, Exception> {
        if !keywords.is_empty() && !matches!(m, Method::Format | Method::Split) {
            return Err(type_error(format!("str.{name}() takes no keyword arguments")));
        }
        match m {
            Method::Split => {
                let mut sep = args.first().copied();
                let mut maxsplit = args.get(1).copied();
                for (k, v) in keywords {
                    match k.as_str() {
                        "sep" => sep = Some(*v),
                        "maxsplit" => maxsplit = Some(*v),
                        _ => return Err(type_error(format!("split() got an unexpected keyword argument '{k}'"))),
                    }
                }
                arity("split", args, 0, 2)?;
                let limit = match maxsplit.map(|v| v.unpack()) {
                    None => -1,
                    Some(V::Int(n)) => n,
                    Some(_) => return Err(type_error("'str' object cannot be interpreted as an integer")),
                };
                let pieces: Vec<String> = match sep.filter(|&s| s != Value::NONE) {
                    None => split_whitespace(text, limit),
                    Some(s) => {
                        let sep = self.str_arg(s, "split", "argument 1")?;
                        if sep.is_empty() {
                            return Err(value_error("empty separator"));
                        }
                        if limit < 0 {
                            text.split(sep.as_str()).map(str::to_string).collect()
                        } else {
                            text.splitn(limit as usize + 1, sep.as_str()).map(str::to_string).collect()
                        }
                    }
                };
                let mut items = Vec::with_capacity(pieces.len());
                for p in pieces {
                    items.push(self.new_str(p)?);
                }
                self.new_list(items)
            }
            Method::Join => {
                arity("join", args, 1, 1)?;
                let items = self.iterate(args[0])?;
                let mut out = String::new();
                for (i, &item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(text);
                    }
                    match self.str_text(item)? {
                        Some(s) => out.push_str(&s),
                        None => {
                            return Err(type_error(format!(
                                "sequence item {i}: expected str instance, {} found",
                                self.type_name(item)?
                            )))
                        }
                    }
                }
                self.new_str(out)
            }
            Method::Strip | Method::Lstrip | Method::Rstrip => {
                arity(name, args, 0, 1)?;
                let chars: Option<Vec<char>> = match args.first().filter(|&&v| v != Value::NONE) {
                    Some(&v) => Some(self.str_arg(v, name, "arg")?.chars().collect()),
                    None => None,
                };
                let strip = |c: char| match &chars {
                    Some(set) => set.contains(&c),
                    None => c.is_whitespace(),
                };
                let out = match m {
                    Method::Strip => text.trim_matches(strip),
                    Method::Lstrip => text.trim_start_matches(strip),
                    _ => text.trim_end_matches(strip),
                };
                self.new_str(out)
            }
            Method::Replace => {
                arity("replace", args, 2, 3)?;
                let old = self.str_arg(args[0], "replace", "argument 1")?;
                let new = self.str_arg(args[1], "replace", "argument 2")?;
                let count = match args.get(2).map(|v| v.unpack()) {
                    None => -1,
                    Some(V::Int(n)) => n,
                    Some(_) => return Err(type_error("'str' object cannot be interpreted as an integer")),
                };
                let out = if count < 0 { text.replace(&old, &new) } else { text.replacen(&old, &new, count as usize) };
                self.new_str(out)
            }
            Method::Find | Method::Index | Method::Count | Method::Startswith | Method::Endswith => {
                arity(name, args, 1, 1)?;
                let needle = match m {
                    Method::Startswith | Method::Endswith => match self.str_text(args[0])? {
                        Some(s) => vec![s],
                        None => self.str_tuple(args[0], name)?,
                    },
                    _ => vec![self.str_arg(args[0], name, "argument")?],
                };
                Ok(match m {
                    Method::Startswith => Value::bool(needle.iter().any(|n| text.starts_with(n.as_str()))),
                    Method::Endswith => Value::bool(needle.iter().any(|n| text.ends_with(n.as_str()))),
                    Method::Count if needle[0].is_empty() => Value::int(text.chars().count() as i64 + 1),
                    Method::Count => Value::int(text.matches(needle[0].as_str()).count() as i64),
                    _ => match text.find(needle[0].as_str()) {
                        Some(at) => Value::int(text[..at].chars().count() as i64),
                        None if m == Method::Find => Value::int(-1),
                        None => return Err(value_error("substring not found")),
                    },
                })
            }
            Method::Upper | Method::Lower => {
                arity(name, args, 0, 0)?;
                self.new_str(if m == Method::Upper { text.to_uppercase() } else { text.to_lowercase() })
            }
            Method::Isdigit => {
                arity(name, args, 0, 0)?;
                let digits = !text.is_empty() && text.chars().all(|c| crate::unicode::decimal_value(c).is_some());
                Ok(Value::bool(digits))
            }
            Method::Format => {
                let out = self.str_format(text, args, keywords)?;
                self.new_str(out)
            }
            _ => Err(Exception::new(ErrorKind::AttributeError, format!("'str' object has no attribute '{name}'"))),
        }
    }

    /// A tuple of strs (`startswith(("a", "b"))`).
    fn str_tuple(&mut self, v: Value, name: &str) -> Result<Vec<String>, Exception> {
        let bad = |this: &Self| {
            type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                this.type_name(v).unwrap_or("object")
            ))
        };
        match v.unpack() {
            V::Obj(h) if self.shared.heap.kind(h)? == Kind::Tuple => {
                let mut out = Vec::new();
                for item in self.iterate(v)? {
                    out.push(self.str_text(item)?.ok_or_else(|| bad(self))?);
                }
                Ok(out)
            }
            _ => Err(bad(self)),
        }
    }

    /// `text.format(*args, **kwargs)`: `{}` (numbered in order), `{0}`, `{name}`, `{0[1]}`,
    /// `{name[key]}`, conversions and format specs (nested fields too), `{{` and `}}`.
    fn str_format(&mut self, text: &str, args: &[Value], keywords: &[(String, Value)]) -> Result<String, Exception> {
        let (mut auto, mut manual) = (0usize, false);
        self.str_format_numbered(text, args, keywords, &mut auto, &mut manual)
    }

    /// [`Self::str_format`] with the numbering of `{}` fields carried into nested specs.
    fn str_format_numbered(
        &mut self,
        text: &str,
        args: &[Value],
        keywords: &[(String, Value)],
        auto: &mut usize,
        manual: &mut bool,
    ) -> Result<String, Exception> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match c {
                '{' if chars.get(i + 1) == Some(&'{') => {
                    out.push('{');
                    i += 2;
                }
                '}' if chars.get(i + 1) == Some(&'}') => {
                    out.push('}');
                    i += 2;
                }
                '}' => return Err(value_error("Single '}' encountered in format string")),
                '{' => {
                    let close =
                        matching_brace(&chars, i).ok_or_else(|| value_error("expected '}' before end of string"))?;
                    let field: String = chars[i + 1..close].iter().collect();
                    i = close + 1;
                    let (head, spec) = match field.find(':') {
                        Some(at) => (&field[..at], &field[at + 1..]),
                        None => (field.as_str(), ""),
                    };
                    let (reference, conversion) = match head.find('!') {
                        Some(at) => (&head[..at], head[at + 1..].chars().next()),
                        None => (head, None),
                    };
                    let conversion = match conversion {
                        None => 0,
                        Some(c @ ('r' | 's' | 'a')) => c as u8,
                        Some(_) => return Err(value_error("Unknown conversion specifier")),
                    };
                    let value = self.format_reference(reference, args, keywords, auto, manual)?;
                    // A spec may hold fields of its own: `{:{width}}`, numbered after this one.
                    let spec = if spec.contains('{') {
                        self.str_format_numbered(spec, args, keywords, auto, manual)?
                    } else {
                        spec.to_string()
                    };
                    let spec_value = self.new_str(spec)?;
                    out.push_str(&self.format_field(value, conversion, Some(spec_value))?);
                }
                _ => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        Ok(out)
    }

    /// The value a replacement field names: an argument by position (or the next one), by
    /// keyword, then `[index]` lookups.
    fn format_reference(
        &mut self,
        reference: &str,
        args: &[Value],
        keywords: &[(String, Value)],
        auto: &mut usize,
        manual: &mut bool,
    ) -> Result<Value, Exception> {
        let (base, rest) = match reference.find(['[', '.']) {
            Some(at) => (&reference[..at], &reference[at..]),
            None => (reference, ""),
        };
        let mut value = if base.is_empty() {
            if *manual {
                return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
            }
            *auto += 1;
            *args.get(*auto - 1).ok_or_else(|| {
                Exception::new(
                    ErrorKind::IndexError,
                    format!("Replacement index {} out of range for positional args tuple", *auto - 1),
                )
            })?
        } else if let Ok(n) = base.parse::<usize>() {
            if *auto > 0 {
                return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
            }
            *manual = true;
            *args.get(n).ok_or_else(|| {
                Exception::new(
                    ErrorKind::IndexError,
                    format!("Replacement index {n} out of range for positional args tuple"),
                )
            })?
        } else {
            keywords
                .iter()
                .find(|(k, _)| k == base)
                .map(|(_, v)| *v)
                .ok_or_else(|| Exception::new(ErrorKind::KeyError, format!("'{base}'")))?
        };
        let mut rest = rest;
        while let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']').ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key = &after[..close];
            rest = &after[close + 1..];
            let index = match key.parse::<i64>() {
                Ok(n) => Value::int(n),
                Err(_) => self.new_str(key)?,
            };
            value = self.get_item(value, index)?;
        }
        if rest.starts_with('.') {
            return Err(type_error("attribute lookups in format fields ('{0.name}') are not supported"));
        }
        Ok(value)
    }
}

/// The `}` that closes the field opened at `open`, counting nested `{}` in its spec.
fn matching_brace(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// `str.split()` without a separator: runs of whitespace, at most `limit` splits (< 0: all).
fn split_whitespace(text: &str, limit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        if limit >= 0 && out.len() as i64 == limit {
            out.push(rest.to_string());
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        rest = rest[end..].trim_start();
    }
    out
}
