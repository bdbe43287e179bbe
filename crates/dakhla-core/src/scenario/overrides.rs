//! `--set path=value` overrides for scripts: any field path, as `check` and the error messages
//! name it (`battery.energy_mwh`, `wind_farms[0].turbine_count`), set to a value and then
//! validated exactly as if it had been read from the file.

use super::Scenario;
use dakhla_i18n::tr;
use serde_json::Value;

/// Longest `path=value` assignment read [bytes]: room for a whole list (a power curve, the
/// sensitivity cases) written out.
pub const MAX_OVERRIDE_LEN: usize = 65_536;
/// Most parts in a field path (`wind_farms[0].turbine.rated_kw` has 4).
pub const MAX_PATH_PARTS: usize = 16;
/// Deepest nesting of brackets in a value (a scenario nests about 6 levels deep).
pub const MAX_VALUE_NESTING: usize = 32;

/// Optional fields the scenario writes only when they are set (`None` is left out of the file
/// and of the tree `--set` walks).
const OPTIONAL_FIELDS: [&str; 11] = [
    "online_from",
    "max_wue_l_per_kwh",
    "flexibility",
    "ramp_frac_per_h",
    "flexible_share_frac",
    "ramadan_utc_offset_h",
    "available_from",
    "export_capacity_mw",
    "export_price_per_mwh",
    "capacity_m3_per_day",
    "sha256",
];

/// Fields of `datacenter` with a default the scenario does not write
/// (`heat_rejection: DryCoolers`, the default `water_supply`), and that default as the tree
/// holds it: `--set` adds them where they belong.
pub(crate) fn defaulted_fields() -> [(&'static str, Value); 2] {
    [
        ("heat_rejection", Value::String("DryCoolers".to_owned())),
        (
            "water_supply",
            serde_json::to_value(super::WaterSupply::default()).unwrap_or_default(),
        ),
    ]
}

/// One parsed segment of a field path.
enum Segment<'a> {
    Field(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Result<Vec<Segment<'_>>, String> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => part.split_at(i),
            None => (part, ""),
        };
        if name.is_empty() && out.is_empty() {
            return Err(tr!(
                "core-set-not-a-path",
                path = crate::text::shorten(path),
                example = "battery.energy_mwh"
            ));
        }
        if !name.is_empty() {
            out.push(Segment::Field(name));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| {
                tr!(
                    "core-set-unclosed-bracket",
                    path = crate::text::shorten(path)
                )
            })?;
            let inside = r.get(..end).unwrap_or("");
            let index = inside.trim().parse().map_err(|_| {
                tr!(
                    "core-set-not-a-position",
                    path = crate::text::shorten(path),
                    index = crate::text::shorten(inside)
                )
            })?;
            out.push(Segment::Index(index));
            rest = r.get(end + 1..).unwrap_or("");
            if out.len() > MAX_PATH_PARTS {
                break;
            }
        }
        if out.len() > MAX_PATH_PARTS {
            return Err(tr!(
                "core-set-path-too-deep",
                path = crate::text::shorten(path),
                max = MAX_PATH_PARTS.to_string()
            ));
        }
        if !rest.is_empty() {
            return Err(tr!(
                "core-set-not-a-path",
                path = crate::text::shorten(path),
                example = "wind_farms[0].turbine_count"
            ));
        }
    }
    Ok(out)
}

/// The value text as data, written as in a scenario file (RON: `4000`, `true`, `"text"`,
/// `None`, `Some(x)`, `[..]`, `(name: .., ..)`, a choice such as `It` or
/// `Between(min: 0, max: 1e6)`), or as JSON; else the text itself (a name).
fn parse_value(text: &str) -> Value {
    let t = text.trim();
    let mut ron = RonValue { text: t, at: 0 };
    if let Some(v) = ron.value()
        && ron.rest().is_empty()
    {
        return v;
    }
    serde_json::from_str(t).unwrap_or_else(|_| Value::String(t.to_owned()))
}

