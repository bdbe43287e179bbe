//! `--set path=value` overrides for scripts: any field path, as `check` and the error messages
//! name it (`battery.energy_mwh`, `wind_farms[0].turbine_count`), set to a value and then
//! validated exactly as if it had been read from the file.

use super::Scenario;
use serde_json::Value;

/// Longest `path=value` assignment read [bytes]: room for a whole list (a power curve, the
/// sensitivity cases) written out.
pub const MAX_OVERRIDE_LEN: usize = 65_536;
/// Most parts in a field path (`wind_farms[0].turbine.rated_kw` has 4).
pub const MAX_PATH_PARTS: usize = 16;
/// Deepest nesting of brackets in a value (a scenario nests about 6 levels deep).
pub const MAX_VALUE_NESTING: usize = 32;

/// One parsed segment of a field path.
enum Segment<'a> {
    Field(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Result<Vec<Segment<'_>>, String> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty() && out.is_empty() {
            return Err(format!(
                "`{path}` is not a field path (e.g. battery.energy_mwh)"
            ));
        }
        if !name.is_empty() {
            out.push(Segment::Field(name));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| format!("`{path}`: a `[` without its `]`"))?;
            let index = r[..end]
                .trim()
                .parse()
                .map_err(|_| format!("`{path}`: `[{}]` is not a list position", &r[..end]))?;
            out.push(Segment::Index(index));
            rest = &r[end + 1..];
            if out.len() > MAX_PATH_PARTS {
                break;
            }
        }
        if out.len() > MAX_PATH_PARTS {
            return Err(format!(
                "`{}` has more than {MAX_PATH_PARTS} parts; a field path is a few names deep \
                 (e.g. wind_farms[0].turbine.rated_kw)",
                crate::text::shorten(path)
            ));
        }
        if !rest.is_empty() {
            return Err(format!(
                "`{path}` is not a field path (e.g. wind_farms[0].turbine_count)"
            ));
        }
    }
    Ok(out)
}

/// The value text as data: a JSON literal (number, true/false, "string"), `None`, `Some(x)`,
/// else the text itself (an enum variant such as `It` or a name).
fn parse_value(text: &str) -> Value {
    let mut t = text.trim();
    while let Some(inner) = t.strip_prefix("Some(").and_then(|x| x.strip_suffix(')')) {
        t = inner.trim();
    }
    if t == "None" {
        return Value::Null;
    }
    serde_json::from_str(t).unwrap_or_else(|_| Value::String(t.to_owned()))
}

/// Deepest nesting of `[`, `{` and `(` in `text`, outside double-quoted strings.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut quoted, mut escaped) = (false, false);
    for c in text.chars() {
        if quoted {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => quoted = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            '[' | '{' | '(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ']' | '}' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// `scenario` with one `path=value` assignment applied and the result validated. The error says
