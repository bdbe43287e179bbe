//! Syntax and type errors explained from the text around them: what RON found where it
//! stopped, and the likely slip (a missing comma or closing quote, a decimal point in a count, a
//! unit after a number, a thousands separator). [`explain`] refines the plain rewording of
//! `io::plain_ron_message`: it names what was found, moves the position to the offending text
//! and completes the field path where the text shows it.

use super::io::blank_comments_and_strings;
use crate::text::shorten;
use dakhla_i18n::tr;

/// A parse error as the planner sees it.
pub(crate) struct Explained {
    /// What is wrong and what is allowed.
    pub message: String,
    /// 1-based line and column of the offending text.
    pub position: (usize, usize),
    /// Field path such as `wind_farms[0].turbine_count`.
    pub path: String,
}

/// Explain `code`, which RON reported at `position` (1-based line and column, in characters) of
/// `text` while reading the field at `path`; `plain` is the context-free rewording.
pub(crate) fn explain(
    text: &str,
    code: &ron::Error,
    position: (usize, usize),
    path: String,
    plain: String,
) -> Explained {
    use ron::Error as E;
    let code_text = blank_comments_and_strings(text);
    let at = offset_of(text, position);
    let keep = |message: String| Explained {
        message,
        position,
        path: path.clone(),
    };
    let Some(found) = token_at(text, &code_text, at) else {
        return keep(plain);
    };
    // The same error, pointed at the offending text.
    let here = |message: String| Explained {
        message,
        position: line_col(text, found.start),
        path: path.clone(),
    };
    let got = if matches!(found.text, "," | ")" | "]") {
        tr!("core-got-nothing-before", token = found.text)
    } else {
        shorten(found.text)
    };
    // A number or true/false written in double quotes.
    let quoted = found
        .text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|t| t.trim().parse::<f64>().is_ok() || matches!(*t, "true" | "false"));
    match code {
        E::ExpectedFloat | E::ExpectedInteger | E::ExpectedBoolean if quoted.is_some() => {
            let id = match code {
                E::ExpectedBoolean => "core-quoted-bool",
                E::ExpectedInteger => "core-quoted-integer",
                _ => "core-quoted-number",
            };
            here(tr!(id, got = got))
        }
        E::ExpectedFloat
        | E::ExpectedInteger
        | E::ExpectedString
        | E::ExpectedBoolean
        | E::ExpectedOption => here(tr!("core-plain-got", message = plain, got = got)),
        E::TrailingCharacters => here(plain),
        E::IntegerOutOfBounds if found.text.starts_with('-') => {
            here(tr!("core-negative-integer", got = got))
        }
        E::IntegerOutOfBounds => here(tr!("core-integer-too-large", got = got)),
        E::ExpectedIdentifier if is_quoted_name(found.text) => here(tr!(
            "core-quoted-name",
            name = found.text.trim_matches('"'),
            got = got
        )),
        E::ExpectedIdentifier => here(tr!("core-expected-name-got", got = got)),
        E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
            let digits = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
            if !digits(found.text) {
                return here(tr!("core-expected-field-name", got = got));
            }
            // `1,600.0` or `1600,5`: the number before the comma was read as the value.
            let before = code_text[..found.start].trim_end();
            if let Some(head) = before.strip_suffix(',') {
                let head = head.trim_end();
                let number = value_start(&code_text, head.len());
                if digits(&code_text[number..head.len()]) {
                    let written = &text[number..found.start + found.text.len()];
                    return Explained {
                        message: tr!("core-thousands-separator", written = shorten(written)),
                        position: line_col(text, number),
                        path: join_field(&path, key_before(&code_text, number)),
                    };
                }
            }
            here(tr!("core-expected-field-name-number", got = got))
        }
        E::ExpectedComma => expected_comma(text, &code_text, &found, &path),
        E::NoSuchStructField { found: name, .. }
            if path.contains('.') && scenario_fields().contains(&name.as_str()) =>
        {
            let parent = path.rsplit_once('.').map_or("", |(p, _)| p);
            keep(tr!(
                "core-scenario-field-inside",
                name = name.as_str(),
                parent = parent
            ))
        }
        E::ExpectedStructLikeEnd
        | E::ExpectedOptionEnd
        | E::ExpectedArrayEnd
        | E::ExpectedArray => here(tr!("core-plain-got", message = plain, got = got)),
        _ => keep(plain),
    }
}

