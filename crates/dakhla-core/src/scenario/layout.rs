//! Writing a scenario back into the text it was read from, keeping the author's comments and
//! layout.
//!
//! A planner's file is more than its values: comments explain why a figure was chosen, and the
//! order and grouping of fields are the team's. When the program writes a scenario it edited
//! (Save, Save As, `optimize --save`, recovery copies), it changes only the values that changed,
//! in place, as a careful colleague would with a text editor.
//!
//! How: the old and the new scenario are both serialized in the canonical layout
//! ([`to_ron_string`](super::to_ron_string)), and the two canonical texts are compared node by
//! node (struct fields by name, list items by a longest common subsequence). Each difference is
//! applied to the original text at the matching node: a changed value is replaced, a field that
//! is new is added after its siblings with their indentation, a list item is inserted or removed
//! with the comments above it. Everything else (comments, blank lines, field order, number
//! spelling such as `1_300` or `500.0`) stays byte for byte.
//!
//! The edited text is parsed again and must give exactly the new scenario; where it does not
//! (formatting this module does not understand), [`keep_layout`] returns `None` and the caller
//! writes the canonical layout and says so.

use super::Scenario;
use super::io::{blank_comments_and_strings, parse_as};

/// A value in RON text: a leaf (number, string, unit variant) or a bracketed group, which may
/// carry a name before its opening bracket (`Some(..)`, `Synthetic(..)`).
#[derive(Debug)]
struct Node {
    /// Byte range of the whole value, name included.
    start: usize,
    end: usize,
    group: Option<Group>,
}

#[derive(Debug)]
struct Group {
    /// The name before the bracket (may be empty).
    name: (usize, usize),
    /// `(`, `[` or `{`.
    open_char: u8,
    /// Position of the opening and of the closing bracket.
    open: usize,
    close: usize,
    items: Vec<Item>,
}

#[derive(Debug)]
struct Item {
    /// Field name, for struct-like groups.
    key: Option<(usize, usize)>,
    value: Node,
    /// Start of the item (its key, else its value).
    start: usize,
    /// End of the item, after its comma when it has one.
    end: usize,
    has_comma: bool,
}

/// A small parser over text whose comments and string contents are blanked (same byte
/// positions as the original), enough to find the nodes of RON values.
struct Parser<'a> {
    code: &'a [u8],
    pos: usize,
    depth: usize,
}

/// Deeper nesting than this is not followed (the scenario's is under 10).
const MAX_DEPTH: usize = 64;

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.code.len() && self.code[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.code.get(self.pos).copied()
    }

    fn ident(&mut self) -> Option<(usize, usize)> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'#')
        {
            self.pos += 1;
        }
        (self.pos > start).then_some((start, self.pos))
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_ws();
        let start = self.pos;
        let c = self.peek()?;
        if matches!(c, b'(' | b'[' | b'{') {
            let group = self.group((start, start))?;
            return Some(Node {
                start,
                end: self.pos,
                group: Some(group),
            });
        }
        if c == b'"' {
            // Contents are blanked: the next quote closes the string.
            let close = self.code[start + 1..].iter().position(|&b| b == b'"')?;
            self.pos = start + 1 + close + 1;
            return Some(Node {
                start,
                end: self.pos,
                group: None,
            });
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let name = self.ident()?;
            let after = self.pos;
            self.skip_ws();
            if self.peek() == Some(b'(') {
                let group = self.group(name)?;
                return Some(Node {
                    start,
                    end: self.pos,
                    group: Some(group),
                });
            }
            self.pos = after;
            return Some(Node {
                start,
                end: after,
                group: None,
            });
        }
        // A number, a char or anything else: up to a separator.
        while self
            .peek()
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b',' | b')' | b']' | b'}'))
        {
            self.pos += 1;
        }
        (self.pos > start).then_some(Node {
            start,
            end: self.pos,
            group: None,
        })
    }

    /// A bracketed group at `self.pos` (the opening bracket).
    fn group(&mut self, name: (usize, usize)) -> Option<Group> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let open = self.pos;
        let open_char = self.code[open];
        let close_char = match open_char {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            match self.peek()? {
                c if c == close_char => break,
                _ => {}
            }
            let item_start = self.pos;
            let mut key = None;
            if open_char == b'('
                && self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
            {
                let save = self.pos;
                let k = self.ident();
                self.skip_ws();
                if k.is_some() && self.peek() == Some(b':') {
                    self.pos += 1;
                    key = k;
                } else {
                    self.pos = save;
                }
            }
            let value = self.value()?;
            if open_char == b'{' {
                // A map entry: key value, colon, value. Kept as one item keyed by nothing.
                self.skip_ws();
                if self.peek() == Some(b':') {
                    self.pos += 1;
                    self.value()?;
                }
            }
            let value_end = self.pos;
            self.skip_ws();
            let has_comma = self.peek() == Some(b',');
            let end = if has_comma {
                self.pos += 1;
                self.pos
            } else {
                value_end
            };
            items.push(Item {
                key,
                value: Node {
                    end: value_end.max(value.end),
                    ..value
                },
                start: item_start,
                end,
                has_comma,
            });
            if !has_comma {
                self.skip_ws();
                if self.peek()? != close_char {
                    return None;
                }
                break;
            }
        }
        let close = self.pos;
        self.pos += 1;
        self.depth -= 1;
        Some(Group {
            name,
            open_char,
            open,
            close,
            items,
        })
    }
}

