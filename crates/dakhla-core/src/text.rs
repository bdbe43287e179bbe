//! Small helpers for the text of messages: shortening a user's text without cutting a
//! character, and making text from files safe to show on a terminal or in JSON.
//!
//! Text from a file (a scenario's names, a weather file's station name, a shard's fields, a
//! path) may hold control characters: an escape sequence that recolours or clears a terminal,
//! a carriage return that overwrites the line, or an invisible bidirectional override that
//! shows a line in another order than it reads. Such characters never reach a terminal raw:
//! [`terminal_safe`] and [`json_safe`] write them as visible escapes.

use std::borrow::Cow;

/// At most 40 characters of the user's text for a message, with `...` when cut.
pub fn shorten(text: &str) -> String {
    shorten_to(text, 40)
}

/// At most `max` characters of `text` (never cutting a character), with `...` when cut.
pub fn shorten_to(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}...")
    } else {
        head
    }
}

/// A number as a planner reads it: whole numbers without decimals, very large and very small
/// ones in exponent form (1e-300, not three hundred zeros).
pub fn number(v: f64) -> String {
    if v == v.trunc() && v.abs() < 1e15 {
        format!("{v:.0}")
    } else if v != 0.0 && (v.abs() < 1e-4 || v.abs() >= 1e15) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// [`number`] as the current language writes it: the same in English ("100000", "0.845",
/// "1e-300"); in French with a decimal comma and the thousands grouped by a narrow no-break
/// space ("100\u{202F}000", "0,845"), as [`dakhla_i18n::number`] writes figures. For messages.
pub fn figure(v: f64) -> String {
    local_number(number(v))
}

/// A whole number as the current language writes it: "5000" in English, "5\u{202F}000" in
/// French. Not for years, which are never grouped.
pub fn whole(n: u64) -> String {
    local_number(n.to_string())
}

/// A number written the English way ("-1234.5", "1.5e-7") as the current language writes it.
pub fn local_number(plain: String) -> String {
    if dakhla_i18n::current() == dakhla_i18n::Lang::En {
        return plain;
    }
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    if !int.chars().all(|c| c.is_ascii_digit()) {
        return plain;
    }
    let mut out = String::with_capacity(plain.len() + 8);
    out.push_str(sign);
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(dakhla_i18n::NARROW_NBSP);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out.push_str(exponent);
    out
}

/// An energy with the unit that suits its size: "1.20 TWh", "3.4 GWh", "12.5 MWh".
pub fn energy_mwh(mwh: f64) -> String {
    let a = mwh.abs();
    if a >= 1e6 {
        format!("{:.2} TWh", mwh / 1e6)
    } else if a >= 1e3 {
        format!("{:.1} GWh", mwh / 1e3)
    } else {
        format!("{mwh:.1} MWh")
    }
}

/// An energy in GWh with one decimal ("1176.8 GWh"), for tables that compare like with like.
pub fn gwh(mwh: f64) -> String {
    format!("{:.1} GWh", mwh / 1000.0)
}

/// A power: whole megawatts from 1,000 MW up, one decimal below, "0 MW" for zero.
pub fn power_mw(mw: f64) -> String {
    if mw.abs() >= 1000.0 {
        format!("{mw:.0} MW")
    } else if mw == 0.0 {
        "0 MW".to_owned()
    } else {
        format!("{mw:.1} MW")
    }
}

/// A sum of money with the scale that suits it: "1.25 bn USD", "3.4 M USD", "12 k USD".
pub fn usd(usd: f64) -> String {
    let a = usd.abs();
    if a >= 1e9 {
        format!("{:.2} bn USD", usd / 1e9)
    } else if a >= 1e6 {
        format!("{:.1} M USD", usd / 1e6)
    } else if a >= 1e3 {
        format!("{:.0} k USD", usd / 1e3)
    } else {
        format!("{usd:.0} USD")
    }
}

/// An amount of US dollars in `money`'s currency, in the current language's figures
/// ("1.33 bn MAD", "350.8 M MAD", "1 472,0 M MAD").
pub fn money(usd: f64, money: &crate::sim::kpis::Money) -> String {
    let v = money.from_usd(usd);
    let code = money.currency.code();
    let a = v.abs();
    let (x, d, scale) = if a >= 1e9 {
        (v / 1e9, 2, dakhla_i18n::tr!("money-scale-bn"))
    } else if a >= 1e6 {
        (v / 1e6, 1, "M".to_owned())
    } else if a >= 1e3 {
        (v / 1e3, 0, "k".to_owned())
    } else {
        (v, 0, String::new())
    };
    let n = dakhla_i18n::number(x, d);
    if scale.is_empty() {
        format!("{n} {code}")
    } else {
        format!("{n} {scale} {code}")
    }
}

/// A fraction as a percentage with one decimal ("84.5 %").
pub fn percent(frac: f64) -> String {
    format!("{:.1} %", frac * 100.0)
}

/// The first `n` characters of `text` (all of it when shorter): a char-boundary-safe prefix.
pub fn prefix_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => text.get(..at).unwrap_or(text),
        None => text,
    }
}

