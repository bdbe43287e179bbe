//! Reading and writing scenario files.

use super::migrate::Upgraded;
use super::{SCHEMA_VERSION, Scenario};
use crate::text::shorten;
use dakhla_i18n::tr;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Largest scenario file that is read [bytes]: a scenario is a few kilobytes, so a file this
/// large is the wrong file, and refusing it keeps memory bounded.
pub const MAX_SCENARIO_FILE_BYTES: u64 = 16_000_000;

/// Deepest nesting of brackets and parentheses read from a scenario file (a scenario nests about
/// 6 levels deep); deeper text is refused before it can exhaust the stack.
pub const MAX_NESTING: usize = 32;

/// Problems located in the file's text, at most (the rest keep their field path only): locating
/// one costs a pass over the text.
const MAX_LOCATED_PROBLEMS: usize = 100;

/// One problem in a scenario, located by field path and, where found, file position.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Field path such as `wind_farms[0].hub_height_m` (empty for the whole file).
    pub path: String,
    /// What is wrong and what is allowed, in a planner's words.
    pub message: String,
    /// 1-based line and column in the file, when known.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, col)) = self.position {
            write!(f, "{line}:{col}: ")?;
        }
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error(
        "{}",
        tr!("core-cannot-read-file", file = file.as_str(), error = source.to_string())
    )]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// The text is not a well-formed scenario (syntax, types, unknown fields, version).
    #[error("{file}:{problem}")]
    Parse { file: String, problem: Problem },
    /// The file parsed but some values are not allowed.
    #[error("{}", format_invalid(file, problems))]
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
    /// The path names a folder (or another thing that is not a file).
    #[error(
        "{}",
        tr!(
            "core-not-a-scenario-file",
            file = file.as_str(),
            kind = crate::files::kind_text(kind)
        )
    )]
    NotAFile {
        file: String,
        /// "a folder", "a socket"...
        kind: &'static str,
    },
    /// The file is far larger than any scenario; it was not read.
    #[error(
        "{}",
        tr!(
            "core-scenario-too-large",
            file = file.as_str(),
            size = crate::text::megabytes(*bytes),
            max = crate::text::megabytes(MAX_SCENARIO_FILE_BYTES)
        )
    )]
    TooLarge {
        file: String,
        /// Size of the file [bytes].
        bytes: u64,
    },
}

fn format_invalid(file: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            if p.position.is_some() {
                format!("{file}:{p}")
            } else {
                format!("{file}: {p}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl LoadError {
    /// Every problem, one per line as `file:line:col: path: message`.
    pub fn lines(&self) -> Vec<String> {
        self.to_string().lines().map(str::to_owned).collect()
    }
}

/// Parse and validate scenario text. `file` names the source in messages. Weather files are not
/// checked for existence here (no folder is known); [`load`] does that. An older schema version
/// is migrated silently; [`upgrade_str`] also says what changed.
pub fn from_ron_str(text: &str, file: &str) -> Result<Scenario, LoadError> {
    upgrade_str(text, file).map(|u| u.scenario)
}

/// Parse, migrate and validate scenario text, saying whether it was migrated from an older
/// schema and giving its text in the current schema (comments kept where possible).
pub fn upgrade_str(text: &str, file: &str) -> Result<Upgraded, LoadError> {
    if text.len() as u64 > MAX_SCENARIO_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_owned(),
            bytes: text.len() as u64,
        });
    }
    validated(parse_document(text, file)?, text, file, None)
}

/// Read, parse and validate a scenario file, including that its weather file exists. An older
/// schema version is migrated silently; [`load_upgraded`] also says what changed.
pub fn load(path: &Path) -> Result<Scenario, LoadError> {
    load_upgraded(path).map(|u| u.scenario)
}

/// [`load`], also saying whether the file was migrated from an older schema version and giving
/// its text in the current schema.
pub fn load_upgraded(path: &Path) -> Result<Upgraded, LoadError> {
    let file = crate::text::path_text(path);
    let text = read_scenario_text(path, &file)?;
    let base = base_dir(path);
    validated(parse_document(&text, &file)?, &text, &file, Some(&base))
}