/// A reader of RON value syntax into the JSON tree serde writes for the same data: a struct is
/// an object, a unit choice its name, a choice with data `{"Name": data}`, `Some(x)` is `x`,
/// `None` is null, a tuple a list. Nesting is bounded by the caller.
struct RonValue<'a> {
    text: &'a str,
    at: usize,
}

impl RonValue<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.at..).unwrap_or("").trim_start()
    }

    fn skip_ws(&mut self) {
        let rest = self.text.get(self.at..).unwrap_or("");
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.rest().starts_with(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Option<&str> {
        self.skip_ws();
        let rest = self.text.get(self.at..)?;
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if len == 0 || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        self.at += len;
        rest.get(..len)
    }

    fn value(&mut self) -> Option<Value> {
        self.skip_ws();
        let rest = self.rest();
        let first = rest.chars().next()?;
        match first {
            '"' => self.string(),
            '[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    if self.eat(']') {
                        return Some(Value::Array(items));
                    }
                    items.push(self.value()?);
                    if !self.eat(',') {
                        return self.eat(']').then_some(Value::Array(items));
                    }
                }
            }
            '(' => {
                self.at += 1;
                self.parenthesized()
            }
            c if c == '-' || c == '+' || c == '.' || c.is_ascii_digit() => self.number(),
            _ => {
                let name = self.ident()?.to_owned();
                match name.as_str() {
                    "true" => return Some(Value::Bool(true)),
                    "false" => return Some(Value::Bool(false)),
                    "None" => return Some(Value::Null),
                    _ => {}
                }
                if !self.eat('(') {
                    return Some(Value::String(name));
                }
                let inner = self.parenthesized()?;
                if name == "Some" {
                    return Some(inner);
                }
                // `CoolingTower(())`: a choice whose data is a struct left at its defaults
                // (a choice without data is written by its name alone).
                let inner = match inner {
                    Value::Null => Value::Object(serde_json::Map::new()),
                    v => v,
                };
                let mut map = serde_json::Map::new();
                map.insert(name, inner);
                Some(Value::Object(map))
            }
        }
    }

    /// After `(`: fields `name: value, ...` (an object), or values (one value, or a list).
    fn parenthesized(&mut self) -> Option<Value> {
        let save = self.at;
        let is_struct = self.ident().is_some() && self.eat(':');
        self.at = save;
        if is_struct {
            let mut map = serde_json::Map::new();
            loop {
                if self.eat(')') {
                    return Some(Value::Object(map));
                }
                let key = self.ident()?.to_owned();
                if !self.eat(':') {
                    return None;
                }
                let v = self.value()?;
                map.insert(key, v);
                if !self.eat(',') {
                    return self.eat(')').then_some(Value::Object(map));
                }
            }
        }
        let mut items = Vec::new();
        let mut trailing_comma = false;
        loop {
            if self.eat(')') {
                break;
            }
            items.push(self.value()?);
            trailing_comma = self.eat(',');
            if !trailing_comma {
                if !self.eat(')') {
                    return None;
                }
                break;
            }
        }
        match items.len() {
            0 => Some(Value::Null),
            1 if !trailing_comma => items.pop(),
            _ => Some(Value::Array(items)),
        }
    }

    fn number(&mut self) -> Option<Value> {
        let rest = self.text.get(self.at..)?;
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E' | '_')))
            .unwrap_or(rest.len());
        let raw: String = rest.get(..len)?.chars().filter(|c| *c != '_').collect();
        let raw = raw.strip_prefix('+').unwrap_or(&raw);
        let v: Value = serde_json::from_str(raw).ok().or_else(|| {
            // RON also writes `1.` and `.5`.
            raw.parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(|f| serde_json::json!(f))
        })?;
        self.at += len;
        v.is_number().then_some(v)
    }

    fn string(&mut self) -> Option<Value> {
        let rest = self.text.get(self.at..)?;
        let mut escaped = false;
        let mut end = None;
        for (i, c) in rest.char_indices().skip(1) {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let end = end?;
        let inner = rest.get(1..end)?;
        self.at += end + 1;
        Some(Value::String(unescape_ron(inner)?))
    }
}