/// Whether `c` must not be shown raw: a control character (C0, DEL, C1) or an invisible
/// bidirectional formatting character (Unicode's "Trojan Source" set: U+061C, U+200E, U+200F,
/// U+202A to U+202E, U+2066 to U+2069).
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        // Line and paragraph separators, the zero-width space and the byte-order mark: line
        // breaks or invisible text.
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200b}' | '\u{feff}')
        // Noncharacters (never text; not allowed in XML).
        || matches!(c, '\u{fdd0}'..='\u{fdef}')
        || (c as u32 & 0xfffe) == 0xfffe
}

/// `text` with every unsafe character other than line ends and tabs (see [`is_unsafe_char`])
/// written as a visible escape such as `\u{1b}`.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    escape_with(
        text,
        |c| c != '\n' && c != '\t' && is_unsafe_char(c),
        |c, out| {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        },
    )
}

/// JSON text (as serde_json writes it) with the unsafe characters it leaves raw (DEL, C1 and
/// bidirectional formatting characters, which can only occur inside strings) written as
/// `\uXXXX` escapes: the same JSON value, safe to print.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    escape_with(
        json,
        |c| c != '\n' && c != '\t' && c != '\r' && c != ' ' && is_unsafe_char(c),
        |c, out| out.push_str(&format!("\\u{:04x}", c as u32)),
    )
}

fn escape_with(
    text: &str,
    unsafe_char: impl Fn(char) -> bool,
    escape: impl Fn(char, &mut String),
) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` with every unsafe character (line ends included) written as a visible escape: a
/// name read from a file, for a one-line message, a CSV cell or a file.
pub fn escaped(text: &str) -> String {
    escape_with(text, is_unsafe_char, |c, out| {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    })
    .into_owned()
}

/// A path as a message shows it: every control character escaped, line ends included (a file
/// name holding a line end must not forge a line of output).
pub fn path_text(path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    escape_with(&shown, is_unsafe_char, |c, out| {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    })
    .into_owned()
}

/// The first unsafe character of `text` (see [`is_unsafe_char`]), with line ends and tabs
/// allowed when `multi_line`; for validation messages.
pub fn first_unsafe_char(text: &str, multi_line: bool) -> Option<char> {
    text.chars()
        .find(|&c| is_unsafe_char(c) && !(multi_line && (c == '\n' || c == '\t')))
}

/// A character as a planner can read it in a message: `U+001B (escape)` (the words in the
/// current language).
pub fn describe_char(c: char) -> String {
    let id = match c {
        '\u{1b}' => "core-char-escape",
        '\r' => "core-char-carriage-return",
        '\n' => "core-char-line-end",
        '\t' => "core-char-tab",
        '\0' => "core-char-null",
        '\u{7f}' => "core-char-delete",
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => "core-char-direction",
        '\u{2028}' | '\u{2029}' => "core-char-separator",
        '\u{200b}' | '\u{feff}' => "core-char-zero-width",
        c if !c.is_control() => "core-char-not-text",
        _ => "core-char-control",
    };
    format!("U+{:04X} ({})", c as u32, dakhla_i18n::tr!(id))
}

/// A size in megabytes as a planner reads it: "40.0 MB" ("40,0 Mo" in French).
pub fn megabytes(bytes: u64) -> String {
    dakhla_i18n::tr!(
        "core-megabytes",
        size = dakhla_i18n::number(bytes as f64 / 1e6, 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_never_cuts_a_character() {
        let s = "é".repeat(50);
        assert_eq!(shorten(&s), format!("{}...", "é".repeat(40)));
        assert_eq!(prefix_chars("日本語テキスト", 3), "日本語");
        assert_eq!(prefix_chars("ab", 12), "ab");
    }

    #[test]
    fn escape_sequences_and_direction_overrides_are_shown_not_obeyed() {
        let evil = "Dakhla\u{1b}[2J\rX\u{202e}cba\u{9b}31m\nnext\tcol";
        assert_eq!(
            terminal_safe(evil),
            "Dakhla\\u{1b}[2J\\u{d}X\\u{202e}cba\\u{9b}31m\nnext\tcol"
        );
        assert!(matches!(terminal_safe("plain é 日本"), Cow::Borrowed(_)));
        let json = serde_json::to_string(&serde_json::json!({"name": evil})).unwrap();
        let safe = json_safe(&json);
        assert!(!safe.chars().any(is_unsafe_char), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], evil, "the same JSON value");
    }
}