/// The file's text: refused unread when larger than [`MAX_SCENARIO_FILE_BYTES`], and located
/// at its first byte that is not UTF-8.
fn read_scenario_text(path: &Path, file: &str) -> Result<String, LoadError> {
    use crate::files::InputError;
    let bytes = crate::files::read_input(path, MAX_SCENARIO_FILE_BYTES).map_err(|e| match e {
        InputError::NotAFile(kind) => LoadError::NotAFile {
            file: file.to_owned(),
            kind,
        },
        InputError::TooLarge(bytes) => LoadError::TooLarge {
            file: file.to_owned(),
            bytes,
        },
        InputError::Io(source) => LoadError::Io {
            file: file.to_owned(),
            source: crate::files::in_words(source),
        },
        InputError::EmptyPipe => LoadError::NotAFile {
            file: file.to_owned(),
            kind: "a named pipe that no program wrote into",
        },
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let before = String::from_utf8_lossy(valid);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        LoadError::Parse {
            file: file.to_owned(),
            problem: Problem {
                path: String::new(),
                message: tr!("core-not-utf8"),
                position: Some((line, col)),
            },
        }
    })
}

/// Validate a parsed scenario; problems are located in the file's own text.
fn validated(
    upgraded: Upgraded,
    text: &str,
    file: &str,
    base: Option<&Path>,
) -> Result<Upgraded, LoadError> {
    let problems = located(text, upgraded.scenario.validate(base));
    if problems.is_empty() {
        Ok(upgraded)
    } else {
        Err(LoadError::Invalid {
            file: file.to_owned(),
            problems,
        })
    }
}

/// The folder that relative paths in a scenario file are resolved against: the folder of the
/// file itself, so for a symbolic link the folder of the file it points to (the paths were
/// written for that folder, and a rewrite lands there too).
pub fn base_dir(scenario_path: &Path) -> PathBuf {
    crate::files::parent_dir(&crate::files::follow_links(scenario_path))
}

/// Parse text of any supported schema version, migrating an older one (not validated).
pub(crate) fn parse_document(text: &str, file: &str) -> Result<Upgraded, LoadError> {
    let version_problem = |message: String| LoadError::Parse {
        file: file.to_owned(),
        problem: Problem {
            path: "schema_version".into(),
            message,
            position: locate(text, "schema_version"),
        },
    };
    let newer = |v: u32| {
        version_problem(tr!(
            "core-schema-newer",
            version = v.to_string(),
            current = SCHEMA_VERSION.to_string()
        ))
    };
    let unknown = |v: u32| {
        version_problem(tr!(
            "core-schema-unknown",
            version = v.to_string(),
            current = SCHEMA_VERSION.to_string()
        ))
    };
    // A newer file is refused before its fields are read: they may be unknown here.
    match super::migrate::written_version(text) {
        Some(v) if v > SCHEMA_VERSION => return Err(newer(v)),
        Some(0) => return Err(unknown(0)),
        _ => {}
    }
    let upgraded = super::migrate::upgrade(text, file)?;
    match upgraded.scenario.schema_version {
        v if v > SCHEMA_VERSION => Err(newer(v)),
        v if v < SCHEMA_VERSION => Err(unknown(v)),
        _ => Ok(upgraded),
    }
}