/// The text of a RON string's inside with its escapes read (`\\n`, `\\t`, `\\"`, `\\\\`,
/// `\\u{1F600}`...); `None` for an unknown escape.
fn unescape_ron(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            'u' => {
                let rest = chars.as_str();
                let hex = rest.strip_prefix('{')?.split('}').next()?;
                let code = u32::from_str_radix(hex, 16).ok()?;
                out.push(char::from_u32(code)?);
                chars = rest.get(hex.len() + 2..)?.chars();
            }
            _ => return None,
        }
    }
    Some(out)
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
    apply_overrides(scenario, &[assignment])
}

/// `scenario` with every `path=value` assignment applied, then validated once: values are
/// checked together, so the order of the assignments never matters (setting
/// `battery.soc_min_frac` above the old `soc_max_frac` and then raising `soc_max_frac` works
/// in either order). A type error names its assignment; a validation problem names the
/// assignments that set that field (or a field around it).
pub fn apply_overrides<S: AsRef<str>>(
    scenario: &Scenario,
    assignments: &[S],
) -> Result<Scenario, String> {
    if assignments.is_empty() {
        return Ok(scenario.clone());
    }
    // Each field once: a second assignment of a field (or of a part of it) would silently win
    // by its place on the command line.
    let mut given: Vec<(String, &str)> = Vec::new();
    for a in assignments {
        let a = a.as_ref();
        let path: String = a
            .split_once('=')
            .map_or(a, |(p, _)| p)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if let Some((_, other)) = given.iter().find(|(p, _)| related(p, &path)) {
            return Err(tr!(
                "core-set-twice",
                assignment = crate::text::shorten_to(a, 200),
                path = crate::text::shorten(&path),
                other = crate::text::shorten_to(other, 200)
            ));
        }
        given.push((path, a));
    }
    let mut root = serde_json::to_value(scenario).map_err(|e| e.to_string())?;
    let mut paths = Vec::with_capacity(assignments.len());
    let mut typed = None;
    for a in assignments {
        let a = a.as_ref();
        let path = assign(&mut root, a)?;
        // Each value must have the field's type (checked now, so the message names it).
        let s: Scenario = serde_path_to_error::deserialize(&root).map_err(|e| {
            let value = a.split_once('=').map_or("", |(_, v)| v).trim();
            // The reason is serde's, in English ("invalid type: string \"many\", expected u32").
            tr!(
                "core-set-invalid-value",
                assignment = crate::text::shorten_to(a, 200),
                path = path.as_str(),
                value = crate::text::shorten(value),
                reason = crate::text::shorten_to(&e.inner().to_string(), 200)
            )
        })?;
        typed = Some(s);
        paths.push((path, a));
    }
    let s = typed.unwrap_or_else(|| scenario.clone());
    let issues = s.validate(None);
    if issues.is_empty() {
        return Ok(s);
    }
    let lines: Vec<String> = issues
        .iter()
        .map(|i| {
            // The assignments that touch this field: the same path, a parent or a child.
            let by: Vec<&str> = paths
                .iter()
                .filter(|(p, _)| related(p, &i.path))
                .map(|(_, a)| *a)
                .collect();
            let by_text = match by.as_slice() {
                [] if paths.len() == 1 => crate::text::shorten_to(paths[0].1, 200),
                [] => {
                    return tr!(
                        "core-set-after-overrides",
                        path = i.path.as_str(),
                        problem = i.message.as_str()
                    );
                }
                _ => by
                    .iter()
                    .map(|a| crate::text::shorten_to(a, 200))
                    .collect::<Vec<_>>()
                    .join(", --set "),
            };
            tr!(
                "core-set-field-problem",
                assignment = by_text,
                path = i.path.as_str(),
                problem = i.message.as_str()
            )
        })
        .collect();
    Err(lines.join("\n"))
}