/// which override and what is wrong, in the words `check` uses.
pub fn apply_override(scenario: &Scenario, assignment: &str) -> Result<Scenario, String> {
    if assignment.len() > MAX_OVERRIDE_LEN {
        return Err(format!(
            "--set {}: the assignment is {} characters long; an override is a path=value such \
             as battery.energy_mwh=4000, at most {MAX_OVERRIDE_LEN} characters",
            crate::text::shorten(assignment),
            assignment.chars().count()
        ));
    }
    let (path, value) = assignment.split_once('=').ok_or_else(|| {
        format!("--set {assignment}: expected path=value, e.g. battery.energy_mwh=4000")
    })?;
    let path = path.trim();
    let fail = |msg: String| format!("--set {assignment}: {path}: {msg}");
    let mut root = serde_json::to_value(scenario).map_err(|e| fail(e.to_string()))?;
    let mut here = &mut root;
    let mut walked = String::new();
    for seg in segments(path).map_err(|e| format!("--set {assignment}: {e}"))? {
        match seg {
            Segment::Field(name) => {
                // Step through an enum's variant (`weather.seed` inside `Synthetic(...)`).
                let variant = matches!(&*here, Value::Object(map)
                    if !map.contains_key(name)
                        && map.len() == 1
                        && map.keys().all(|k| k.starts_with(|c: char| c.is_ascii_uppercase())));
                if variant {
                    let tmp = here;
                    here = match tmp {
                        Value::Object(map) => map.values_mut().next().expect("one entry"),
                        other => other,
                    };
                }
                let Value::Object(map) = here else {
                    return Err(fail(format!("`{walked}` has no fields")));
                };
                if !map.contains_key(name) {
                    let names: Vec<&str> = map.keys().map(String::as_str).collect();
                    let hint = super::io::nearest(name, &names)
                        .map(|n| format!("did you mean `{n}`? "))
                        .unwrap_or_default();
                    return Err(fail(format!(
                        "unknown field `{name}`; {hint}Allowed here: {}",
                        names.join(", ")
                    )));
                }
                here = map.get_mut(name).expect("checked");
                if !walked.is_empty() {
                    walked.push('.');
                }
                walked.push_str(name);
            }
            Segment::Index(i) => {
                let Value::Array(list) = here else {
                    return Err(fail(format!("`{walked}` is not a list")));
                };
                let len = list.len();
                here = list.get_mut(i).ok_or_else(|| {
                    fail(format!(
                        "`{walked}` has {len} entr{}; positions start at 0",
                        if len == 1 { "y" } else { "ies" }
                    ))
                })?;
                walked.push_str(&format!("[{i}]"));
            }
        }
    }
    if nesting_depth(value) > MAX_VALUE_NESTING {
        return Err(fail(format!(
            "the value's brackets are nested deeper than {MAX_VALUE_NESTING} levels; a \
             scenario's values nest a few levels deep"
        )));
    }
    *here = parse_value(value);
    let s: Scenario = serde_path_to_error::deserialize(root).map_err(|e| {
        fail(format!(
            "{} is not a valid value here: {}",
            value.trim(),
            e.inner()
        ))
    })?;
    let issues = s.validate(None);
    if !issues.is_empty() {
        let all: Vec<String> = issues
            .iter()
            .map(|i| format!("{}: {}", i.path, i.message))
            .collect();
        return Err(format!("--set {assignment}: {}", all.join("; ")));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_reach_fields_list_entries_and_enum_payloads() {
        let s = Scenario::dakhla_reference();
        let t = apply_override(&s, "battery.energy_mwh=4000").unwrap();
        assert_eq!(t.battery.energy_mwh, 4000.0);
        let t = apply_override(&s, "wind_farms[0].turbine_count=120").unwrap();
        assert_eq!(t.wind_farms[0].turbine_count, 120);
        let t = apply_override(&s, "targets.min_cfe_score=0.95").unwrap();
        assert_eq!(t.targets.min_cfe_score, Some(0.95));
        let t = apply_override(&t, "targets.min_cfe_score=None").unwrap();
        assert_eq!(t.targets.min_cfe_score, None);
        let t = apply_override(&s, "weather.seed=7").unwrap();
        assert!(matches!(
            t.weather,
            crate::scenario::WeatherSource::Synthetic { seed: 7, .. }
        ));
        let t = apply_override(&s, "datacenter.cap_applies_to=It").unwrap();
        assert_eq!(t.datacenter.cap_applies_to, crate::scenario::CapBasis::It);
        let t = apply_override(&s, "meta.name=\"Team B\"").unwrap();
        assert_eq!(t.meta.name, "Team B");
    }

    #[test]
    fn bad_overrides_say_where_and_what() {
        let s = Scenario::dakhla_reference();
        let e = apply_override(&s, "battery.energy_mwhh=1").unwrap_err();
        assert!(
            e.contains("unknown field `energy_mwhh`; did you mean `energy_mwh`?"),
            "{e}"
        );
        let e = apply_override(&s, "battery.round_trip_eff=1.2").unwrap_err();
        assert!(
            e.contains("battery.round_trip_eff: must be between 0 and 1"),
            "{e}"
        );
        let e = apply_override(&s, "wind_farms[3].turbine_count=1").unwrap_err();
        assert!(e.contains("`wind_farms` has 1 entry"), "{e}");
        let e = apply_override(&s, "wind_farms[0].turbine_count=many").unwrap_err();
        assert!(e.contains("many is not a valid value here"), "{e}");
        let e = apply_override(&s, "battery.energy_mwh").unwrap_err();
        assert!(e.contains("expected path=value"), "{e}");
        let e = apply_override(&s, "battery.energy_mwh=NaN").unwrap_err();
        assert!(e.contains("not a valid value"), "{e}");
    }

    #[test]
    fn absurd_assignments_are_refused_in_words() {
        let s = Scenario::dakhla_reference();
        let long = format!("meta.notes=\"{}\"", "x".repeat(MAX_OVERRIDE_LEN));
        let e = apply_override(&s, &long).unwrap_err();
        assert!(
            e.contains("the assignment is 65549 characters long")
                && e.contains("at most 65536 characters"),
            "{e}"
        );
        let deep_path = format!("wind_farms{}.turbine_count=1", "[0]".repeat(40));
        let e = apply_override(&s, &deep_path).unwrap_err();
        assert!(e.contains("has more than 16 parts"), "{e}");
        let e = apply_override(&s, &format!("{}=1", ["battery"; 20].join("."))).unwrap_err();
        assert!(e.contains("has more than 16 parts"), "{e}");
        let deep_value = format!(
            "optimizer.sensitivities={}{}",
            "[".repeat(40),
            "]".repeat(40)
        );
        let e = apply_override(&s, &deep_value).unwrap_err();
        assert!(e.contains("nested deeper than 32 levels"), "{e}");
        // Brackets inside a quoted name do not count.
        let t = apply_override(&s, &format!("meta.name=\"{}\"", "[".repeat(40))).unwrap();
        assert_eq!(t.meta.name, "[".repeat(40));
        // Some(...) wrapped absurdly often is refused in words, never a stack overflow.
        let wrapped = format!(
            "battery.energy_mwh={}4000{}",
            "Some(".repeat(10_000),
            ")".repeat(10_000)
        );
        let e = apply_override(&s, &wrapped).unwrap_err();
        assert!(
            e.contains("nested deeper than 32 levels"),
            "{}",
            &e[e.len() - 120..]
        );
    }
}