/// Parse RON text into `T` (a scenario of some schema version), reporting syntax and type
/// errors as `file:line:col: field.path: message` in a planner's words.
pub(crate) fn parse_as<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
) -> Result<T, LoadError> {
    let parse_err = |line: usize, col: usize, path: String, message: String| LoadError::Parse {
        file: file.to_owned(),
        problem: Problem {
            // A field path holds names from the file: at most a line's worth of them.
            path: if path.chars().count() > 200 {
                crate::text::shorten_to(&path, 200)
            } else {
                path
            },
            message,
            position: Some((line, col)),
        },
    };
    if blank_comments_and_strings(text).trim().is_empty() {
        let message = if text.trim().is_empty() {
            tr!("core-file-empty")
        } else {
            tr!("core-file-only-comments")
        };
        return Err(parse_err(1, 1, String::new(), message));
    }
    if let Some(why) = not_a_scenario(text) {
        // Nothing of the file is shown: it may be anything (a key file, a password list).
        return Err(parse_err(
            1,
            1,
            String::new(),
            tr!("core-not-a-scenario", why = why),
        ));
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let explained = |code: &ron::Error, span: &ron::error::Span, path: String| {
        let plain = plain_ron_message(code);
        let at = (span.start.line, span.start.col);
        let e = super::parse_errors::explain(text, code, at, path, plain);
        parse_err(e.position.0, e.position.1, e.path, e.message)
    };
    let mut de = ron::Deserializer::from_str_with_options(text, &options)
        .map_err(|e| explained(&e.code, &e.span, String::new()))?;
    let result: Result<T, serde_path_to_error::Error<ron::Error>> =
        serde_path_to_error::deserialize(&mut de);
    let scenario = match result {
        Ok(s) => s,
        Err(e) => {
            let path = clean_path(&e.path().to_string());
            let code = e.into_inner();
            let at_end = de.remainder().trim().is_empty();
            let spanned = de.span_error(code);
            if !at_end {
                return Err(explained(&spanned.code, &spanned.span, path));
            }
            return Err(parse_err(
                spanned.span.start.line,
                spanned.span.start.col,
                path,
                tr!("core-file-cut-off"),
            ));
        }
    };
    if let Err(code) = de.end() {
        let spanned = de.span_error(code);
        return Err(explained(&spanned.code, &spanned.span, String::new()));
    }
    Ok(scenario)
}

/// Why `text` cannot be a scenario file at all, judged by its start (after comments): a
/// scenario starts with `(`, or a name directly followed by `(` (`Scenario(`). Binary data
/// (a NUL character) is not text.
fn not_a_scenario(text: &str) -> Option<String> {
    if text.contains('\0') {
        return Some(tr!("core-not-a-scenario-binary"));
    }
    let code = blank_comments_and_strings(text);
    let start = code.trim_start();
    if start.starts_with('(') {
        return None;
    }
    let name_len = start
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(start.len());
    let after = start.get(name_len..).unwrap_or("").trim_start();
    if name_len > 0 && after.starts_with('(') {
        return None;
    }
    Some(tr!("core-not-a-scenario-start"))
}

/// serde_path_to_error writes `?` for unknown positions and a segment for each enum variant
/// (`mounting.Fixed.tilt_deg`, `profile.Hourly[3]`); drop them, so that the path reads as the
/// validator's (`mounting.tilt_deg`, `profile[3]`).
fn clean_path(path: &str) -> String {
    let mut out = String::new();
    for seg in path.split('.') {
        let seg = seg.trim_start_matches('?');
        let is_variant = seg.starts_with(|c: char| c.is_ascii_uppercase());
        let seg = if is_variant {
            seg.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
        } else {
            seg
        };
        if seg.is_empty() {
            continue;
        }
        if !out.is_empty() && !seg.starts_with('[') {
            out.push('.');
        }
        out.push_str(seg);
    }
    out
}

/// Reword RON's messages where they would puzzle a planner.
fn plain_ron_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected, found, ..
        } => {
            let suggestion = nearest(found, expected);
            let found = shorten(found);
            let allowed = expected.join(", ");
            match suggestion {
                Some(s) => tr!(
                    "core-unknown-field-suggest",
                    found = found,
                    suggestion = s,
                    allowed = allowed
                ),
                None => tr!("core-unknown-field", found = found, allowed = allowed),
            }
        }
        E::MissingStructField { field, .. } => tr!("core-missing-field", field = *field),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => tr!(
            "core-unknown-choice",
            found = shorten(found),
            allowed = expected.join(", ")
        ),
        E::DuplicateStructField { field, .. } => tr!("core-duplicate-field", field = *field),
        E::Eof => tr!("core-eof"),
        E::IntegerOutOfBounds => tr!("core-integer-out-of-bounds"),
        E::ExpectedInteger => tr!("core-expected-integer"),
        E::ExpectedFloat => tr!("core-expected-number"),
        E::ExpectedString => tr!("core-expected-string"),
        E::ExpectedBoolean => tr!("core-expected-bool"),
        E::ExpectedComma => tr!("core-expected-comma"),
        E::ExpectedOption => tr!("core-expected-option"),
        E::TrailingCharacters => tr!("core-trailing-text"),
        E::ExpectedDifferentStructName { found, .. } => {
            tr!("core-struct-name", found = shorten(found))
        }
        E::ExpectedMapColon => tr!("core-expected-colon"),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => tr!("core-expected-block"),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => tr!("core-expected-block-end"),
        E::ExpectedArray => tr!("core-expected-list"),
        E::ExpectedArrayEnd => tr!("core-expected-list-end"),
        E::ExpectedIdentifier => tr!("core-expected-name"),
        E::InvalidIdentifier(found) | E::SuggestRawIdentifier(found) => {
            tr!("core-expected-field-name", got = shorten(found))
        }
        E::ExpectedStringEnd => tr!("core-string-not-closed"),
        E::UnclosedBlockComment => tr!("core-comment-not-closed"),
        E::UnexpectedChar(c) => tr!("core-unexpected-char", char = c.to_string()),
        // `expected` is serde's description of the type ("a string"), in English.
        E::InvalidValueForType { expected, found } => tr!(
            "core-invalid-value",
            expected = expected.as_str(),
            got = shorten(found)
        ),
        E::ExpectedDifferentLength { expected, found } => tr!(
            "core-wrong-length",
            expected = expected.as_str(),
            count = found.to_string()
        ),
        E::ExceededRecursionLimit => tr!("core-nesting", max = MAX_NESTING.to_string()),
        // RON's own words (English): the errors above are the ones a scenario file meets.
        other => other.to_string(),
    }
}

