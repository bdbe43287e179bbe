//! The languages of dakhla-planner: every text a person reads comes from a Fluent catalog
//! (`locales/<lang>/*.ftl`, Project Fluent syntax), in English or French; numbers and dates are
//! written as each language writes them.
//!
//! - The language is process-wide ([`set`], [`current`]): the command line sets it once from
//!   `--lang` or the locale ([`from_env`]: `LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
//!   orders them); the window from its Language menu (persisted) or the locale.
//! - [`tr!`] looks a message up in the current language: `tr!("menu-file")`,
//!   `tr!("cli-wrote", path = shown)`. An attribute is `"message.attribute"`
//!   (`tr!("menu-open-recent.none")`). A message missing in French falls back to English, and
//!   one missing in both shows its id - the catalog tests keep both from happening: every id is
//!   in both languages with the same placeholders ([`check_catalogs`]).
//! - Placeables are not wrapped in Unicode isolation marks: output goes to terminals, CSV
//!   headers and files that show them as stray characters. Arabic (right-to-left) will need
//!   them back, per message, once egui shapes right-to-left text.
//! - [`number`] writes a figure with a fixed number of decimals: "1234.5" in English (as every
//!   figure of the program always read, so scripts and goldens keep working), "1 234,5" in
//!   French (narrow no-break space U+202F between thousands, decimal comma, as the Imprimerie
//!   nationale's rules and CLDR's `fr` locale write it). [`date`]: "2026-12-03" and
//!   "03/12/2026".
//!
//! JSON keys, CSV column names and RON field names are contracts and never go through here.
//!
//! Adding a language: a `Lang` variant, its code and name, a `locales/<code>/` folder with every
//! file the others have ([`CATALOG_FILES`]), and its number and date rules.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_bundle::FluentArgs as Args;

/// A language the program speaks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// ISO 639-1 code: "en", "fr" (what `--lang` takes).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's name in itself, for a language menu: "English", "Français".
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// `--lang`'s value: "en" or "fr" (any case).
    pub fn parse(code: &str) -> Result<Lang, String> {
        let c = code.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == c)
            .ok_or_else(|| format!("unknown language '{code}': expected en or fr"))
    }

    /// The language of a locale name as the environment gives it ("fr_FR.UTF-8", "fr_MA",
    /// "fr", "en_US.UTF-8", "C"): None for an empty value (look at the next variable), English
    /// for "C", "POSIX" and languages the program does not speak.
    pub fn of_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        let lang: String = v
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        Some(Lang::parse(&lang).unwrap_or(Lang::En))
    }
}

/// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
/// set and not empty decides (POSIX precedence); English when none is.
pub fn from_env() -> Lang {
    from_vars(|name| std::env::var(name).ok())
}

/// [`from_env`] over any source of variables (tests).
pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| get(name).and_then(|v| Lang::of_locale(&v)))
        .unwrap_or_default()
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Make `lang` the language of every text from now on (process-wide).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language texts are written in now.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Fr,
        _ => Lang::En,
    }
}

/// The catalog files every language has, in `locales/<code>/`: the window's and the command
/// line's texts (`app.ftl`: the window; `charts.ftl`: charts on screen and in files; `cli.ftl`:
/// the command line's text output); the inputs of the field registry (`fields.ftl`) and the KPIs of the KPI
/// registry (`kpis.ftl`), whose English files are written from the registries (a test in
/// dakhla-core keeps them equal); the editor panels, dialogs and compare view (`panels.ftl`);
/// the HTML report and the `compare` table (`report.ftl`); messages built by the engine: file
/// and parse errors, validation, migration notes (`core.ftl`); weather files, studies and
/// sizing (`engine.ftl`); currencies, exchange rates and cost sets (`money.ftl`).
pub const CATALOG_FILES: [&str; 10] = [
    "app.ftl",
    "fields.ftl",
    "kpis.ftl",
    "charts.ftl",
    "cli.ftl",
    "panels.ftl",
    "report.ftl",
    "core.ftl",
    "engine.ftl",
    "money.ftl",
];

