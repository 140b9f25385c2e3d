//! The methods of `str`: `split join strip lstrip rstrip replace find rfind index count
//! startswith endswith upper lower capitalize title swapcase isdigit isdecimal isalpha isalnum
//! isspace isupper islower isidentifier ljust rjust center zfill partition rpartition
//! removeprefix removesuffix splitlines format`, with CPython's results and messages. A str never
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
                | Method::Isalpha
                | Method::Isalnum
                | Method::Isspace
                | Method::Isupper
                | Method::Islower
                | Method::Isidentifier
                | Method::Isdecimal
                | Method::Ljust
                | Method::Rjust
                | Method::Center
                | Method::Zfill
                | Method::Partition
                | Method::Rpartition
                | Method::Rfind
                | Method::Removeprefix
                | Method::Removesuffix
                | Method::Capitalize
                | Method::Title
                | Method::Swapcase
                | Method::Splitlines
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
            Method::Isalpha
            | Method::Isalnum
            | Method::Isspace
            | Method::Isdecimal
            | Method::Isupper
            | Method::Islower
            | Method::Isidentifier => {
                arity(name, args, 0, 0)?;
                Ok(Value::bool(str_predicate(m, text)))
            }
            Method::Ljust | Method::Rjust | Method::Center => {
                arity(name, args, 1, 2)?;
                let width = self.width_arg(args[0])?;
                let fill = match args.get(1) {
                    None => ' ',
                    Some(&v) => {
                        let fill = self.str_text(v)?;
                        let mut chars = fill.as_deref().unwrap_or("").chars();
                        match (chars.next(), chars.next(), fill.is_some()) {
                            (Some(c), None, _) => c,
                            (_, _, true) => {
                                return Err(type_error("The fill character must be exactly one character long"))
                            }
                            _ => {
                                return Err(type_error(format!(
                                    "The fill character must be a unicode character, not {}",
                                    self.type_name(v)?
                                )))
                            }
                        }
                    }
                };
                self.new_str(pad(text, m, width, fill))
            }
            Method::Zfill => {
                arity(name, args, 1, 1)?;
                let width = self.width_arg(args[0])?;
                self.new_str(zfill(text, width))
            }
            Method::Partition | Method::Rpartition => {
                arity(name, args, 1, 1)?;
                let sep = self.str_arg(args[0], name, "argument")?;
                if sep.is_empty() {
                    return Err(value_error("empty separator"));
                }
                let found = if m == Method::Partition { text.find(&sep) } else { text.rfind(&sep) };
                let parts = match found {
                    Some(at) => [&text[..at], sep.as_str(), &text[at + sep.len()..]],
                    None if m == Method::Partition => [text, "", ""],
                    None => ["", "", text],
                };
                let mut items = Vec::with_capacity(3);
                for part in parts {
                    items.push(self.new_str(part)?);
                }
                self.new_tuple(items)
            }
            Method::Rfind => {
                arity(name, args, 1, 1)?;
                let needle = self.str_arg(args[0], name, "argument")?;
                Ok(Value::int(text.rfind(&needle).map_or(-1, |at| text[..at].chars().count() as i64)))
            }
            Method::Removeprefix | Method::Removesuffix => {
                arity(name, args, 1, 1)?;
                let affix = self.str_arg(args[0], name, "argument")?;
                let out = match m {
                    Method::Removeprefix => text.strip_prefix(affix.as_str()),
                    _ => text.strip_suffix(affix.as_str()),
                };
                self.new_str(out.unwrap_or(text))
            }
            Method::Capitalize | Method::Title | Method::Swapcase => {
                arity(name, args, 0, 0)?;
                self.new_str(recase(m, text))
            }
            Method::Splitlines => {
                arity(name, args, 0, 1)?;
                let keepends = match args.first() {
                    Some(&v) => self.truthy(v)?,
                    None => false,
                };
                let mut items = Vec::new();
                for line in split_lines(text, keepends) {
                    items.push(self.new_str(line)?);
                }
                self.new_list(items)
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

impl<P: Platform> Interp<'_, P> {
    /// A width argument (`ljust`, `zfill`): an int; a negative one pads nothing.
    fn width_arg(&self, v: Value) -> Result<usize, Exception> {
        match v.unpack() {
            V::Int(n) => Ok(n.max(0) as usize),
            V::Bool(b) => Ok(usize::from(b)),
            _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(v)?))),
        }
    }
}