/// The allowed name closest to `found` by edit distance, when close enough to be a typo.
pub(crate) fn nearest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|e| (levenshtein(found, e), *e))
        .filter(|(d, e)| *d <= 3.max(e.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, e)| e)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Attach file positions to validation problems by finding their field paths in the text (the
/// first [`MAX_LOCATED_PROBLEMS`] of them).
fn located(text: &str, issues: Vec<super::Issue>) -> Vec<Problem> {
    let code = blank_comments_and_strings(text);
    issues
        .into_iter()
        .enumerate()
        .map(|(k, i)| Problem {
            position: if k < MAX_LOCATED_PROBLEMS {
                locate_nearest(text, &code, &i.path)
            } else {
                None
            },
            path: i.path,
            message: i.message,
        })
        .collect()
}

/// Best-effort position of a field path such as `wind_farms[1].hub_height_m`: each name is
/// searched as `name:` after the previous match, outside comments and strings; an index `[k]`
/// skips to the (k+1)-th occurrence of the next name.
pub(crate) fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    locate_in(text, &blank_comments_and_strings(text), path)
}

/// [`locate_in`] for `path`, or else for its nearest parent written in the file: a value left
/// to its default is reported at the block where it would be added.
fn locate_nearest(text: &str, code: &str, path: &str) -> Option<(usize, usize)> {
    let mut path = path;
    loop {
        if let Some(found) = locate_in(text, code, path) {
            return Some(found);
        }
        path = &path[..path.rfind(['.', '['])?];
    }
}

/// [`locate`] with the text's comments and strings already blanked (`code`).
pub(crate) fn locate_in(text: &str, code: &str, path: &str) -> Option<(usize, usize)> {
    let mut from = 0usize;
    let mut skip = 0usize;
    let mut found = None;
    for seg in path.split('.') {
        let (name, index) = match seg.find('[') {
            Some(b) => {
                let idx = seg[b + 1..].trim_end_matches(']').parse::<usize>().ok();
                (&seg[..b], idx)
            }
            None => (seg, None),
        };
        if name.is_empty() {
            continue;
        }
        let mut pos = from;
        let mut hit = None;
        for _ in 0..=skip {
            hit = find_key(code, name, pos);
            match hit {
                Some(h) => pos = h + name.len(),
                None => break,
            }
        }
        let h = hit?;
        found = Some(h);
        from = h + name.len();
        skip = index.unwrap_or(0);
    }
    found.map(|offset| {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    })
}