/// The catalogs of `lang`: (file name, text), in [`CATALOG_FILES`] order.
pub fn catalogs(lang: Lang) -> [(&'static str, &'static str); 10] {
    match lang {
        Lang::En => [
            ("app.ftl", include_str!("../locales/en/app.ftl")),
            ("fields.ftl", include_str!("../locales/en/fields.ftl")),
            ("kpis.ftl", include_str!("../locales/en/kpis.ftl")),
            ("charts.ftl", include_str!("../locales/en/charts.ftl")),
            ("cli.ftl", include_str!("../locales/en/cli.ftl")),
            ("panels.ftl", include_str!("../locales/en/panels.ftl")),
            ("report.ftl", include_str!("../locales/en/report.ftl")),
            ("core.ftl", include_str!("../locales/en/core.ftl")),
            ("engine.ftl", include_str!("../locales/en/engine.ftl")),
            ("money.ftl", include_str!("../locales/en/money.ftl")),
        ],
        Lang::Fr => [
            ("app.ftl", include_str!("../locales/fr/app.ftl")),
            ("fields.ftl", include_str!("../locales/fr/fields.ftl")),
            ("kpis.ftl", include_str!("../locales/fr/kpis.ftl")),
            ("charts.ftl", include_str!("../locales/fr/charts.ftl")),
            ("cli.ftl", include_str!("../locales/fr/cli.ftl")),
            ("panels.ftl", include_str!("../locales/fr/panels.ftl")),
            ("report.ftl", include_str!("../locales/fr/report.ftl")),
            ("core.ftl", include_str!("../locales/fr/core.ftl")),
            ("engine.ftl", include_str!("../locales/fr/engine.ftl")),
            ("money.ftl", include_str!("../locales/fr/money.ftl")),
        ],
    }
}

/// Message `id` ("message" or "message.attribute") in `lang` exactly, without falling back to
/// another language: None when `lang` does not have it. For text whose English lives in a
/// registry (a field's label): the caller falls back to the registry's own words.
pub fn get(lang: Lang, id: &str) -> Option<String> {
    lookup(lang, id, None)
}

/// Text for a Fluent catalog line: braces written as Fluent string literals, so that English
/// from a registry reads back exactly.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' => out.push_str("{\"{\"}"),
            '}' => out.push_str("{\"}\"}"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static FR: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    cell.get_or_init(|| {
        let id = lang.code().parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        b.set_use_isolating(false);
        for (_, text) in catalogs(lang) {
            // A catalog with a syntax error keeps the messages that parse; the catalog tests
            // fail on any error, so none ships.
            let res = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = b.add_resource(res);
        }
        b
    })
}

/// Message `id` ("message" or "message.attribute") in `lang` with `args`; None when the
/// language does not have it.
fn lookup(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let b = bundle(lang);
    let (msg, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let m = b.get_message(msg)?;
    let pattern = match attr {
        Some(a) => m.get_attribute(a)?.value(),
        None => m.value()?,
    };
    let mut errors = Vec::new();
    Some(b.format_pattern(pattern, args, &mut errors).into_owned())
}

/// Message `id` in `lang` with `args`: French falls back to English, and an id neither has is
/// shown as itself (the catalog tests keep this from shipping).
pub fn tr_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    lookup(lang, id, args)
        .or_else(|| {
            (lang != Lang::En)
                .then(|| lookup(Lang::En, id, args))
                .flatten()
        })
        .unwrap_or_else(|| id.to_owned())
}

/// Message `id` in the current language.
pub fn tr(id: &str) -> String {
    tr_in(current(), id, None)
}

/// Message `id` in the current language with `args`.
pub fn tr_args(id: &str, args: &FluentArgs) -> String {
    tr_in(current(), id, Some(args))
}

/// Whether `id` is in the English catalog (for code that builds ids).
pub fn has(id: &str) -> bool {
    lookup(Lang::En, id, None).is_some()
}

/// A value for a placeable: text as it is; numbers as Fluent numbers (so a message can choose
/// its plural form on them). Write figures with [`number`] first when their decimals matter.
pub fn arg<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// `tr!("id")` or `tr!("id", name = value, ...)`: the message in the current language. Values
/// are anything Fluent takes (`&str`, `String`, integers, floats).
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::Args::new();
        $(args.set(stringify!($name), $crate::arg($value));)+
        $crate::tr_args($id, &args)
    }};
}

/// Narrow no-break space (U+202F): French groups thousands with it.
pub const NARROW_NBSP: char = '\u{202F}';