/// Whether field paths `a` and `b` are the same, or one lies inside the other.
fn related(a: &str, b: &str) -> bool {
    let inside = |outer: &str, inner: &str| {
        inner == outer
            || inner
                .strip_prefix(outer)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    };
    inside(a, b) || inside(b, a)
}

/// Apply one `path=value` assignment to the scenario's JSON tree; returns the path as written
/// (trimmed).
fn assign(root: &mut Value, assignment: &str) -> Result<String, String> {
    if assignment.len() > MAX_OVERRIDE_LEN {
        return Err(tr!(
            "core-set-too-long",
            assignment = crate::text::shorten(assignment),
            length = assignment.len().to_string(),
            max = MAX_OVERRIDE_LEN.to_string()
        ));
    }
    let shown = crate::text::shorten_to(assignment, 200);
    let (path, value) = assignment
        .split_once('=')
        .ok_or_else(|| tr!("core-set-no-equals", assignment = shown.as_str()))?;
    let path = path.trim();
    let fail = |msg: String| {
        tr!(
            "core-set-field-problem",
            assignment = shown.as_str(),
            path = crate::text::shorten(path),
            problem = msg
        )
    };
    // Scripts written for schema 3 name costs with `usd` (`capex_usd_per_kw`): in a USD
    // scenario that is the same field; in another currency the number would change meaning,
    // so it is refused with the field's name now.
    let renamed = path.rsplit('.').next().and_then(|last| {
        super::migrate::RENAMED_MONEY_FIELDS
            .iter()
            .find(|(old, _)| *old == last)
    });
    let owned_path;
    let path = match renamed {
        Some((old, new)) => {
            let currency = root
                .pointer("/economics/currency")
                .and_then(Value::as_str)
                .unwrap_or("USD");
            if currency != "USD" {
                return Err(fail(tr!(
                    "money-set-usd-name",
                    currency = currency,
                    old = *old,
                    new = *new
                )));
            }
            owned_path = format!("{}{new}", &path[..path.len() - old.len()]);
            owned_path.as_str()
        }
        None => path,
    };
    if path == "schema_version" {
        return Err(fail(tr!("core-set-schema-version")));
    }
    let segs = segments(path)
        .map_err(|e| tr!("core-set-problem", assignment = shown.as_str(), problem = e))?;
    let last = segs.len().saturating_sub(1);
    // An optional field left out of the file (`None`) is not in the tree: it may be set whole.
    let last_name = match segs.last() {
        Some(Segment::Field(n)) => Some(*n),
        _ => None,
    };
    let mut here = root;
    let mut walked = String::new();
    for (k, seg) in segs.into_iter().enumerate() {
        match seg {
            Segment::Field(name) => {
                // Step through an enum's variant (`weather.seed` inside `Synthetic(...)`).
                let variant = matches!(&*here, Value::Object(map)
                    if !map.contains_key(name)
                        && map.len() == 1
                        && map.keys().all(|k| k.starts_with(|c: char| c.is_ascii_uppercase())));
                if variant && let Value::Object(map) = here {
                    here = match map.values_mut().next() {
                        Some(inner) => inner,
                        None => {
                            return Err(fail(tr!("core-set-no-fields", path = walked.as_str())));
                        }
                    };
                }
                let Value::Object(map) = here else {
                    return Err(fail(tr!("core-set-no-fields", path = walked.as_str())));
                };
                if !map.contains_key(name)
                    && k == last
                    && last_name == Some(name)
                    && OPTIONAL_FIELDS.contains(&name)
                {
                    // A field written only when set (`online_from`, `sha256`): added here; the
                    // type check that follows says whether it belongs.
                    map.insert(name.to_owned(), Value::Null);
                }
                if !map.contains_key(name)
                    && map.contains_key("cooling")
                    && let Some((_, default)) =
                        defaulted_fields().into_iter().find(|(f, _)| *f == name)
                {
                    // Written only when not the default: the default is what the file means.
                    map.insert(name.to_owned(), default);
                }
                if !map.contains_key(name) && k != last && OPTIONAL_FIELDS.contains(&name) {
                    // Inside an optional field that is not set (`online_from.month` of a group
                    // online all year): there is no month to change, only a whole value to set.
                    let example = match name {
                        "flexibility" => "Some((share_frac: 0.2, window_h: 24))",
                        _ => "Some((year: 2029, month: 7))",
                    };
                    return Err(fail(tr!(
                        "core-set-optional-unset",
                        field = name,
                        path =
                            format!("{walked}{}{name}", if walked.is_empty() { "" } else { "." }),
                        example = example
                    )));
                }
                if !map.contains_key(name) {
                    let mut names: Vec<&str> = map.keys().map(String::as_str).collect();
                    if names.contains(&"cooling") {
                        for (defaulted, _) in defaulted_fields() {
                            if !names.contains(&defaulted) {
                                names.push(defaulted);
                            }
                        }
                    }
                    if names.contains(&"kw_per_rack") {
                        for optional in ["online_from", "flexibility"] {
                            if !names.contains(&optional) {
                                names.push(optional);
                            }
                        }
                    }
                    if names.contains(&"share_frac") && !names.contains(&"ramp_frac_per_h") {
                        names.push("ramp_frac_per_h");
                    }
                    if names.contains(&"utc_offset_h") && !names.contains(&"ramadan_utc_offset_h") {
                        names.push("ramadan_utc_offset_h");
                    }
                    if names.contains(&"unit_count") {
                        for optional in [
                            "export_capacity_mw",
                            "export_price_per_mwh",
                            "available_from",
                        ] {
                            if !names.contains(&optional) {
                                names.push(optional);
                            }
                        }
                    }
                    let (found, allowed) = (crate::text::shorten(name), names.join(", "));
                    return Err(fail(match super::io::nearest(name, &names) {
                        Some(n) => tr!(
                            "core-unknown-field-suggest",
                            found = found,
                            suggestion = n,
                            allowed = allowed
                        ),
                        None => tr!("core-set-unknown-field", found = found, allowed = allowed),
                    }));
                }
                here = match map.get_mut(name) {
                    Some(v) => v,
                    None => {
                        return Err(fail(tr!("core-set-unknown-field-alone", found = name)));
                    }
                };
                if !walked.is_empty() {
                    walked.push('.');
                }
                walked.push_str(name);
            }
            Segment::Index(i) => {
                let Value::Array(list) = here else {
                    return Err(fail(tr!("core-set-not-a-list", path = walked.as_str())));
                };
                let len = list.len();
                here = list.get_mut(i).ok_or_else(|| {
                    fail(tr!(
                        "core-set-no-such-position",
                        path = walked.as_str(),
                        count = len
                    ))
                })?;
                walked.push_str(&format!("[{i}]"));
            }
        }
    }
    if nesting_depth(value) > MAX_VALUE_NESTING {
        return Err(fail(tr!(
            "core-set-value-too-deep",
            max = MAX_VALUE_NESTING.to_string()
        )));
    }
    *here = parse_value(value);
    Ok(path.to_owned())
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
        // A choice whose data is a struct at its defaults, written as in a file.
        let t = apply_override(&s, "datacenter.heat_rejection=CoolingTower(())").unwrap();
        assert_eq!(
            t.datacenter.heat_rejection,
            crate::scenario::HeatRejection::CoolingTower(Default::default())
        );
        let t = apply_override(&s, "datacenter.water_supply=Allocation(())").unwrap();
        assert_eq!(
            t.datacenter.water_supply,
            crate::scenario::WaterSupply::Allocation(Default::default())
        );
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
            e.contains("battery.round_trip_eff: must be between 0.2 and 1"),
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
            e.contains("the assignment is 65549 bytes long") && e.contains("at most 65536 bytes"),
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