/// The root value of a RON text and the blanked code it was found in.
fn parse_root(text: &str) -> Option<(String, Node)> {
    let code = blank_comments_and_strings(text);
    let mut p = Parser {
        code: code.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let node = p.value()?;
    p.skip_ws();
    (p.pos == code.len()).then_some(())?;
    Some((code, node))
}

/// One text edit on the original: replace `start..end` by `text`.
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

/// The three texts being compared: the original (with its blanked code), and the canonical
/// serializations of the old and of the new scenario.
struct Texts<'a> {
    orig: &'a str,
    orig_code: &'a str,
    old: &'a str,
    new: &'a str,
}

/// Leading spaces of the line that holds byte `at`.
fn line_indent(text: &str, at: usize) -> &str {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// `text[start..end]` with each continuation line's indentation `from` replaced by `to`.
fn reindent(text: &str, start: usize, end: usize, to: &str) -> String {
    let from = line_indent(text, start);
    let mut out = String::new();
    for (k, line) in text[start..end].split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
            out.push_str(to);
            out.push_str(line.strip_prefix(from).unwrap_or(line.trim_start()));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Where text can be added after byte `at` of the original: the end of the line when only
/// blanks and a comment follow (so that a trailing comment stays with its item), else `at`.
fn after_line_comment(t: &Texts, at: usize) -> usize {
    let rest = &t.orig_code[at..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    if rest[..line_end].trim().is_empty() {
        at + line_end
    } else {
        at
    }
}

impl Texts<'_> {
    fn slice_old(&self, n: &Node) -> &str {
        &self.old[n.start..n.end]
    }

    fn slice_new(&self, n: &Node) -> &str {
        &self.new[n.start..n.end]
    }

    fn key_of<'b>(&'b self, text: &'b str, item: &Item) -> Option<&'b str> {
        item.key.map(|(a, b)| &text[a..b])
    }

    /// The new node's text, indented for the original's position `at`.
    fn new_text_at(&self, n: &Node, at: usize) -> String {
        reindent(self.new, n.start, n.end, line_indent(self.orig, at))
    }

    /// The new item (key and value) as text for a line indented `indent`.
    fn new_item_text(&self, item: &Item, indent: &str) -> String {
        let value = reindent(self.new, item.value.start, item.value.end, indent);
        match self.key_of(self.new, item) {
            Some(k) => format!("{k}: {value}"),
            None => value,
        }
    }

    /// Edits that turn the original node `o` (whose canonical old form is `a`) into `n`.
    fn diff(&self, o: &Node, a: &Node, n: &Node, edits: &mut Vec<Edit>) -> Option<()> {
        if self.slice_old(a) == self.slice_new(n) {
            return Some(());
        }
        match (&o.group, &a.group, &n.group) {
            (Some(og), Some(ag), Some(ng))
                if og.open_char == ng.open_char
                    && ag.open_char == ng.open_char
                    // The original parses to the old scenario: its name (an optional struct
                    // name, or the same variant) means what the old canonical one does.
                    && self.old[ag.name.0..ag.name.1] == self.new[ng.name.0..ng.name.1]
                    && og.open_char != b'{' =>
            {
                let keyed = ng.items.iter().any(|i| i.key.is_some())
                    || og.items.iter().any(|i| i.key.is_some());
                if keyed {
                    self.diff_fields(og, ag, ng, edits)
                } else {
                    self.diff_items(og, ag, ng, edits)
                }
            }
            _ => {
                edits.push(Edit {
                    start: o.start,
                    end: o.end,
                    text: self.new_text_at(n, o.start),
                });
                Some(())
            }
        }
    }

    /// Struct fields, matched by name.
    fn diff_fields(&self, og: &Group, ag: &Group, ng: &Group, edits: &mut Vec<Edit>) -> Option<()> {
        let find = |g: &Group, text: &str, key: &str| {
            g.items
                .iter()
                .position(|i| i.key.map(|(x, y)| &text[x..y]) == Some(key))
        };
        let mut added = Vec::new();
        for ni in &ng.items {
            let key = self.key_of(self.new, ni)?;
            let oi = find(og, self.orig, key);
            let ai = find(ag, self.old, key);
            match (oi, ai) {
                (Some(oi), Some(ai)) => {
                    self.diff(&og.items[oi].value, &ag.items[ai].value, &ni.value, edits)?
                }
                // Written in the file, left out of the old canonical text (an empty option):
                // the new value replaces it.
                (Some(oi), None) => {
                    let o = &og.items[oi].value;
                    edits.push(Edit {
                        start: o.start,
                        end: o.end,
                        text: self.new_text_at(&ni.value, o.start),
                    });
                }
                // Not in the file (its default): unchanged unless the canonical texts differ.
                (None, Some(ai)) => {
                    if self.slice_old(&ag.items[ai].value) != self.slice_new(&ni.value) {
                        added.push(ni);
                    }
                }
                (None, None) => added.push(ni),
            }
        }
        // Fields of the file that the new scenario leaves out (an option set to none).
        let mut kept_last = None;
        for (k, oi) in og.items.iter().enumerate() {
            let key = self.key_of(self.orig, oi)?;
            if find(ng, self.new, key).is_none() {
                self.remove_item(og, k, edits);
            } else {
                kept_last = Some(k);
            }
        }
        if !added.is_empty() {
            if kept_last.is_none() && !og.items.is_empty() {
                // Every field of the file removed and others added: not a case the scenario has.
                return None;
            }
            self.insert_items(og, kept_last, &added, edits);
        }
        Some(())
    }

    /// List and tuple items, matched by a longest common subsequence of their canonical text;
    /// between matches, items are paired and compared, and the rest removed or inserted.
    fn diff_items(&self, og: &Group, ag: &Group, ng: &Group, edits: &mut Vec<Edit>) -> Option<()> {
        if og.items.len() != ag.items.len() {
            return None;
        }
        let (na, nn) = (ag.items.len(), ng.items.len());
        if na.saturating_mul(nn) > 4_000_000 {
            return None;
        }
        let same = |i: usize, j: usize| {
            self.slice_old(&ag.items[i].value) == self.slice_new(&ng.items[j].value)
        };
        // lcs[i][j]: length of the LCS of a[i..] and n[j..].
        let mut lcs = vec![vec![0u32; nn + 1]; na + 1];
        for i in (0..na).rev() {
            for j in (0..nn).rev() {
                lcs[i][j] = if same(i, j) {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        let mut gap_old: Vec<usize> = Vec::new();
        let mut gap_new: Vec<usize> = Vec::new();
        loop {
            let matched = i < na && j < nn && same(i, j);
            let end = i >= na && j >= nn;
            if matched || end {
                // Settle the gap: pair items up, remove or insert the rest.
                let paired = gap_old.len().min(gap_new.len());
                for k in 0..paired {
                    let (oi, ni) = (gap_old[k], gap_new[k]);
                    self.diff(
                        &og.items[oi].value,
                        &ag.items[oi].value,
                        &ng.items[ni].value,
                        edits,
                    )?;
                }
                for &oi in &gap_old[paired..] {
                    self.remove_item(og, oi, edits);
                }
                if gap_new.len() > paired {
                    let extra: Vec<&Item> =
                        gap_new[paired..].iter().map(|&k| &ng.items[k]).collect();
                    // After the last item of the original before this point.
                    let before = gap_old.last().copied().or(i.checked_sub(1));
                    self.insert_items(og, before, &extra, edits);
                }
                gap_old.clear();
                gap_new.clear();
                if end {
                    break;
                }
                i += 1;
                j += 1;
            } else if j >= nn || (i < na && lcs[i + 1][j] >= lcs[i][j + 1]) {
                gap_old.push(i);
                i += 1;
            } else {
                gap_new.push(j);
                j += 1;
            }
        }
        Some(())
    }

    /// Remove item `k` of the original group with the comments and blank lines above it.
    fn remove_item(&self, og: &Group, k: usize, edits: &mut Vec<Edit>) {
        let item = &og.items[k];
        let start = if k == 0 {
            og.open + 1
        } else {
            let prev = &og.items[k - 1];
            after_line_comment(self, prev.end)
        };
        // The last item: take its comma and trailing comment too; the separator before it
        // stays (a trailing comma is valid RON).
        let end = if item.has_comma {
            after_line_comment(self, item.end)
        } else {
            item.end
        };
        edits.push(Edit {
            start: start.min(end),
            end,
            text: String::new(),
        });
    }

    /// The indentation of the original group's items (of its first, else one level deeper
    /// than the group's line).
    fn item_indent(&self, og: &Group) -> String {
        match og.items.first() {
            Some(first) if self.orig[og.open..first.start].contains('\n') => {
                line_indent(self.orig, first.start).to_owned()
            }
            _ => format!("{}    ", line_indent(self.orig, og.open)),
        }
    }

    /// Whether the group is written on one line in the original.
    fn one_line(&self, og: &Group) -> bool {
        !self.orig[og.open..og.close].contains('\n')
    }

    /// Insert `items` after item `after` of the original group (at its start when `None`).
    fn insert_items(
        &self,
        og: &Group,
        after: Option<usize>,
        items: &[&Item],
        edits: &mut Vec<Edit>,
    ) {
        let one_line = self.one_line(og)
            && items
                .iter()
                .all(|i| !self.new[i.start..i.end].contains('\n'));
        let indent = self.item_indent(og);
        let mut text = String::new();
        let at = match after {
            Some(k) => {
                let prev = &og.items[k];
                if !prev.has_comma {
                    text.push(',');
                }
                if one_line {
                    prev.end
                } else {
                    after_line_comment(self, prev.end)
                }
            }
            None => {
                if one_line {
                    og.open + 1
                } else {
                    after_line_comment(self, og.open + 1)
                }
            }
        };
        for (k, item) in items.iter().enumerate() {
            if one_line {
                if after.is_some() || k > 0 {
                    text.push(' ');
                }
                text.push_str(&self.new_item_text(item, &indent));
                text.push(',');
            } else {
                text.push('\n');
                text.push_str(&indent);
                text.push_str(&self.new_item_text(item, &indent));
                text.push(',');
            }
        }
        if one_line && after.is_none() && !og.items.is_empty() {
            text.push(' ');
        }
        if !one_line && og.items.is_empty() {
            // `[]` becomes a bracket on its own line again.
            text.push('\n');
            text.push_str(line_indent(self.orig, og.open));
        }
        edits.push(Edit {
            start: at,
            end: at,
            text,
        });
    }
}

/// `original` (the text a scenario was read from) edited to hold `new`, keeping its comments
/// and layout; `None` when the text cannot be edited safely (the caller then writes the
/// canonical layout). The result, parsed, is exactly `new`.
pub fn keep_layout(original: &str, new: &Scenario) -> Option<String> {
    let mut old: Scenario = parse_as(original, "").ok()?;
    super::migrate::fill_figures_added_since(&mut old, original);
    if old == *new {
        return Some(original.to_owned());
    }
    keep_layout_from(original, &super::to_ron_string(&old).ok()?, new)
}

/// [`keep_layout`] for an `original` that is not a scenario of the current schema (an older
/// file being migrated): `old_canonical` is what `original` holds, written in the canonical
/// layout of its own schema. Fields the new schema adds are inserted after their siblings.
pub(crate) fn keep_layout_from(
    original: &str,
    old_canonical: &str,
    new: &Scenario,
) -> Option<String> {
    let old_text = old_canonical.to_owned();
    let new_text = super::to_ron_string(new).ok()?;
    let (orig_code, o) = parse_root(original)?;
    let (_, a) = parse_root(&old_text)?;
    let (_, n) = parse_root(&new_text)?;
    let t = Texts {
        orig: original,
        orig_code: &orig_code,
        old: &old_text,
        new: &new_text,
    };
    let mut edits = Vec::new();
    t.diff(&o, &a, &n, &mut edits)?;
    edits.sort_by_key(|e| (e.start, e.end));
    // Edits must not overlap (insertions at one point keep their order).
    for w in edits.windows(2) {
        if w[1].start < w[0].end {
            return None;
        }
    }
    let mut out = original.to_owned();
    for e in edits.iter().rev() {
        out.replace_range(e.start..e.end, &e.text);
    }
    let mut reparsed: Scenario = parse_as(&out, "").ok()?;
    super::migrate::fill_figures_added_since(&mut reparsed, &out);
    (reparsed == *new).then_some(out)
}

/// The text to write for `new`: `original` edited in place when there is one and it can be
/// (see [`keep_layout`]), else the canonical layout. The flag says whether the original's
/// comments and layout were kept.
pub fn text_keeping_layout(
    original: Option<&str>,
    new: &Scenario,
) -> Result<(String, bool), ron::Error> {
    if let Some(kept) = original.and_then(|o| keep_layout(o, new)) {
        return Ok((kept, true));
    }
    Ok((super::to_ron_string(new)?, original.is_none()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{DAKHLA_REFERENCE_RON, DailyProfile, YearMonth, from_ron_str};

    fn comments(text: &str) -> Vec<&str> {
        text.lines()
            .map(str::trim)
            .filter(|l| l.starts_with("//"))
            .collect()
    }

    /// Lines of `a` missing from `b` and lines of `b` missing from `a`, in order.
    fn changed_lines(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
        let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        let gone = la
            .iter()
            .filter(|l| !lb.contains(l))
            .map(|l| l.to_string())
            .collect();
        let new = lb
            .iter()
            .filter(|l| !la.contains(l))
            .map(|l| l.to_string())
            .collect();
        (gone, new)
    }

    fn edited(f: impl FnOnce(&mut Scenario)) -> (Scenario, String) {
        let mut s = from_ron_str(DAKHLA_REFERENCE_RON, "ref").expect("reference parses");
        f(&mut s);
        let out = keep_layout(DAKHLA_REFERENCE_RON, &s).expect("layout kept");
        assert_eq!(from_ron_str(&out, "out").expect("output parses"), s);
        (s, out)
    }

    #[test]
    fn an_unchanged_scenario_is_written_back_byte_for_byte() {
        let s = from_ron_str(DAKHLA_REFERENCE_RON, "ref").unwrap();
        assert_eq!(
            keep_layout(DAKHLA_REFERENCE_RON, &s).unwrap(),
            DAKHLA_REFERENCE_RON
        );
    }

    #[test]
    fn a_changed_number_changes_that_line_only() {
        let (_, out) = edited(|s| s.battery.energy_mwh = 800.0);
        let (gone, new) = changed_lines(DAKHLA_REFERENCE_RON, &out);
        assert_eq!(gone.len(), 1, "{gone:?}");
        assert_eq!(
            new,
            vec![gone[0].replace(
                &gone[0][gone[0].find(':').unwrap() + 2..gone[0].len() - 1],
                "800.0"
            )]
        );
        assert!(new[0].contains("energy_mwh: 800.0,"), "{new:?}");
        assert_eq!(comments(&out), comments(DAKHLA_REFERENCE_RON));
    }

    #[test]
    fn every_comment_survives_many_edits_at_once() {
        let before = comments(DAKHLA_REFERENCE_RON).len();
        assert!(before > 40, "the reference has its comments ({before})");
        let (_, out) = edited(|s| {
            s.battery.energy_mwh = 1234.5;
            s.site.latitude_deg = 23.8;
            s.meta.name = "Dakhla \"v2\" — é".into();
            s.datacenter.rack_groups[0].count = 1800;
            s.solar_plants[0].capacity_mwdc = 650.0;
            s.wind_farms[0].turbine_count += 3;
            s.backup[0].capacity_mw = 0.0;
        });
        assert_eq!(comments(&out), comments(DAKHLA_REFERENCE_RON));
        let (gone, _) = changed_lines(DAKHLA_REFERENCE_RON, &out);
        assert_eq!(gone.len(), 7, "{gone:?}");
    }

    #[test]
    fn an_option_set_and_cleared_adds_and_removes_its_line() {
        let (_, out) = edited(|s| {
            s.datacenter.rack_groups[1].online_from = None;
            s.datacenter.rack_groups[0].online_from = Some(YearMonth {
                year: 2029,
                month: 3,
            });
        });
        assert_eq!(comments(&out), comments(DAKHLA_REFERENCE_RON));
        let (gone, new) = changed_lines(DAKHLA_REFERENCE_RON, &out);
        assert!(
            gone.iter()
                .any(|l| l.contains("online_from: Some((year: 2029, month: 7))"))
        );
        // Added after the group's last field, at its indentation.
        assert_eq!(new[0], "                online_from: Some((", "{new:?}");
        assert!(new.iter().any(|l| l.trim() == "month: 3,"), "{new:?}");
    }

    #[test]
    fn list_items_are_added_and_removed_with_their_comments() {
        // Remove the second hall: its two comment lines go with it, the others stay.
        let (s, out) = edited(|s| {
            s.datacenter.rack_groups.remove(1);
        });
        let kept = comments(&out);
        assert!(!kept.iter().any(|c| c.contains("Second AI phase")));
        assert_eq!(kept.len(), comments(DAKHLA_REFERENCE_RON).len() - 1);
        // Add a hall at the end: indented as its siblings.
        let mut more = s.clone();
        let mut g = more.datacenter.rack_groups[0].clone();
        g.name = "AI hall C".into();
        g.profile = DailyProfile::Hourly(vec![1.0; 24]);
        more.datacenter.rack_groups.push(g);
        let out2 = keep_layout(&out, &more).expect("kept");
        assert_eq!(from_ron_str(&out2, "x").unwrap(), more);
        assert_eq!(comments(&out2), kept);
        assert!(
            out2.contains("\n            (\n                name: \"AI hall C\","),
            "{out2}"
        );
    }

    #[test]
    fn a_variant_change_replaces_the_value_and_keeps_the_comments_around_it() {
        let (_, out) = edited(|s| {
            s.datacenter.rack_groups[0].profile = DailyProfile::Hourly(vec![0.9; 24]);
        });
        assert_eq!(comments(&out), comments(DAKHLA_REFERENCE_RON));
        assert!(out.contains("profile: Hourly(["));
    }

    #[test]
    fn every_shipped_scenario_keeps_its_comments_through_an_edit() {
        for entry in
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios")).unwrap()
        {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let mut s = from_ron_str(&text, "x").unwrap();
            s.battery.power_mw += 1.0;
            s.meta.notes.push_str(" edited");
            let out = keep_layout(&text, &s).unwrap_or_else(|| panic!("{}", path.display()));
            assert_eq!(comments(&out), comments(&text), "{}", path.display());
            assert_eq!(from_ron_str(&out, "x").unwrap(), s);
        }
    }

    #[test]
    fn odd_layouts_are_kept_or_refused_never_wrong() {
        // One line, trailing comments, no trailing commas, a struct name.
        let text = DAKHLA_REFERENCE_RON
            .replace(
                "simulation: (year: 2029, timestep_min: 60),",
                "simulation: (year: 2029, timestep_min: 60 /* hourly */), // the run",
            )
            .replacen("(\n    schema_version", "Scenario(\n    schema_version", 1);
        let mut s = from_ron_str(&text, "x").unwrap();
        s.simulation.timestep_min = 30;
        let out = keep_layout(&text, &s).expect("kept");
        assert!(
            out.contains("simulation: (year: 2029, timestep_min: 30 /* hourly */), // the run"),
            "{out}"
        );
        assert!(out.contains("Scenario(\n"));
        // The fallback says what it did.
        let (canon, kept) = text_keeping_layout(Some("not ron at all"), &s).unwrap();
        assert!(!kept);
        assert_eq!(from_ron_str(&canon, "x").unwrap(), s);
        let (_, kept) = text_keeping_layout(None, &s).unwrap();
        assert!(kept);
    }
}