/// `v` with `decimals` decimals, as `lang` writes numbers: "1234.5" in English (no grouping, as
/// the program always wrote), "1 234,5" in French (U+202F between groups of three, decimal
/// comma). Non-finite values read "-".
pub fn number_in(lang: Lang, v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "-".to_owned();
    }
    let plain = format!("{v:.decimals$}");
    // -0.0 rounds to "-0": a figure reads "0".
    let plain = if plain
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        plain.trim_start_matches('-').to_owned()
    } else {
        plain
    };
    match lang {
        Lang::En => plain,
        Lang::Fr => {
            let (sign, digits) = match plain.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", plain.as_str()),
            };
            let (int, frac) = match digits.split_once('.') {
                Some((i, f)) => (i, Some(f)),
                None => (digits, None),
            };
            let mut grouped = String::with_capacity(int.len() + int.len() / 3 * 3);
            for (k, c) in int.chars().enumerate() {
                if k > 0 && (int.len() - k) % 3 == 0 {
                    grouped.push(NARROW_NBSP);
                }
                grouped.push(c);
            }
            match frac {
                Some(f) => format!("{sign}{grouped},{f}"),
                None => format!("{sign}{grouped}"),
            }
        }
    }
}

/// [`number_in`] in the current language.
pub fn number(v: f64, decimals: usize) -> String {
    number_in(current(), v, decimals)
}

/// A percentage of a share [-] with `decimals` decimals: "85.0 %" / "85,0 %" (with a
/// no-break space before the sign in French, as French typography writes it).
pub fn percent(share: f64, decimals: usize) -> String {
    let n = number(100.0 * share, decimals);
    match current() {
        Lang::En => format!("{n} %"),
        Lang::Fr => format!("{n}\u{00A0}%"),
    }
}

/// A calendar date as `lang` writes it: "2026-12-03" (ISO 8601) in English, "03/12/2026" in
/// French.
pub fn date_in(lang: Lang, year: i64, month: u32, day: u32) -> String {
    match lang {
        Lang::En => format!("{year:04}-{month:02}-{day:02}"),
        Lang::Fr => format!("{day:02}/{month:02}/{year:04}"),
    }
}

/// [`date_in`] in the current language.
pub fn date(year: i64, month: u32, day: u32) -> String {
    date_in(current(), year, month, day)
}

/// What is wrong with the catalogs, in words (empty when nothing is): a syntax error, a
/// message or attribute one language has and the other lacks, or placeholders that differ
/// between the languages (a `{ $name }` in one and not the other).
pub fn check_catalogs() -> Vec<String> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut problems = Vec::new();
    // (message or message.attribute) -> placeholders, per language.
    let mut all: Vec<(Lang, BTreeMap<String, BTreeSet<String>>)> = Vec::new();
    for lang in Lang::ALL {
        let mut entries = BTreeMap::new();
        for (file, text) in catalogs(lang) {
            let res = match fluent_syntax::parser::parse(text) {
                Ok(r) => r,
                Err((r, errs)) => {
                    for e in errs {
                        problems.push(format!(
                            "{}/{file}: syntax error at bytes {:?}: {:?}",
                            lang.code(),
                            e.pos,
                            e.kind
                        ));
                    }
                    r
                }
            };
            for entry in res.body {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    let id = m.id.name.to_owned();
                    if let Some(p) = &m.value {
                        let key = id.clone();
                        if entries.insert(key.clone(), placeholders(p)).is_some() {
                            problems.push(format!("{}/{file}: {key} twice", lang.code()));
                        }
                    }
                    for a in &m.attributes {
                        let key = format!("{id}.{}", a.id.name);
                        if entries
                            .insert(key.clone(), placeholders(&a.value))
                            .is_some()
                        {
                            problems.push(format!("{}/{file}: {key} twice", lang.code()));
                        }
                    }
                }
            }
        }
        all.push((lang, entries));
    }
    let (first, rest) = all.split_at(1);
    let (en, en_entries) = &first[0];
    for (lang, entries) in rest {
        for (key, vars) in en_entries {
            match entries.get(key) {
                None => problems.push(format!(
                    "{key}: in {} but not in {}",
                    en.code(),
                    lang.code()
                )),
                Some(v) if v != vars => problems.push(format!(
                    "{key}: placeholders {vars:?} in {} but {v:?} in {}",
                    en.code(),
                    lang.code()
                )),
                Some(_) => {}
            }
        }
        for key in entries.keys().filter(|k| !en_entries.contains_key(*k)) {
            problems.push(format!(
                "{key}: in {} but not in {}",
                lang.code(),
                en.code()
            ));
        }
    }
    problems
}