pub(crate) fn find_key(code: &str, name: &str, from: usize) -> Option<usize> {
    let bytes = code.as_bytes();
    let mut start = from;
    while let Some(rel) = code.get(start..)?.find(name) {
        let at = start + rel;
        let before_ok = at == 0 || !is_ident(bytes[at - 1]);
        let mut k = at + name.len();
        let after_ident = k < bytes.len() && is_ident(bytes[k]);
        while k < bytes.len() && (bytes[k] == b' ' || bytes[k] == b'\t') {
            k += 1;
        }
        if before_ok && !after_ident && k < bytes.len() && bytes[k] == b':' {
            return Some(at);
        }
        start = at + name.len();
    }
    None
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Replace comments and string contents by spaces, keeping byte offsets.
pub(crate) fn blank_comments_and_strings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '/' if matches!(chars.peek(), Some((_, '/'))) => {
                out.push(' ');
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                    out.extend(std::iter::repeat_n(' ', c.len_utf8()));
                }
            }
            '/' if matches!(chars.peek(), Some((_, '*'))) => {
                out.push(' ');
                let mut prev = ' ';
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                    } else {
                        out.extend(std::iter::repeat_n(' ', c.len_utf8()));
                    }
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
            }
            '"' => {
                out.push('"');
                let mut escaped = false;
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                    } else if c == '"' && !escaped {
                        out.push('"');
                        break;
                    } else {
                        out.extend(std::iter::repeat_n(' ', c.len_utf8()));
                    }
                    escaped = c == '\\' && !escaped;
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Make a relative weather-file path of `s` (relative to the folder `from`) relative to `to`
/// instead, for a scenario written into another folder; absolute when the file is not below
/// `to`. The recorded SHA-256 is kept (it is the same file).
pub fn rebase_weather_path(s: &mut Scenario, from: &Path, to: &Path) {
    let Some(p) = s.weather.file_path().map(PathBuf::from) else {
        return;
    };
    if p.is_absolute() {
        return;
    }
    let real = |d: &Path| {
        std::fs::canonicalize(d)
            .or_else(|_| std::path::absolute(d))
            .unwrap_or_else(|_| d.to_path_buf())
    };
    let (from_abs, to_abs) = (real(from), real(to));
    if from_abs == to_abs {
        return;
    }
    let abs = from_abs.join(&p);
    let new = relative_path(&abs, &to_abs).unwrap_or(abs);
    let sha = s.weather.recorded_sha256().map(str::to_owned);
    s.weather = super::WeatherSource::file(new.display().to_string(), sha);
}

/// `target` as a path relative to the folder `from` (both absolute): `../../weather.csv`; `None`
/// when they share no root (another drive).
pub fn relative_path(target: &Path, from: &Path) -> Option<PathBuf> {
    use std::path::Component;
    fn normal(p: &Path) -> Vec<Component<'_>> {
        let mut out: Vec<Component<'_>> = Vec::new();
        for c in p.components() {
            match c {
                Component::CurDir => {}
                Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                    out.pop();
                }
                c => out.push(c),
            }
        }
        out
    }
    let (t, f) = (normal(target), normal(from));
    let common = t.iter().zip(&f).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..f.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c.as_os_str());
    }
    Some(out)
}

/// `value` as RON in the layout this program writes (no header comment). Older schemas' types
/// are written with it too, so that a migration can compare them with the current layout.
pub(crate) fn canonical_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .indentor("    ".to_owned())
        .struct_names(false)
        .separate_tuple_members(false);
    ron::ser::to_string_pretty(value, config)
}

/// The scenario as RON text in the layout this program writes.
pub fn to_ron_string(scenario: &Scenario) -> Result<String, ron::Error> {
    let body = canonical_ron(scenario)?;
    Ok(format!(
        "// dakhla-planner scenario (schema version {SCHEMA_VERSION}). Units are in the field names.\n{body}\n"
    ))
}