/// "Expected a comma": the value before is malformed, a string is not closed, a comma or a
/// unit is in the way.
fn expected_comma(text: &str, code_text: &str, found: &Token, path: &str) -> Explained {
    let with_field = |field: Option<&str>| join_field(path, field);
    let before = code_text[..found.start].trim_end();
    // A text in double quotes whose closing quote is missing swallows the lines after it up
    // to the next quote; RON then stops right after that quote.
    if before.ends_with('"')
        && let Some(open) = opening_quote(code_text, before.len() - 1)
        && text[open..before.len()].contains('\n')
    {
        return Explained {
            message: tr!(
                "core-string-runs-on",
                line = line_col(text, before.len() - 1).0.to_string()
            ),
            position: line_col(text, open),
            path: with_field(key_before(code_text, open)),
        };
    }
    // The token began before where RON stopped: the value itself is malformed (`66.5` for a
    // count, `6OO` for 600).
    let starts_number = found
        .text
        .trim_start_matches(['-', '+'])
        .starts_with(|c: char| c.is_ascii_digit());
    if found.extended && starts_number {
        let is_decimal = found
            .text
            .trim_start_matches(['-', '+'])
            .split_once('.')
            .is_some_and(|(a, b)| {
                a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit())
            });
        let message = if is_decimal {
            tr!("core-decimal-for-integer", got = shorten(found.text))
        } else {
            tr!("core-not-a-number", got = shorten(found.text))
        };
        return Explained {
            message,
            position: line_col(text, found.start),
            path: with_field(key_before(code_text, found.start)),
        };
    }
    let is_name = found
        .text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_');
    let colon_follows = code_text[found.start + found.text.len()..]
        .trim_start()
        .starts_with(':');
    if is_name && colon_follows && !before.is_empty() {
        // The comma belongs after the previous value.
        return Explained {
            message: tr!("core-comma-missing-before", name = found.text),
            position: line_col(text, before.len()),
            path: with_field(key_before(code_text, value_start(code_text, before.len()))),
        };
    }
    let previous = value_start(code_text, before.len());
    let after_number = code_text[previous..before.len()]
        .trim_start_matches(['-', '+'])
        .starts_with(|c: char| c.is_ascii_digit());
    if is_name && after_number {
        return Explained {
            message: tr!("core-unit-after-number", got = shorten(found.text)),
            position: line_col(text, found.start),
            path: with_field(key_before(code_text, previous)),
        };
    }
    Explained {
        message: tr!("core-expected-comma-got", got = shorten(found.text)),
        position: line_col(text, found.start),
        path: path.to_owned(),
    }
}

/// `path` completed with the field name read from the text, unless it already ends with it.
fn join_field(path: &str, field: Option<&str>) -> String {
    match field {
        Some(f) if path != f && !path.ends_with(&format!(".{f}")) => {
            if path.is_empty() {
                f.to_owned()
            } else {
                format!("{path}.{f}")
            }
        }
        _ => path.to_owned(),
    }
}

/// A token of the text: a string in double quotes, or a run of characters that can make up a
/// number or a name, or one other character.
struct Token<'a> {
    /// Byte offset of its start.
    start: usize,
    text: &'a str,
    /// It started before the offset asked for (RON stopped inside it).
    extended: bool,
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '+')
}

/// The token at byte `at` of `text`, after any blanks and comments (`code_text` is `text` with
/// comments and strings blanked); `None` at the end of the text.
fn token_at<'a>(text: &'a str, code_text: &str, at: usize) -> Option<Token<'a>> {
    let skipped = code_text.get(at..)?;
    let mut start = at + (skipped.len() - skipped.trim_start().len());
    let rest = text.get(start..)?;
    let first = rest.chars().next()?;
    if first == '"' {
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let end = rest[1..line_end].find('"').map_or(line_end, |q| q + 2);
        return Some(Token {
            start,
            text: &rest[..end],
            extended: false,
        });
    }
    if !is_token_char(first) {
        return Some(Token {
            start,
            text: &rest[..first.len_utf8()],
            extended: false,
        });
    }
    let head = &text[..start];
    let back = head.len() - head.trim_end_matches(is_token_char).len();
    let extended = back > 0 && start == at;
    start -= back;
    let rest = &text[start..];
    let end = rest.find(|c: char| !is_token_char(c)).unwrap_or(rest.len());
    Some(Token {
        start,
        text: &rest[..end],
        extended,
    })
}