/// The variables a pattern uses (`{ $name }`, also inside selectors), by name.
fn placeholders(p: &fluent_syntax::ast::Pattern<&str>) -> std::collections::BTreeSet<String> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
                for a in &arguments.named {
                    inline(&a.value, out);
                }
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
        }
    }
    fn pattern(
        p: &fluent_syntax::ast::Pattern<&str>,
        out: &mut std::collections::BTreeSet<String>,
    ) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }
    let mut out = std::collections::BTreeSet::new();
    pattern(p, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_in_both_languages_with_the_same_placeholders() {
        let problems = check_catalogs();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_language_comes_from_lc_all_then_lc_messages_then_lang() {
        let vars = |all: &str, msg: &str, lang: &str| {
            let (all, msg, lang) = (all.to_owned(), msg.to_owned(), lang.to_owned());
            from_vars(move |n| match n {
                "LC_ALL" => Some(all.clone()),
                "LC_MESSAGES" => Some(msg.clone()),
                "LANG" => Some(lang.clone()),
                _ => None,
            })
        };
        assert_eq!(vars("", "", "fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(vars("", "en_US.UTF-8", "fr_FR.UTF-8"), Lang::En);
        assert_eq!(vars("fr_MA.UTF-8", "en_US.UTF-8", "en_US"), Lang::Fr);
        assert_eq!(vars("C", "", "fr_FR"), Lang::En, "C is English");
        assert_eq!(vars("", "", ""), Lang::En);
        assert_eq!(vars("", "", "de_DE.UTF-8"), Lang::En, "unknown: English");
        assert_eq!(vars("", "", "fr"), Lang::Fr);
        assert_eq!(from_vars(|_| None), Lang::En);
        assert_eq!(Lang::parse("FR"), Ok(Lang::Fr));
        assert!(Lang::parse("ar").unwrap_err().contains("expected en or fr"));
    }

    #[test]
    fn numbers_and_dates_read_as_each_language_writes_them() {
        assert_eq!(number_in(Lang::En, 1234.5, 1), "1234.5");
        assert_eq!(number_in(Lang::Fr, 1234.5, 1), "1\u{202F}234,5");
        assert_eq!(
            number_in(Lang::Fr, -1234567.891, 2),
            "-1\u{202F}234\u{202F}567,89"
        );
        assert_eq!(number_in(Lang::Fr, 999.0, 0), "999");
        assert_eq!(number_in(Lang::Fr, 1000.0, 0), "1\u{202F}000");
        assert_eq!(number_in(Lang::Fr, 0.05, 1), "0,1");
        assert_eq!(number_in(Lang::Fr, -0.01, 1), "0,0");
        assert_eq!(number_in(Lang::En, -0.0, 0), "0");
        assert_eq!(number_in(Lang::Fr, f64::NAN, 1), "-");
        assert_eq!(date_in(Lang::Fr, 2026, 12, 3), "03/12/2026");
        assert_eq!(date_in(Lang::En, 2026, 12, 3), "2026-12-03");
    }

    #[test]
    fn a_message_reads_in_the_language_asked_with_its_placeholders() {
        let mut args = FluentArgs::new();
        args.set("count", arg(3));
        assert_eq!(tr_in(Lang::En, "test-files", Some(&args)), "3 files");
        assert_eq!(tr_in(Lang::Fr, "test-files", Some(&args)), "3 fichiers");
        args.set("count", arg(1));
        assert_eq!(tr_in(Lang::En, "test-files", Some(&args)), "1 file");
        assert_eq!(tr_in(Lang::Fr, "test-files", Some(&args)), "1 fichier");
        assert_eq!(tr_in(Lang::Fr, "menu-file", None), "Fichier");
        assert!(tr_in(Lang::Fr, "lang-menu.tooltip", None).starts_with("La langue de la fenêtre"));
        // Unknown: the id itself, never a panic.
        assert_eq!(tr_in(Lang::Fr, "no-such-message", None), "no-such-message");
        assert_eq!(
            tr_in(Lang::Fr, "menu-file.no-such-attribute", None),
            "menu-file.no-such-attribute"
        );
    }
}