/// Write a scenario atomically (see [`crate::files::write_file`]).
pub fn save(scenario: &Scenario, path: &Path) -> std::io::Result<()> {
    let text = to_ron_string(scenario).map_err(std::io::Error::other)?;
    crate::files::write_file(path, |f| f.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_nested_indexed_fields_outside_comments() {
        let text = "(\n  // wind_farms: comment\n  wind_farms: [\n    (hub_height_m: 1),\n    (name: \"hub_height_m: x\", hub_height_m: 2),\n  ],\n)";
        assert_eq!(locate(text, "wind_farms"), Some((3, 3)));
        assert_eq!(locate(text, "wind_farms[0].hub_height_m"), Some((4, 6)));
        assert_eq!(locate(text, "wind_farms[1].hub_height_m"), Some((5, 31)));
        assert_eq!(locate(text, "wind_farms[2].hub_height_m"), None);
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_are_readable_by_the_team_and_keep_their_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.ron");
        save(&Scenario::dakhla_reference(), &f).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&f), 0o644);
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
        save(&Scenario::dakhla_reference(), &f).unwrap();
        assert_eq!(mode(&f), 0o640);
    }

    #[test]
    fn stale_temporaries_of_killed_writers_are_cleared_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".dakhla-save-killed.tmp");
        let fresh = dir.path().join(".dakhla-save-writing.tmp");
        let other = dir.path().join(".someone-else.tmp");
        for f in [&old, &fresh, &other] {
            std::fs::write(f, "partial").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        for f in [&old, &other] {
            std::fs::File::options()
                .write(true)
                .open(f)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        save(&Scenario::dakhla_reference(), &dir.path().join("a.ron")).unwrap();
        assert!(!old.exists());
        assert!(fresh.exists(), "a concurrent writer's file is left alone");
        assert!(other.exists(), "only this program's temporaries");
    }

    #[test]
    fn nearest_suggests_typo_fix() {
        assert_eq!(
            nearest("enrgy_mwh", &["energy_mwh", "power_mw"]),
            Some("energy_mwh")
        );
        assert_eq!(nearest("zzzzzzzz", &["energy_mwh", "power_mw"]), None);
    }

    #[test]
    fn a_file_far_larger_than_a_scenario_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("huge.ron");
        // A sparse file: 40 MB long without writing them.
        std::fs::File::create(&f)
            .unwrap()
            .set_len(40_000_000)
            .unwrap();
        let e = load(&f).unwrap_err().to_string();
        assert!(
            e.ends_with(
                "huge.ron: the file is 40.0 MB; a scenario file is a few kilobytes (at most \
                 16.0 MB are read): is this the right file?"
            ),
            "{e}"
        );
        let text = " ".repeat(MAX_SCENARIO_FILE_BYTES as usize + 1);
        let e = upgrade_str(&text, "big.ron").unwrap_err().to_string();
        assert!(e.starts_with("big.ron: the file is 16.0 MB"), "{e}");
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused_in_words() {
        // Far deeper than any stack allows with recursion, still an error. The typed reader
        // stops at the first bracket the schema has no place for, so nesting is bounded by the
        // schema's own depth (about 6) long before the MAX_NESTING guard would be needed.
        let text = format!("(schema_version: 2, site: {}", "(".repeat(1_000_000));
        let e = from_ron_str(&text, "deeper.ron").unwrap_err().to_string();
        assert_eq!(
            e,
            "deeper.ron:1:28: site: expected a name here (a field name, or a choice such as \
             GasTurbine), got ("
        );
        let lists = format!(
            "(schema_version: 2, datacenter: (rack_groups: {}{}))",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let e = from_ron_str(&lists, "lists.ron").unwrap_err().to_string();
        assert_eq!(
            e,
            "lists.ron:1:48: datacenter.rack_groups[0]: expected `(` here: the fields of this \
             entry go in parentheses, `(name: value, ...)`"
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("latin1.ron");
        std::fs::write(&f, b"(\n  meta: (name: \"Dakhla \xe9t\xe9\"),\n)").unwrap();
        let e = load(&f).unwrap_err().to_string();
        assert!(
            e.ends_with("latin1.ron:2:24: this character is not UTF-8 text; a scenario file is plain text: save it as UTF-8"),
            "{e}"
        );
    }
}