/// A name in double quotes, such as `"GasTurbine"`.
fn is_quoted_name(token: &str) -> bool {
    token
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

/// The field name written before the value starting at byte `value` (`name: value`).
fn key_before(code_text: &str, value: usize) -> Option<&str> {
    let head = code_text.get(..value)?.trim_end().strip_suffix(':')?;
    let head = head.trim_end();
    let name_start = head.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let name = &head[name_start.len()..];
    (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())).then_some(name)
}

/// Start of the simple value (number, name, string) ending at byte `end` of `code_text`.
fn value_start(code_text: &str, end: usize) -> usize {
    let head = &code_text[..end];
    if head.ends_with('"') {
        return opening_quote(code_text, end - 1).unwrap_or(end);
    }
    head.trim_end_matches(is_token_char).len()
}

/// Byte offset of the quote opening the string whose closing quote is at `close` (in the blanked
/// text quotes alternate, opening then closing).
fn opening_quote(code_text: &str, close: usize) -> Option<usize> {
    let quotes: Vec<usize> = code_text[..=close]
        .match_indices('"')
        .map(|(i, _)| i)
        .collect();
    quotes
        .len()
        .is_multiple_of(2)
        .then(|| quotes.len().checked_sub(2).map(|k| quotes[k]))
        .flatten()
}

/// Byte offset of a 1-based (line, column in characters) position, clamped to the text.
fn offset_of(text: &str, (line, col): (usize, usize)) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

/// 1-based line and column (in characters) of byte `offset`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The scenario's own (top-level) field names, as the file format defines them: asked of the
/// deserializer itself, so the list cannot drift from the `Scenario` type.
fn scenario_fields() -> &'static [&'static str] {
    match ron::from_str::<super::Scenario>("(__not_a_field: 0)") {
        Err(ron::error::SpannedError {
            code: ron::Error::NoSuchStructField { expected, .. },
            ..
        }) => expected,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, at: usize) -> (usize, String, bool) {
        let code = blank_comments_and_strings(text);
        let t = token_at(text, &code, at).unwrap();
        (t.start, t.text.to_owned(), t.extended)
    }

    #[test]
    fn tokens_are_found_after_blanks_and_comments_and_extended_back_into_a_number() {
        assert_eq!(token("a:  \"lots\", b", 2), (4, "\"lots\"".into(), false));
        assert_eq!(token("n: 66.5,", 5), (3, "66.5".into(), true));
        assert_eq!(token("n: -5,", 4), (3, "-5".into(), true));
        assert_eq!(token("x, // c\n  name: 1", 2), (10, "name".into(), false));
        assert_eq!(token("a: (", 3), (3, "(".into(), false));
        let code = blank_comments_and_strings("a: 1  ");
        assert!(token_at("a: 1  ", &code, 5).is_none());
    }

    #[test]
    fn the_key_of_a_value_and_the_opening_quote_of_a_string_are_found() {
        let text = "(name: \"x\", count: 12)";
        let code = blank_comments_and_strings(text);
        assert_eq!(key_before(&code, 19), Some("count"));
        assert_eq!(key_before(&code, 1), None);
        assert_eq!(opening_quote(&code, 9), Some(7));
        assert_eq!(value_start(&code, 10), 7);
    }

    #[test]
    fn the_scenario_fields_come_from_the_type() {
        let fields = scenario_fields();
        assert!(fields.contains(&"weather") && fields.contains(&"battery"));
    }

    #[test]
    fn positions_convert_both_ways() {
        let text = "ab\ncé d\n";
        assert_eq!(offset_of(text, (2, 3)), 6);
        assert_eq!(line_col(text, 6), (2, 3));
        assert_eq!(offset_of(text, (9, 1)), text.len());
    }
}