/// Python's whitespace: Unicode's, and the four separators (U+001C..U+001F) it adds.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `isalpha` and the other predicates: false for the empty string (but `isupper`/`islower` need
/// a cased character, and `isidentifier` a start character).
fn str_predicate(m: Method, text: &str) -> bool {
    let mut chars = text.chars();
    match m {
        Method::Isalpha => !text.is_empty() && chars.all(char::is_alphabetic),
        Method::Isalnum => !text.is_empty() && chars.all(char::is_alphanumeric),
        Method::Isspace => !text.is_empty() && chars.all(is_python_space),
        Method::Isdecimal => !text.is_empty() && chars.all(|c| crate::unicode::decimal_value(c).is_some()),
        Method::Isupper => text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase),
        Method::Islower => text.chars().any(char::is_lowercase) && !text.chars().any(char::is_uppercase),
        _ => {
            chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                && chars.all(|c| c == '_' || c.is_alphanumeric())
        }
    }
}

/// `ljust`, `rjust` and `center` to `width` characters with `fill` (CPython's split of an odd
/// margin for `center`: the extra character goes left when the width is odd).
fn pad(text: &str, m: Method, width: usize, fill: char) -> String {
    let len = text.chars().count();
    if width <= len {
        return text.to_string();
    }
    let margin = width - len;
    let left = match m {
        Method::Ljust => 0,
        Method::Rjust => margin,
        _ => margin / 2 + (margin & width & 1),
    };
    let mut out = String::with_capacity(text.len() + margin);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, margin - left));
    out
}

/// `zfill`: zeros after a leading sign, up to `width` characters.
fn zfill(text: &str, width: usize) -> String {
    let len = text.chars().count();
    if width <= len {
        return text.to_string();
    }
    let (sign, digits) = match text.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &text[1..]),
        _ => (None, text),
    };
    let mut out = String::with_capacity(width);
    out.extend(sign);
    out.extend(std::iter::repeat_n('0', width - len));
    out.push_str(digits);
    out
}

/// `capitalize` (the first character title-cased, the rest lowered), `title` (a cased character
/// after an uncased one starts a word) and `swapcase`.
fn recase(m: Method, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_cased = false;
    for (i, c) in text.chars().enumerate() {
        let upper = match m {
            Method::Capitalize => i == 0,
            Method::Title => !previous_cased,
            _ => c.is_lowercase(),
        };
        if upper && m != Method::Swapcase {
            push_titlecase(&mut out, c);
        } else if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        previous_cased = c.is_uppercase() || c.is_lowercase();
    }
    out
}

/// `c` title-cased: the digraphs have title forms of their own (`ǆ` -> `ǅ`); otherwise the
/// first character of its upper case, then the rest lowered (`ß` -> `Ss`), as Unicode's special
/// casing gives.
fn push_titlecase(out: &mut String, c: char) {
    let titled = match c {
        '\u{1c4}'..='\u{1c6}' => Some('\u{1c5}'),
        '\u{1c7}'..='\u{1c9}' => Some('\u{1c8}'),
        '\u{1ca}'..='\u{1cc}' => Some('\u{1cb}'),
        '\u{1f1}'..='\u{1f3}' => Some('\u{1f2}'),
        _ => None,
    };
    if let Some(t) = titled {
        out.push(t);
        return;
    }
    let mut upper = c.to_uppercase();
    out.extend(upper.next());
    for rest in upper {
        out.extend(rest.to_lowercase());
    }
}

/// `splitlines`: at `\n`, `\r`, `\r\n`, `\v`, `\f`, U+001C..U+001E, U+0085, U+2028 and U+2029.
fn split_lines(text: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let mut end = at + c.len_utf8();
        match c {
            '\r' if matches!(chars.peek(), Some((_, '\n'))) => {
                chars.next();
                end += 1;
            }
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {}
            _ => continue,
        }
        lines.push(if keepends { &text[start..end] } else { &text[start..at] });
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}
