//! Formatting: `format()` and f-string fields (the spec language is in
//! `value_ops::format`), and printf-style `str % args`.

use super::Interp;
use crate::error::{type_error, ErrorKind, Exception};
use crate::platform::Platform;
use crate::value::{Value, V};

impl<P: Platform> Interp<'_, P> {
    /// `format(v, spec)`: ints, bools and strs by the format mini-language; anything else only
    /// with an empty spec (its `str`).
    pub(crate) fn format_value(&mut self, v: Value, spec: &str) -> Result<String, Exception> {
        use crate::value_ops::format::{format_int, format_str, no_spec, IntRef};
        match v.unpack() {
            V::Int(i) => format_int(i, spec),
            V::Float(f) => crate::value_ops::float::format_float(f, spec),
            V::Obj(_) if self.is_big_int(v) => {
                let n = self.int_value(v)?.unwrap_or_default();
                crate::value_ops::format::format_integer(IntRef::Big(&n), spec)
            }
            V::Bool(b) if spec.is_empty() => Ok(if b { "True" } else { "False" }.to_string()),
            V::Bool(b) => format_int(i64::from(b), spec),
            V::Obj(h) if self.shared.heap.kind(h)? == crate::heap::Kind::Str => format_str(&self.str_of(v)?, spec),
            _ if spec.is_empty() => self.str_of(v),
            _ => Err(no_spec(self.type_name(v)?)),
        }
    }

    /// An f-string field: `v` converted (`!s`, `!r`, `!a`), then formatted by `spec` (a str).
    pub(crate) fn format_field(&mut self, v: Value, conversion: u8, spec: Option<Value>) -> Result<String, Exception> {
        let spec = match spec {
            Some(s) => self.str_of(s)?,
            None => String::new(),
        };
        let converted = match conversion {
            b's' => Some(self.str_of(v)?),
            b'r' => Some(self.repr_of(v)?),
            b'a' => Some(crate::value_ops::ascii(&self.repr_of(v)?)),
            _ => None,
        };
        match converted {
            Some(text) => crate::value_ops::format::format_str(&text, &spec),
            None => self.format_value(v, &spec),
        }
    }
}

