//! Reading and writing scenario files.

use super::migrate::Upgraded;
use super::{SCHEMA_VERSION, Scenario};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

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
    #[error("{file}: cannot read the file: {source}")]
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
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    let base = base_dir(path);
    validated(parse_document(&text, &file)?, &text, &file, Some(&base))
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

/// The folder that relative paths in a scenario file are resolved against.
pub fn base_dir(scenario_path: &Path) -> PathBuf {
    match scenario_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
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
        version_problem(format!(
            "this file uses schema version {v} but this program reads versions up to \
             {SCHEMA_VERSION}; open it with a newer dakhla-planner"
        ))
    };
    let unknown = |v: u32| {
        version_problem(format!(
            "schema version must be 1 to {SCHEMA_VERSION}, got {v}"
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
            path,
            message,
            position: Some((line, col)),
        },
    };
    if text.trim().is_empty() {
        return Err(parse_err(
            1,
            1,
            String::new(),
            "the file is empty; a scenario file starts with `(` and holds schema_version, site, \
             weather, datacenter..."
                .to_owned(),
        ));
    }
    let options = ron::Options::default();
    let mut de = ron::Deserializer::from_str_with_options(text, &options).map_err(|e| {
        parse_err(
            e.span.start.line,
            e.span.start.col,
            String::new(),
            plain_ron_message(&e.code),
        )
    })?;
    let result: Result<T, serde_path_to_error::Error<ron::Error>> =
        serde_path_to_error::deserialize(&mut de);
    let scenario = match result {
        Ok(s) => s,
        Err(e) => {
            let path = clean_path(&e.path().to_string());
            let code = e.into_inner();
            let at_end = de.remainder().trim().is_empty();
            let spanned = de.span_error(code);
            let message = if at_end {
                "the file ends too early; it looks cut off (a bracket or parenthesis is not closed)"
                    .to_owned()
            } else {
                plain_ron_message(&spanned.code)
            };
            return Err(parse_err(
                spanned.span.start.line,
                spanned.span.start.col,
                path,
                message,
            ));
        }
    };
    if let Err(code) = de.end() {
        let spanned = de.span_error(code);
        return Err(parse_err(
            spanned.span.start.line,
            spanned.span.start.col,
            String::new(),
            "unexpected text after the end of the scenario".to_owned(),
        ));
    }
    Ok(scenario)
}

/// serde_path_to_error writes `?` for unknown positions; drop such segments.
fn clean_path(path: &str) -> String {
    if path == "." || path == "?" {
        return String::new();
    }
    path.trim_end_matches(".?").replace(".?", "").to_owned()
}

/// Reword RON's messages where they would puzzle a planner.
fn plain_ron_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected, found, ..
        } => {
            let suggestion = nearest(found, expected);
            match suggestion {
                Some(s) => format!(
                    "unknown field `{found}`; did you mean `{s}`? Allowed here: {}",
                    expected.join(", ")
                ),
                None => format!(
                    "unknown field `{found}`; allowed here: {}",
                    expected.join(", ")
                ),
            }
        }
        E::MissingStructField { field, .. } => {
            format!("the field `{field}` is missing and has no default; add it")
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not one of the allowed choices: {}",
            expected.join(", ")
        ),
        E::DuplicateStructField { field, .. } => {
            format!("the field `{field}` appears twice; keep one")
        }
        E::Eof => {
            "the file ends too early; a bracket or parenthesis is probably not closed".to_owned()
        }
        E::IntegerOutOfBounds => {
            "must be a whole number, 0 or more and not absurdly large".to_owned()
        }
        E::ExpectedInteger => "expected a whole number here (no decimal point)".to_owned(),
        E::ExpectedFloat => "expected a number here".to_owned(),
        E::ExpectedString => "expected text in double quotes here".to_owned(),
        E::ExpectedBoolean => "expected true or false here".to_owned(),
        E::ExpectedComma => {
            "expected a comma between two entries (or a closing bracket)".to_owned()
        }
        E::ExpectedOption => "expected Some(value) or None here".to_owned(),
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

/// Attach file positions to validation problems by finding their field paths in the text.
fn located(text: &str, issues: Vec<super::Issue>) -> Vec<Problem> {
    issues
        .into_iter()
        .map(|i| Problem {
            position: locate(text, &i.path),
            path: i.path,
            message: i.message,
        })
        .collect()
}

/// Best-effort position of a field path such as `wind_farms[1].hub_height_m`: each name is
/// searched as `name:` after the previous match, outside comments and strings; an index `[k]`
/// skips to the (k+1)-th occurrence of the next name.
pub(crate) fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let code = blank_comments_and_strings(text);
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
            hit = find_key(&code, name, pos);
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
        let before = &text[..offset];
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

/// The scenario as RON text in the layout this program writes.
pub fn to_ron_string(scenario: &Scenario) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .indentor("    ".to_owned())
        .struct_names(false)
        .separate_tuple_members(false);
    let body = ron::ser::to_string_pretty(scenario, config)?;
    Ok(format!(
        "// dakhla-planner scenario (schema version {SCHEMA_VERSION}). Units are in the field names.\n{body}\n"
    ))
}

/// Write a scenario atomically (see [`write_atomically`]).
pub fn save(scenario: &Scenario, path: &Path) -> std::io::Result<()> {
    let text = to_ron_string(scenario).map_err(std::io::Error::other)?;
    write_atomically(path, |f| f.write_all(text.as_bytes()))
}

/// Write a file atomically: `write` fills a temporary file in the same folder, which is flushed
/// to disk and then renamed over `path`, so a crash leaves either the old or the new file, never
/// a torn one. Every file the program writes goes through here.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = base_dir(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".dakhla-save-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    // The temporary file is private to its owner; the saved file keeps the permissions of the
    // file it replaces, or gets the usual ones (read for all) so that a shared folder's other
    // users can open it.
    match std::fs::metadata(path) {
        Ok(m) => tmp.as_file().set_permissions(m.permissions())?,
        Err(_) => set_usual_permissions(tmp.as_file())?,
    }
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn set_usual_permissions(f: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_usual_permissions(_: &std::fs::File) -> std::io::Result<()> {
    // Elsewhere a new file's access follows its folder.
    Ok(())
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
    fn nearest_suggests_typo_fix() {
        assert_eq!(
            nearest("enrgy_mwh", &["energy_mwh", "power_mw"]),
            Some("energy_mwh")
        );
        assert_eq!(nearest("zzzzzzzz", &["energy_mwh", "power_mw"]), None);
    }
}