impl<P: Platform> Interp<'_, P> {
    /// `fmt % args`, printf-style formatting: `%[(key)][flags][width][.precision]type` with the
    /// flags `- + space 0 #`, `*` widths, the types `d i u o x X e E f F c s r a %`, a tuple of
    /// arguments, one argument, or a mapping for `%(key)s`, with CPython's messages.
    pub(crate) fn percent_format(&mut self, fmt: &str, args: Value) -> Result<Value, Exception> {
        use crate::value_ops::format::{format_int, format_str, IntRef};
        let heap = &self.shared.heap;
        let kind = match args.unpack() {
            V::Obj(h) => Some(heap.kind(h)?),
            _ => None,
        };
        let is_mapping = kind == Some(crate::heap::Kind::Dict);
        let items = if kind == Some(crate::heap::Kind::Tuple) { self.iterate(args)? } else { vec![args] };
        let mut next = 0usize;
        let chars: Vec<char> = fmt.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let mut take = |this: &Self| -> Result<Value, Exception> {
            let _ = this;
            let v = items.get(next).copied().ok_or_else(|| type_error("not enough arguments for format string"))?;
            next += 1;
            Ok(v)
        };
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            let incomplete = || value_error_of("incomplete format");
            let mut key_value = None;
            if chars.get(i) == Some(&'(') {
                let close = chars[i..].iter().position(|&c| c == ')').ok_or_else(incomplete)? + i;
                let key: String = chars[i + 1..close].iter().collect();
                i = close + 1;
                if !is_mapping {
                    return Err(type_error("format requires a mapping"));
                }
                let key = self.new_str(key.as_str())?;
                let V::Obj(dict) = args.unpack() else { unreachable!("a mapping is a dict") };
                let found = self.dict_lookup(dict, key)?;
                key_value = Some(
                    found.ok_or_else(|| Exception::new(ErrorKind::KeyError, self.repr_of(key).unwrap_or_default()))?,
                );
            }
            let mut flags = String::new();
            while let Some(&f @ ('-' | '+' | ' ' | '0' | '#')) = chars.get(i) {
                flags.push(f);
                i += 1;
            }
            let mut number = |i: &mut usize, this: &Self| -> Result<Option<i64>, Exception> {
                if chars.get(*i) == Some(&'*') {
                    *i += 1;
                    let v = take(this)?;
                    return match v.unpack() {
                        V::Int(n) => Ok(Some(n)),
                        _ => Err(type_error("* wants int")),
                    };
                }
                let s = *i;
                while chars.get(*i).is_some_and(char::is_ascii_digit) {
                    *i += 1;
                }
                Ok((s < *i).then(|| chars[s..*i].iter().collect::<String>().parse().unwrap_or(i64::MAX)))
            };
            let mut width = number(&mut i, self)?;
            let precision = if chars.get(i) == Some(&'.') {
                i += 1;
                Some(number(&mut i, self)?.unwrap_or(0))
            } else {
                None
            };
            let Some(&kind) = chars.get(i) else { return Err(incomplete()) };
            i += 1;
            if kind == '%' {
                out.push('%');
                continue;
            }
            if let Some(w) = width.filter(|&w| w < 0) {
                flags.push('-');
                width = Some(-w);
            }
            let v = match key_value {
                Some(v) => v,
                None => take(self)?,
            };
            let left = flags.contains('-');
            let mut spec = String::new();
            if left {
                spec.push('<');
            } else if !matches!(kind, 's' | 'r' | 'a' | 'c') && flags.contains('0') {
                spec.push('0');
            } else {
                spec.push('>');
            }
            let spec_sign = if flags.contains('+') {
                "+"
            } else if flags.contains(' ') {
                " "
            } else {
                ""
            };
            let width_text = width.map(|w| w.to_string()).unwrap_or_default();
            let text = match kind {
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let real = matches!(kind, 'd' | 'i' | 'u' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G');
                    enum Number {
                        Small(i64),
                        Big(num_bigint::BigInt),
                        Float(f64),
                    }
                    let n = match v.unpack() {
                        V::Int(n) => Number::Small(n),
                        V::Bool(b) => Number::Small(i64::from(b)),
                        V::Float(f) if real => Number::Float(f),
                        _ if self.is_big_int(v) => Number::Big(self.int_value(v)?.unwrap_or_default()),
                        _ => {
                            let what = if real {
                                format!("%{kind} format: a real number is required, not {}", self.type_name(v)?)
                            } else {
                                format!("%{kind} format: an integer is required, not {}", self.type_name(v)?)
                            };
                            return Err(type_error(what));
                        }
                    };
                    let t = match kind {
                        'i' | 'u' => 'd',
                        k => k,
                    };
                    let alt = if flags.contains('#') { "#" } else { "" };
                    let zero_or_align = if spec == "0" { "0".to_string() } else { spec.clone() };
                    let precision = match (t, precision) {
                        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Some(p)) => format!(".{p}"),
                        _ => String::new(),
                    };
                    let spec = if zero_or_align == "0" {
                        format!("{spec_sign}{alt}0{width_text}{precision}{t}")
                    } else {
                        format!("{zero_or_align}{spec_sign}{alt}{width_text}{precision}{t}")
                    };
                    let n = match n {
                        // `%d` of a float shows the int it truncates to.
                        Number::Float(f) if t == 'd' => {
                            let i = self.int_from_float(f)?;
                            match i.unpack() {
                                V::Int(i) => Number::Small(i),
                                _ => Number::Big(self.int_value(i)?.unwrap_or_default()),
                            }
                        }
                        n => n,
                    };
                    match n {
                        Number::Small(n) => format_int(n, &spec)?,
                        Number::Big(n) => crate::value_ops::format::format_integer(IntRef::Big(&n), &spec)?,
                        Number::Float(f) => crate::value_ops::float::format_float(f, &spec)?,
                    }
                }
                's' | 'r' | 'a' | 'c' => {
                    let text = match kind {
                        's' => self.str_of(v)?,
                        'r' => self.repr_of(v)?,
                        'a' => crate::value_ops::ascii(&self.repr_of(v)?),
                        _ => match v.unpack() {
                            V::Int(n) => {
                                u32::try_from(n).ok().and_then(char::from_u32).map(String::from).ok_or_else(|| {
                                    Exception::new(ErrorKind::OverflowError, "%c arg not in range(0x110000)")
                                })?
                            }
                            _ => match self.str_text(v)? {
                                Some(s) if s.chars().count() == 1 => s,
                                _ => return Err(type_error("%c requires int or char")),
                            },
                        },
                    };
                    let precision = precision.map(|p| format!(".{p}")).unwrap_or_default();
                    format_str(&text, &format!("{spec}{width_text}{precision}"))?
                }
                k => {
                    return Err(value_error_of(format!(
                        "unsupported format character '{k}' ({:#x}) at index {}",
                        k as u32,
                        i - 1
                    )))
                }
            };
            out.push_str(&text);
        }
        if !is_mapping && next < items.len() {
            return Err(type_error("not all arguments converted during string formatting"));
        }
        self.new_str(out)
    }
}

fn value_error_of(message: impl Into<String>) -> Exception {
    Exception::new(ErrorKind::ValueError, message)
}
