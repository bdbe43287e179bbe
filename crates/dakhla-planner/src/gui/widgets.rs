//! Field editors used by every panel: a label of fixed width with the field's meaning and typical
//! range as tooltip, the value editor with its unit as suffix, and — when validation reported a
//! problem for the field's path — the field outlined in the palette's `bad` colour with the
//! message in plain words under it.
//!
//! Rules the editors keep:
//! - Never clamp: the user may type any value; validation names what is allowed.
//! - Every editor lives under `ui.push_id(path, ..)`, so its state (text being typed, open
//!   pop-ups) belongs to the field path, not to its position on screen.
//! - The label text is exactly the human label ("Battery energy") and names the value widget for
//!   accessibility (`labelled_by`), so tests and screen readers find the field by its label.
//! - List items are collapsing headers keyed by their path; list operations (add, remove,
//!   duplicate, move) are collected while the items are drawn and applied after the loop with
//!   [`apply_list_op`], which also carries each item's open/closed state along.

use super::panels::PanelContext;
use crate::scenario::YearMonth;
use crate::scenario::fields::{self, FieldSpec, Shown};
use dakhla_i18n::tr;
use egui::{
    Align, CollapsingHeader, Color32, DragValue, Id, Label, Layout, Response, RichText, Stroke,
    StrokeKind, TextEdit, Ui, Vec2, WidgetText,
};

/// Width of the label column [points].
pub const LABEL_WIDTH: f32 = 150.0;
/// Width of a numeric field [points].
pub const VALUE_WIDTH: f32 = 120.0;

// ---------------------------------------------------------------------------------------------
// Issues

/// The validation message for exactly `path`, if any.
pub fn issue<'a>(ctx: &'a PanelContext, path: &str) -> Option<&'a str> {
    ctx.issues.get(path).map(String::as_str)
}

/// True when `path` itself or any field under it (`path.x`, `path[3]`) has a validation issue.
pub fn has_issues_under(ctx: &PanelContext, path: &str) -> bool {
    ctx.issues
        .range(path.to_owned()..)
        .take_while(|(k, _)| k.starts_with(path))
        .any(|(k, _)| {
            k.len() == path.len() || matches!(k.as_bytes().get(path.len()), Some(b'.' | b'['))
        })
}

/// Show the message of `path` (if any) in the `bad` colour, wrapped to the panel width.
/// Returns true when there was one.
pub fn issue_line(ui: &mut Ui, path: &str, ctx: &PanelContext) -> bool {
    match issue(ctx, path) {
        Some(msg) => {
            issue_message(ui, msg, ctx);
            true
        }
        None => false,
    }
}

/// A validation message in the `bad` colour.
pub fn issue_message(ui: &mut Ui, message: &str, ctx: &PanelContext) {
    ui.add(Label::new(RichText::new(message).color(ctx.palette.bad)).wrap());
}

/// Outline `response` in the `bad` colour.
pub fn outline_bad(ui: &Ui, response: &Response, ctx: &PanelContext) {
    ui.painter().rect_stroke(
        response.rect.expand(1.5),
        3.0,
        Stroke::new(1.5, ctx.palette.bad),
        StrokeKind::Outside,
    );
}

// ---------------------------------------------------------------------------------------------
// Rows

/// The label cell of a row: fixed width, tooltip `help`, red when the field has an issue.
fn label_cell(ui: &mut Ui, label: &str, help: &str, bad: Option<Color32>) -> Response {
    let width = LABEL_WIDTH.min(ui.available_width() * 0.45);
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        Vec2::new(width, height),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_min_width(width);
            let text = match bad {
                Some(c) => RichText::new(label).color(c),
                None => RichText::new(label),
            };
            ui.add(Label::new(text).wrap()).on_hover_text(help)
        },
    )
    .inner
}

/// One labelled row: label cell, then the editor built by `add`, then the issue message.
/// The editor is named by the label for accessibility and carries `help` as its tooltip.
pub fn row(
    ui: &mut Ui,
    label: &str,
    help: &str,
    path: &str,
    ctx: &PanelContext,
    add: impl FnOnce(&mut Ui) -> Response,
) -> Response {
    ui.push_id(path, |ui| {
        let msg = issue(ctx, path);
        let bad = msg.map(|_| ctx.palette.bad);
        let response = ui
            .horizontal(|ui| {
                let label_response = label_cell(ui, label, help, bad);
                let response = add(ui).labelled_by(label_response.id).on_hover_text(help);
                if bad.is_some() {
                    outline_bad(ui, &response, ctx);
                }
                response
            })
            .inner;
        if let Some(msg) = msg {
            issue_message(ui, msg, ctx);
        }
        response
    })
    .inner
}

/// A read-only derived value: label, value text, tooltip explaining how it is derived.
pub fn readout(ui: &mut Ui, label: &str, value: impl Into<WidgetText>, help: &str) -> Response {
    ui.horizontal(|ui| {
        let label_response = label_cell(ui, label, help, None);
        ui.add(Label::new(value))
            .labelled_by(label_response.id)
            .on_hover_text(help)
    })
    .inner
}

/// A muted note (explanations under a field).
pub fn note(ui: &mut Ui, text: &str, ctx: &PanelContext) {
    ui.add(Label::new(RichText::new(text).color(ctx.palette.muted)).wrap());
}

/// A coloured status line (good or bad).
pub fn status(ui: &mut Ui, text: impl Into<String>, good: bool, ctx: &PanelContext) -> Response {
    let colour = if good {
        ctx.palette.good
    } else {
        ctx.palette.bad
    };
    ui.add(Label::new(RichText::new(text.into()).color(colour)).wrap())
}

// ---------------------------------------------------------------------------------------------
// Value editors

/// Drag speed that suits the magnitude of `value`: about 0.5 % of it per point dragged.
fn auto_speed(value: f64) -> f64 {
    let v = value.abs();
    if v.is_finite() && v > 0.0 {
        (v * 0.005).max(1e-6)
    } else {
        0.01
    }
}

/// The unit after a value, money in the scenario's currency ("¤/kW" -> " MAD/kW").
fn suffix(unit: &str, ctx: &PanelContext) -> String {
    if unit.is_empty() {
        String::new()
    } else {
        format!(
            " {}",
            crate::sim::kpi_registry::unit_words(ctx.currency.unit(unit).into())
        )
    }
}

/// The registry spec of the field an editor at `path` edits (list indexes allowed), in the enum
/// variant `variant` ("" for any). Records the field as drawn while [`record_drawn`] runs.
pub fn editor_spec(path: &str, variant: &str) -> &'static FieldSpec {
    DRAWN.with(|d| {
        if let Some(set) = d.borrow_mut().as_mut() {
            set.insert(fields::normalize(path).into_owned());
        }
    });
    match fields::spec_in(path, variant) {
        Some(spec) => spec,
        None => {
            debug_assert!(false, "no field spec for {path}");
            &UNKNOWN_FIELD
        }
    }
}

/// What an editor shows for a path the registry lacks (a defect the tests catch).
static UNKNOWN_FIELD: FieldSpec = FieldSpec {
    path: "",
    variant: "",
    label: "(unknown field)",
    unit: "",
    help: "",
    kind: fields::FieldKind::Bool,
    shown: Shown::Stored,
    default: fields::FieldDefault::Required,
    optional: false,
    editor: fields::Editor::Gui,
};

thread_local! {
    static DRAWN: std::cell::RefCell<Option<std::collections::BTreeSet<String>>> =
        const { std::cell::RefCell::new(None) };
}

/// Run `f` (which draws panels) and return the registry paths of every field an editor was
/// drawn for, list items opened; the test that every input has a GUI editor uses it.
pub fn record_drawn<R>(f: impl FnOnce() -> R) -> (R, std::collections::BTreeSet<String>) {
    DRAWN.with(|d| *d.borrow_mut() = Some(Default::default()));
    let r = f();
    let drawn = DRAWN.with(|d| d.borrow_mut().take()).unwrap_or_default();
    (r, drawn)
}

/// True while [`record_drawn`] runs: sections closed by default open, so every editor is drawn.
pub fn recording() -> bool {
    DRAWN.with(|d| d.borrow().is_some())
}

/// A number typed into an editor, read leniently but never guessed at: blanks (also thin and
/// no-break spaces, as in "1 800") and a trailing unit are ignored, "−" is a minus, and a comma
/// is a decimal point ("1,5") unless it could be a thousands separator ("1,800"), which is
/// refused with the two readings. `integer` refuses fractions.
pub fn parse_typed_number(text: &str, unit: &str, integer: bool) -> Result<f64, String> {
    let shown = text.trim();
    let mut t: String = shown
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    // The unit as the registry writes it or as the field shows it ("m³/day", "m³/jour").
    let shown_unit = crate::sim::kpi_registry::unit_words(unit.to_owned().into());
    for u in [unit, shown_unit.as_ref()] {
        let unit_compact: String = u.chars().filter(|c| !c.is_whitespace()).collect();
        if !unit_compact.is_empty()
            && let Some(stripped) = t.strip_suffix(unit_compact.as_str())
        {
            t = stripped.to_owned();
            break;
        }
    }
    if t.is_empty() {
        return Err(tr!("number-type-one"));
    }
    if t.contains(',') {
        let parts: Vec<&str> = t.split(',').collect();
        // In French the comma is the decimal sign (thousands are spaces, "1 800,5"), as the
        // fields show numbers: "0,630" is 0.63 there. In English "1,800" may be either.
        let comma_is_decimal = dakhla_i18n::current() == dakhla_i18n::Lang::Fr;
        let ambiguous = t.contains('.')
            || parts.len() > 2
            || !comma_is_decimal
                && parts[1].len() == 3
                && parts[1].chars().all(|c| c.is_ascii_digit());
        if ambiguous {
            return Err(tr!(
                "number-ambiguous-comma",
                text = shown,
                first = t.replace(',', ""),
                second = t.replacen(',', ".", 1)
            ));
        }
        t = t.replacen(',', ".", 1);
    }
    let v: f64 = t
        .parse()
        .map_err(|_| tr!("number-not-a-number", text = shown))?;
    if !v.is_finite() {
        return Err(tr!("number-not-finite", text = shown));
    }
    if integer && v.fract() != 0.0 {
        return Err(tr!("number-not-whole", text = shown));
    }
    Ok(v)
}

/// `drag` made to commit as desktop fields do: typed text applies on Enter, Tab or a click
/// elsewhere (one undo step), Escape restores the value, and text that is not a number is
/// kept out and explained next to the field until the next valid entry. Dragging still
/// updates live.
pub fn committed(ui: &mut Ui, drag: DragValue<'_>, unit: &str, integer: bool) -> Response {
    committed_in(ui, drag, unit, integer, true)
}

/// [`committed`] for a grid cell (`beside` false): the message goes into the field's tooltip
/// and a red outline, so that the grid's columns stay aligned.
pub fn committed_in(
    ui: &mut Ui,
    drag: DragValue<'_>,
    unit: &str,
    integer: bool,
    beside: bool,
) -> Response {
    let failed = std::cell::Cell::new(None::<String>);
    let parsed_ok = std::cell::Cell::new(false);
    let unit = unit.to_owned();
    // The DragValue's own id (egui takes the next automatic id). egui applies the text a frame
    // after the field loses focus unless Escape is still down then: the Escape of the frame
    // before is remembered here, so that Escape always reverts.
    let escape_key = ui.next_auto_id().with("escaped");
    let escaped = ui
        .data_mut(|d| d.remove_temp::<bool>(escape_key))
        .unwrap_or(false);
    // Numbers as the language writes them ("1 234,5" in French); the parser reads them back.
    // A whole number of four digits stays ungrouped, as French allows: a year reads "2026".
    let drag = if dakhla_i18n::current() == dakhla_i18n::Lang::En {
        drag
    } else {
        drag.custom_formatter(move |v, decimals| {
            let plain = egui::emath::format_with_decimals_in_range(v, decimals);
            if integer && v.abs() < 10_000.0 {
                plain
            } else {
                crate::text::local_number(plain)
            }
        })
    };
    let response = ui.add(drag.update_while_editing(false).custom_parser(|text| {
        match parse_typed_number(text, &unit, integer) {
            _ if escaped => None,
            Ok(v) => {
                parsed_ok.set(true);
                Some(v)
            }
            Err(e) => {
                failed.set(Some(e));
                None
            }
        }
    }));
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        ui.data_mut(|d| d.insert_temp(escape_key, true));
    }
    let key = response.id.with("syntax");
    if let Some(message) = failed.take() {
        ui.data_mut(|d| d.insert_temp(key, message));
    } else if parsed_ok.get() || response.dragged() {
        ui.data_mut(|d| d.remove_temp::<String>(key));
    }
    let bad = Color32::from_rgb(0xd0, 0x40, 0x40);
    match ui.data(|d| d.get_temp::<String>(key)) {
        Some(message) if beside => {
            ui.colored_label(bad, message)
                .on_hover_text(tr!("number-not-applied"));
            response
        }
        Some(message) => {
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                2.0,
                Stroke::new(1.5, bad),
                StrokeKind::Outside,
            );
            response.on_hover_text(tr!("number-not-applied-because", message = message))
        }
        None => response,
    }
}

/// The number editor of `spec`: as stored or scaled (a fraction as %), its shown unit as suffix.
fn number_value(ui: &mut Ui, value: &mut f64, spec: &FieldSpec, ctx: &PanelContext) -> Response {
    let factor = spec.shown_factor();
    let speed = auto_speed(*value * factor);
    let drag = DragValue::from_get_set(|new| {
        if let Some(v) = new {
            *value = v / factor;
        }
        *value * factor
    })
    .clamp_existing_to_range(false)
    .speed(speed)
    .suffix(suffix(spec.shown_unit(), ctx))
    .max_decimals(6)
    .min_size(Vec2::new(VALUE_WIDTH, 0.0));
    committed(ui, drag, spec.shown_unit(), false)
}

/// A number with its unit as suffix, labelled and explained by its registry spec (a fraction
/// the spec shows as a percentage is typed as one: "85 %" edits 0.85). Any value may be typed;
/// nothing is clamped.
pub fn number(ui: &mut Ui, value: &mut f64, path: &str, ctx: &PanelContext) -> Response {
    number_in(ui, value, path, "", ctx)
}

/// [`number`] for a field whose spec depends on the enum variant that holds it.
pub fn number_in(
    ui: &mut Ui,
    value: &mut f64,
    path: &str,
    variant: &str,
    ctx: &PanelContext,
) -> Response {
    let spec = editor_spec(path, variant);
    row(ui, &spec.label_text(), &spec.help_text(), path, ctx, |ui| {
        number_value(ui, value, spec, ctx)
    })
}

/// A whole number (counts, years, seeds). The type's own range is the only limit.
pub fn integer<N: egui::emath::Numeric>(
    ui: &mut Ui,
    value: &mut N,
    path: &str,
    ctx: &PanelContext,
) -> Response {
    let spec = editor_spec(path, "");
    let speed = auto_speed(value.to_f64()).max(0.05);
    row(ui, &spec.label_text(), &spec.help_text(), path, ctx, |ui| {
        let drag = DragValue::new(value)
            .clamp_existing_to_range(false)
            .speed(speed)
            .suffix(suffix(spec.unit, ctx))
            .min_size(Vec2::new(VALUE_WIDTH, 0.0));
        committed(ui, drag, spec.unit, true)
    })
}

/// A single-line text field.
pub fn text(ui: &mut Ui, value: &mut String, path: &str, ctx: &PanelContext) -> Response {
    text_in(ui, value, path, "", ctx)
}

/// [`text`] for a field whose spec depends on the enum variant that holds it.
pub fn text_in(
    ui: &mut Ui,
    value: &mut String,
    path: &str,
    variant: &str,
    ctx: &PanelContext,
) -> Response {
    let spec = editor_spec(path, variant);
    row(ui, &spec.label_text(), &spec.help_text(), path, ctx, |ui| {
        ui.add(TextEdit::singleline(value).desired_width(ui.available_width().max(80.0)))
    })
}

/// A multi-line text field under its label (notes, descriptions).
pub fn multiline(ui: &mut Ui, value: &mut String, path: &str, ctx: &PanelContext) -> Response {
    let spec = editor_spec(path, "");
    let (label, help) = (spec.label_text(), spec.help_text());
    let (label, help) = (label.as_ref(), help.as_ref());
    ui.push_id(path, |ui| {
        let msg = issue(ctx, path);
        let bad = msg.map(|_| ctx.palette.bad);
        let label_response = label_cell(ui, label, help, bad);
        let response = ui
            .add(
                TextEdit::multiline(value)
                    .desired_rows(3)
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label_response.id)
            .on_hover_text(help);
        if let Some(msg) = msg {
            outline_bad(ui, &response, ctx);
            issue_message(ui, msg, ctx);
        }
        response
    })
    .inner
}

/// A checkbox whose own text is the label.
pub fn checkbox(ui: &mut Ui, value: &mut bool, path: &str, ctx: &PanelContext) -> Response {
    let spec = editor_spec(path, "");
    ui.push_id(path, |ui| {
        let msg = issue(ctx, path);
        let text = match msg {
            Some(_) => RichText::new(spec.label_text()).color(ctx.palette.bad),
            None => RichText::new(spec.label_text()),
        };
        let response = ui.checkbox(value, text).on_hover_text(spec.help_text());
        if let Some(msg) = msg {
            outline_bad(ui, &response, ctx);
            issue_message(ui, msg, ctx);
        }
        response
    })
    .inner
}

/// An optional number (targets, bounds): a checkbox labelled by the spec switches it on
/// (starting from `default_value`) or off, and the value editor follows when it is on.
pub fn optional_number(
    ui: &mut Ui,
    value: &mut Option<f64>,
    default_value: f64,
    path: &str,
    ctx: &PanelContext,
) -> Response {
    let spec = editor_spec(path, "");
    let (label, help) = (spec.label_text(), spec.help_text());
    let (label, help) = (label.as_ref(), help.as_ref());
    ui.push_id(path, |ui| {
        let msg = issue(ctx, path);
        let bad = msg.map(|_| ctx.palette.bad);
        let response = ui
            .horizontal(|ui| {
                let width = LABEL_WIDTH.min(ui.available_width() * 0.45);
                let mut on = value.is_some();
                let text = match bad {
                    Some(c) => RichText::new(label).color(c),
                    None => RichText::new(label),
                };
                let check = ui
                    .allocate_ui_with_layout(
                        Vec2::new(width, ui.spacing().interact_size.y),
                        Layout::left_to_right(Align::Center),
                        |ui| {
                            ui.set_min_width(width);
                            ui.checkbox(&mut on, text).on_hover_text(help)
                        },
                    )
                    .inner;
                let mut changed = false;
                if on != value.is_some() {
                    *value = on.then_some(default_value);
                    changed = true;
                }
                let mut response = match value {
                    Some(v) => {
                        let r = number_value(ui, v, spec, ctx).on_hover_text(help);
                        // Named "<label> value": the checkbox keeps the label itself, so
                        // tests and screen readers reach both.
                        let name = tr!("field-value", label = label);
                        ui.ctx().accesskit_node_builder(r.id, |n| n.set_label(name));
                        if bad.is_some() {
                            outline_bad(ui, &r, ctx);
                        }
                        r | check
                    }
                    None => {
                        ui.weak(tr!("field-not-set"));
                        check
                    }
                };
                if changed {
                    response.mark_changed();
                }
                response
            })
            .inner;
        if let Some(msg) = msg {
            issue_message(ui, msg, ctx);
        }
        response
    })
    .inner
}

/// A choice among `options` (value, shown text) in a combo box. A current value that is not
/// among the options is shown as "(other)" and kept until the user picks one.
pub fn enum_choice<T: PartialEq + Clone, S: AsRef<str>>(
    ui: &mut Ui,
    value: &mut T,
    options: &[(T, S)],
    path: &str,
    ctx: &PanelContext,
) -> Response {
    let spec = editor_spec(path, "");
    enum_choice_explained(ui, value, options, &spec.help_text(), path, ctx)
}

/// [`enum_choice`] with a tooltip that adds to the spec's help what only the moment knows
/// (such as the value a choice would keep).
pub fn enum_choice_explained<T: PartialEq + Clone, S: AsRef<str>>(
    ui: &mut Ui,
    value: &mut T,
    options: &[(T, S)],
    help: &str,
    path: &str,
    ctx: &PanelContext,
) -> Response {
    let label = editor_spec(path, "").label_text();
    let selected = options
        .iter()
        .find(|(v, _)| v == value)
        .map_or_else(|| tr!("choice-other"), |(_, t)| t.as_ref().to_owned());
    row(ui, &label, help, path, ctx, |ui| {
        let mut changed = false;
        let inner = egui::ComboBox::from_id_salt("choice")
            .selected_text(selected)
            .width(ui.available_width().clamp(80.0, 240.0))
            .show_ui(ui, |ui| {
                for (v, t) in options {
                    if ui.selectable_label(v == value, t.as_ref()).clicked() && v != value {
                        *value = v.clone();
                        changed = true;
                    }
                }
            });
        let mut response = inner.response;
        if changed {
            response.mark_changed();
        }
        response
    })
}

/// Month names (1 = January), in English.
pub use crate::weather::MONTH_NAMES as MONTHS;

/// The name of month 1..=12 in the current language ("January", "janvier"); None for another
/// number.
pub fn month_name(month: u32) -> Option<String> {
    (1..=12)
        .contains(&month)
        .then(|| tr!(&format!("month-{month}")))
}

/// A month 1..=12 picked by name; an invalid stored month is shown as such until changed.
pub fn month(ui: &mut Ui, value: &mut u32, path: &str, ctx: &PanelContext) -> Response {
    let options: Vec<(u32, String)> = (1u32..=12)
        .map(|m| (m, month_name(m).unwrap_or_default()))
        .collect();
    let current = *value;
    let response = enum_choice(ui, value, &options, path, ctx);
    if !(1..=12).contains(&current) && *value == current {
        note(ui, &tr!("month-invalid", month = current.to_string()), ctx);
    }
    response
}

/// An optional calendar month (a build-out phase): a checkbox switches it on (starting from
/// `default_value`), then a year and a month picker follow; off means "the whole simulated
/// year". Problems of `path`, `path.year` and `path.month` are shown under the row.
pub fn optional_year_month(
    ui: &mut Ui,
    value: &mut Option<YearMonth>,
    default_value: YearMonth,
    path: &str,
    ctx: &PanelContext,
) -> Response {
    let year_path = format!("{path}.year");
    let month_path = format!("{path}.month");
    // The row is labelled and explained by the year's spec; the month is drawn with it.
    let spec = editor_spec(&year_path, "");
    editor_spec(&month_path, "");
    let (label, help) = (spec.label_text(), spec.help_text());
    let (label, help) = (label.as_ref(), help.as_ref());
    ui.push_id(path, |ui| {
        let msgs: Vec<&str> = [path, year_path.as_str(), month_path.as_str()]
            .iter()
            .filter_map(|p| issue(ctx, p))
            .collect();
        let bad = (!msgs.is_empty()).then_some(ctx.palette.bad);
        let response = ui
            .horizontal(|ui| {
                let width = LABEL_WIDTH.min(ui.available_width() * 0.45);
                let mut on = value.is_some();
                let text = match bad {
                    Some(c) => RichText::new(label).color(c),
                    None => RichText::new(label),
                };
                let check = ui
                    .allocate_ui_with_layout(
                        Vec2::new(width, ui.spacing().interact_size.y),
                        Layout::left_to_right(Align::Center),
                        |ui| {
                            ui.set_min_width(width);
                            ui.checkbox(&mut on, text).on_hover_text(help)
                        },
                    )
                    .inner;
                let mut changed = false;
                if on != value.is_some() {
                    *value = on.then_some(default_value);
                    changed = true;
                }
                let mut response = match value {
                    Some(ym) => {
                        let year = committed(
                            ui,
                            DragValue::new(&mut ym.year)
                                .clamp_existing_to_range(false)
                                .speed(0.05)
                                .min_size(Vec2::new(56.0, 0.0)),
                            "",
                            true,
                        )
                        .on_hover_text(help);
                        let name = tr!("field-year", label = label);
                        ui.ctx()
                            .accesskit_node_builder(year.id, |n| n.set_label(name));
                        let selected =
                            month_name(ym.month).unwrap_or_else(|| tr!("month-not-a-month"));
                        let mut month_changed = false;
                        let combo = egui::ComboBox::from_id_salt("month")
                            .selected_text(selected)
                            .width(110.0)
                            .show_ui(ui, |ui| {
                                for m in 1u32..=12 {
                                    let t = month_name(m).unwrap_or_default();
                                    if ui.selectable_label(ym.month == m, t).clicked()
                                        && ym.month != m
                                    {
                                        ym.month = m;
                                        month_changed = true;
                                    }
                                }
                            })
                            .response;
                        let name = tr!("field-month", label = label);
                        ui.ctx()
                            .accesskit_node_builder(combo.id, |n| n.set_label(name));
                        let mut r = year | combo | check;
                        if month_changed {
                            r.mark_changed();
                        }
                        r
                    }
                    None => {
                        ui.weak(tr!("field-whole-year"));
                        check
                    }
                };
                if changed {
                    response.mark_changed();
                }
                response
            })
            .inner;
        for msg in msgs {
            issue_message(ui, msg, ctx);
        }
        response
    })
    .inner
}

// ---------------------------------------------------------------------------------------------
// Lists

/// An operation on one item of a list, collected while the items are drawn and applied after
/// the loop (so indexes stay valid while drawing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListOp {
    Duplicate(usize),
    Remove(usize),
    MoveUp(usize),
    MoveDown(usize),
}

/// The key under which the open/closed state of list item `path` (e.g. `solar_plants[0]`) is
/// kept in `ui`'s memory.
pub fn item_id(ui: &Ui, path: &str) -> Id {
    ui.make_persistent_id(("item_open", path))
}

fn item_open(ui: &Ui, id: Id) -> Option<bool> {
    ui.data_mut(|d| d.get_persisted::<bool>(id))
}

fn set_item_open(ui: &Ui, id: Id, open: Option<bool>) {
    ui.data_mut(|d| match open {
        Some(open) => d.insert_persisted(id, open),
        None => {
            d.remove::<bool>(id);
        }
    });
}

/// A list item as a collapsing header keyed by `path` (closed at first). The title turns `bad`
/// with a "(!)" when any field under `path` has an issue. Returns the body's return value when
/// open.
pub fn item<R>(
    ui: &mut Ui,
    path: &str,
    title: &str,
    ctx: &PanelContext,
    body: impl FnOnce(&mut Ui) -> R,
) -> Option<R> {
    let title = if has_issues_under(ctx, path) {
        RichText::new(format!("(!) {title}")).color(ctx.palette.bad)
    } else {
        RichText::new(title)
    };
    let id = item_id(ui, path);
    let open = item_open(ui, id).unwrap_or(false) || recording();
    let response = CollapsingHeader::new(title)
        .id_salt(("item", path))
        .open(Some(open))
        .show(ui, body);
    if response.header_response.clicked() {
        set_item_open(ui, id, Some(!open));
        ui.ctx().request_repaint();
    }
    response.body_returned
}

/// The buttons of list item `index` of `len`: Duplicate, Remove, Move up, Move down. Sets `op`
/// when one is clicked.
pub fn item_buttons(
    ui: &mut Ui,
    index: usize,
    len: usize,
    can_duplicate: bool,
    op: &mut Option<ListOp>,
) {
    ui.horizontal(|ui| {
        if can_duplicate
            && ui
                .button(tr!("item-duplicate"))
                .on_hover_text(tr!("item-duplicate.tooltip"))
                .clicked()
        {
            *op = Some(ListOp::Duplicate(index));
        }
        if ui
            .button(tr!("item-remove"))
            .on_hover_text(tr!("item-remove.tooltip"))
            .clicked()
        {
            *op = Some(ListOp::Remove(index));
        }
        if ui
            .add_enabled(index > 0, egui::Button::new(tr!("item-move-up")))
            .on_hover_text(tr!("item-move-up.tooltip"))
            .clicked()
        {
            *op = Some(ListOp::MoveUp(index));
        }
        if ui
            .add_enabled(index + 1 < len, egui::Button::new(tr!("item-move-down")))
            .on_hover_text(tr!("item-move-down.tooltip"))
            .clicked()
        {
            *op = Some(ListOp::MoveDown(index));
        }
    });
}

/// Open states of the items `0..len` under `list_path`.
fn open_states(ui: &Ui, list_path: &str, len: usize) -> Vec<Option<bool>> {
    (0..len)
        .map(|i| item_open(ui, item_id(ui, &format!("{list_path}[{i}]"))))
        .collect()
}

fn store_open_states(ui: &Ui, list_path: &str, states: &[Option<bool>]) {
    for (i, state) in states.iter().enumerate() {
        set_item_open(ui, item_id(ui, &format!("{list_path}[{i}]")), *state);
    }
    ui.ctx().request_repaint();
}

/// Apply `op` to `list` (if any and its index is in range). `duplicate` makes the copy (e.g.
/// with a new unique name). The open/closed state of the item headers moves with the items.
/// Returns true when the list changed.
pub fn apply_list_op<T: Clone>(
    ui: &Ui,
    list: &mut Vec<T>,
    list_path: &str,
    op: Option<ListOp>,
    duplicate: impl FnOnce(&T, &[T]) -> T,
) -> bool {
    // The list's own editor: its items' buttons and this operation.
    editor_spec(list_path, "");
    let Some(op) = op else { return false };
    let len = list.len();
    let mut states = open_states(ui, list_path, len);
    match op {
        ListOp::Duplicate(i) if i < len => {
            let copy = duplicate(&list[i], list);
            list.insert(i + 1, copy);
            states.insert(i + 1, Some(true));
        }
        ListOp::Remove(i) if i < len => {
            list.remove(i);
            states.remove(i);
            states.push(None);
        }
        ListOp::MoveUp(i) if i > 0 && i < len => {
            list.swap(i - 1, i);
            states.swap(i - 1, i);
        }
        ListOp::MoveDown(i) if i + 1 < len => {
            list.swap(i, i + 1);
            states.swap(i, i + 1);
        }
        _ => return false,
    }
    store_open_states(ui, list_path, &states);
    true
}

/// Append `new` to `list` and open its header.
pub fn push_item<T>(ui: &Ui, list: &mut Vec<T>, list_path: &str, new: T) {
    list.push(new);
    store_open_states(
        ui,
        list_path,
        &open_states_with_last_open(ui, list_path, list.len()),
    );
}

fn open_states_with_last_open(ui: &Ui, list_path: &str, len: usize) -> Vec<Option<bool>> {
    let mut states = open_states(ui, list_path, len);
    if let Some(last) = states.last_mut() {
        *last = Some(true);
    }
    states
}

/// `base` if no name in `existing` equals it, else `base 2`, `base 3`, ...
pub fn unique_name<'a>(base: &str, existing: impl Iterator<Item = &'a str> + Clone) -> String {
    let taken = |n: &str| existing.clone().any(|e| e == n);
    if !taken(base) {
        return base.to_owned();
    }
    (2u32..)
        .map(|k| format!("{base} {k}"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_owned())
}

/// A section heading inside a panel.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.strong(title);
}

// ---------------------------------------------------------------------------------------------
// Formatting

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::panels::{self, PanelKind};
    use crate::gui::theme::{Palette, ThemeChoice};
    use crate::scenario::{
        Cooling, DailyProfile, Scenario, TurbineChoice, WeatherDrivenCooling, WeatherSource,
        YearMonth,
    };
    use crate::sim::{Engine, Results};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    #[test]
    fn typed_numbers_are_read_leniently_and_never_guessed() {
        let ok = |t: &str, unit: &str| parse_typed_number(t, unit, false).unwrap();
        assert_eq!(ok("1800", "MWh"), 1800.0);
        assert_eq!(ok(" 1 800 ", "MWh"), 1800.0);
        assert_eq!(ok("1\u{202f}800 MWh", "MWh"), 1800.0);
        assert_eq!(ok("−3.5", ""), -3.5);
        assert_eq!(ok("84,5", "%"), 84.5);
        assert_eq!(ok("84.5 %", "%"), 84.5);
        assert_eq!(ok("1e3", ""), 1000.0);
        let err = |t: &str| parse_typed_number(t, "MWh", false).unwrap_err();
        assert!(err("18OO").contains("is not a number"));
        assert!(err("1,800").contains("type 1800 or 1.800"));
        assert!(err("1,800.5").contains("comma"));
        assert!(err("").contains("type a number"));
        assert!(err("inf").contains("finite"));
        assert!(err("NaN").contains("finite"));
        assert!(
            parse_typed_number("12.5", "", true)
                .unwrap_err()
                .contains("whole number")
        );
        assert_eq!(parse_typed_number("1 300", "racks", true).unwrap(), 1300.0);
    }

    /// A harness that shows panel `kind` for a draft scenario, with `issues` and `results`.
    fn harness(
        kind: PanelKind,
        scenario: Scenario,
        issues: BTreeMap<String, String>,
        results: Option<Results>,
    ) -> Harness<'static, Scenario> {
        let palette = Palette::of(ThemeChoice::Light);
        let base_dir = PathBuf::from(".");
        Harness::builder()
            .with_size(egui::vec2(420.0, 4000.0))
            .build_ui_state(
                move |ui, s: &mut Scenario| {
                    let ctx = PanelContext {
                        previous: None,
                        issues: &issues,
                        results: results.as_ref(),
                        palette: &palette,
                        base_dir: &base_dir,
                        currency: s.economics.currency,
                    };
                    panels::show(kind, ui, s, &ctx);
                },
                scenario,
            )
    }

    fn reference_results() -> Option<Results> {
        Engine::new()
            .run(&Scenario::dakhla_reference(), Path::new("."))
            .ok()
    }

    /// Open the collapsing header whose label contains `title`.
    fn open(h: &mut Harness<'static, Scenario>, title: &str) {
        h.get_by_label_contains(title).click();
        h.run();
    }

    /// Type `text` into the numeric field labelled `label` (replacing its value).
    fn type_into(h: &mut Harness<'static, Scenario>, label: &str, text: &str) {
        h.get_by_label(label).click();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
        h.key_press(egui::Key::Enter);
        h.run();
    }

    /// Scenarios that, between them, hold every enum variant and every optional value, so that
    /// every editor is drawn for one of them.
    fn every_variant() -> Vec<Scenario> {
        use crate::scenario::{BackupKind, Mounting, SensitivityCase, Sizing};
        let base = Scenario::dakhla_reference();
        let mut a = base.clone();
        a.datacenter.cooling = Cooling::Fixed { pue: 1.2 };
        a.weather = WeatherSource::Epw {
            path: "x.epw".into(),
            sha256: None,
        };
        let g = &mut a.datacenter.rack_groups[0];
        g.profile = DailyProfile::Hourly(vec![1.0; 24]);
        g.online_from = Some(YearMonth {
            year: 2029,
            month: 3,
        });
        g.flexibility = Some(crate::scenario::Flexibility {
            share_frac: 0.2,
            window_h: 48,
            ramp_frac_per_h: Some(0.1),
        });
        for p in &mut a.solar_plants {
            p.mounting = Mounting::Fixed {
                tilt_deg: 20.0,
                azimuth_deg: 180.0,
                gcr: 0.4,
            };
        }
        a.wind_farms[0].turbine = TurbineChoice::Custom {
            name: "T".into(),
            rated_kw: 6000.0,
            rotor_diameter_m: 170.0,
            power_curve_kw: vec![(3.0, 0.0), (12.0, 6000.0), (25.0, 6000.0)],
        };
        if let Some(u) = a.backup.first_mut() {
            u.kind = BackupKind::GridImport;
            u.available_from = Some(YearMonth {
                year: 2029,
                month: 7,
            });
        }
        let o = &mut a.optimizer;
        for s in [
            &mut o.solar_mwdc,
            &mut o.wind_mw,
            &mut o.battery_energy_mwh,
            &mut o.battery_power_mw,
            &mut o.backup_mw,
        ] {
            *s = Sizing::Between {
                min: 0.0,
                max: 1000.0,
            };
        }
        o.max_solar_land_ha = Some(1000.0);
        o.sensitivities = vec![SensitivityCase {
            name: "cheap solar".into(),
            flexible_share_frac: Some(0.2),
            ..SensitivityCase::default()
        }];
        a.targets.min_renewable_fraction = Some(0.8);
        a.targets.min_cfe_score = Some(0.8);
        a.targets.max_unmet_energy_mwh = Some(0.0);
        a.simulation.dispatch = crate::scenario::DispatchMode::Forecast { horizon_h: 24 };
        let mut b = base;
        b.datacenter.cooling = Cooling::WeatherDriven(WeatherDrivenCooling::default());
        b.weather = WeatherSource::Synthetic {
            seed: 1,
            year: 2029,
        };
        for p in &mut b.solar_plants {
            p.mounting = Mounting::SingleAxis {
                max_angle_deg: 55.0,
                gcr: 0.35,
                backtrack: true,
            };
        }
        a.datacenter.heat_rejection =
            crate::scenario::HeatRejection::CoolingTower(Default::default());
        b.datacenter.heat_rejection =
            crate::scenario::HeatRejection::AdiabaticPads(Default::default());
        let mut c = Scenario::dakhla_reference();
        c.datacenter.heat_rejection = crate::scenario::HeatRejection::Seawater(Default::default());
        c.datacenter.water_supply = crate::scenario::WaterSupply::Allocation(Default::default());
        vec![a, b, c]
    }

    #[test]
    fn every_input_of_the_field_registry_has_a_gui_editor_labelled_from_it() {
        use crate::scenario::fields::{self, Editor};
        let palette = Palette::of(ThemeChoice::Light);
        let issues = BTreeMap::new();
        let base_dir = PathBuf::from(".");
        let ctx = PanelContext {
            previous: None,
            issues: &issues,
            results: None,
            palette: &palette,
            base_dir: &base_dir,
            currency: Default::default(),
        };
        let egui_ctx = egui::Context::default();
        let ((), drawn) = record_drawn(|| {
            for scenario in every_variant() {
                for kind in PanelKind::ALL {
                    let mut s = scenario.clone();
                    let mut out = egui_ctx.run_ui(egui::RawInput::default(), |ui| {
                        panels::show(kind, ui, &mut s, &ctx);
                    });
                    out.textures_delta.clear();
                }
            }
        });
        let missing: Vec<&str> = fields::all()
            .filter(|f| f.editor == Editor::Gui && !drawn.contains(f.path))
            .map(|f| f.path)
            .collect();
        assert!(
            missing.is_empty(),
            "inputs without a GUI editor:\n{}",
            missing.join("\n")
        );
        // Every editor drawn is one of the registry's (it took its label from there).
        for path in &drawn {
            assert!(fields::spec(path).is_some(), "{path} has no spec");
        }
        // The automatic fields are not edited by hand.
        for f in fields::all().filter(|f| f.editor != Editor::Gui) {
            assert!(
                !drawn.contains(f.path),
                "{} is automatic but has an editor",
                f.path
            );
        }
    }

    #[test]
    fn every_panel_shows_the_reference_scenario_with_and_without_results() {
        let results = reference_results();
        assert!(results.is_some(), "the reference scenario simulates");
        for kind in PanelKind::ALL {
            for r in [None, results.clone()] {
                let mut h = harness(kind, Scenario::dakhla_reference(), BTreeMap::new(), r);
                h.run();
                assert_eq!(
                    *h.state(),
                    Scenario::dakhla_reference(),
                    "{kind:?}: showing a panel must not change the scenario"
                );
            }
        }
    }

    #[test]
    fn panels_survive_empty_lists_and_odd_values() {
        let mut s = Scenario::dakhla_reference();
        s.solar_plants.clear();
        s.wind_farms.clear();
        s.backup.clear();
        s.datacenter.rack_groups[0].profile = DailyProfile::Hourly(vec![1.0, f64::NAN, -3.0]);
        s.datacenter.rack_groups[1].online_from = Some(YearMonth {
            year: 20_000,
            month: 13,
        });
        s.datacenter.rack_groups[2].kw_per_rack = f64::INFINITY;
        s.battery.power_mw = 0.0;
        s.simulation.timestep_min = 15;
        s.weather = WeatherSource::Epw {
            path: String::new(),
            sha256: None,
        };
        let mut odd = Scenario::dakhla_reference();
        odd.wind_farms[0].turbine = TurbineChoice::Library {
            name: "no such turbine".into(),
        };
        odd.solar_plants[0].dc_ac_ratio = 0.0;
        let mut custom = Scenario::dakhla_reference();
        custom.wind_farms[0].turbine = TurbineChoice::Custom {
            name: String::new(),
            rated_kw: 0.0,
            rotor_diameter_m: 0.0,
            power_curve_kw: Vec::new(),
        };
        custom.datacenter.rack_groups.clear();
        custom.datacenter.cooling = Cooling::Fixed { pue: f64::NAN };
        for scenario in [s, odd, custom] {
            for kind in PanelKind::ALL {
                let mut h = harness(kind, scenario.clone(), BTreeMap::new(), None);
                h.run();
                // Open every list item so its fields are drawn too.
                let titles: Vec<String> = scenario
                    .datacenter
                    .rack_groups
                    .iter()
                    .map(|g| g.name.clone())
                    .chain(scenario.solar_plants.iter().map(|p| p.name.clone()))
                    .chain(scenario.wind_farms.iter().map(|f| f.name.clone()))
                    .chain(scenario.backup.iter().map(|u| u.name.clone()))
                    .collect();
                for t in titles {
                    if h.query_by_label_contains(&t).is_some() {
                        open(&mut h, &t);
                    }
                }
                // Debug text, not ==: NaN fields are never equal to themselves.
                assert_eq!(
                    format!("{:?}", h.state()),
                    format!("{scenario:?}"),
                    "{kind:?} changed the scenario"
                );
            }
        }
    }

    #[test]
    fn typing_a_battery_energy_changes_the_draft() {
        let mut h = harness(
            PanelKind::Storage,
            Scenario::dakhla_reference(),
            BTreeMap::new(),
            None,
        );
        h.run();
        type_into(&mut h, "Battery energy", "2500");
        assert_eq!(h.state().battery.energy_mwh, 2500.0);
        assert!(
            h.query_by_label_contains("6.25 h").is_some(),
            "duration 2500/400"
        );
    }

    #[test]
    fn any_value_may_be_typed_nothing_is_clamped() {
        let mut h = harness(
            PanelKind::Storage,
            Scenario::dakhla_reference(),
            BTreeMap::new(),
            None,
        );
        h.run();
        type_into(&mut h, "Round-trip efficiency", "150");
        assert!((h.state().battery.round_trip_eff - 1.5).abs() < 1e-12);
        type_into(&mut h, "Battery energy", "-5");
        assert_eq!(h.state().battery.energy_mwh, -5.0);
    }

    #[test]
    fn an_issue_of_the_draft_is_shown_next_to_its_field() {
        let mut s = Scenario::dakhla_reference();
        s.battery.soc_min_frac = 0.99;
        let issues = s
            .validate(None)
            .into_iter()
            .map(|i| (i.path, i.message))
            .collect::<BTreeMap<_, _>>();
        let msg = issues.get("battery.soc_max_frac").cloned();
        assert!(msg.is_some(), "validation reports soc_max: {issues:?}");
        let msg = msg.unwrap_or_default();
        let mut h = harness(PanelKind::Storage, s, issues, None);
        h.run();
        assert!(h.query_by_label_contains(&msg).is_some());
    }

    #[test]
    fn a_list_item_issue_marks_its_header_and_field() {
        let mut s = Scenario::dakhla_reference();
        s.datacenter.rack_groups[2].utilization = 1.7;
        let issues: BTreeMap<String, String> = s
            .validate(None)
            .into_iter()
            .map(|i| (i.path, i.message))
            .collect();
        let msg = issues
            .get("datacenter.rack_groups[2].utilization")
            .cloned()
            .unwrap_or_default();
        assert!(!msg.is_empty());
        let mut h = harness(PanelKind::Load, s, issues, None);
        h.run();
        assert!(h.query_by_label_contains("(!) Cloud & storage").is_some());
        open(&mut h, "Cloud & storage");
        assert!(h.query_by_label_contains(&msg).is_some());
    }

    #[test]
    fn rack_groups_are_added_removed_duplicated_and_moved() {
        let mut h = harness(
            PanelKind::Load,
            Scenario::dakhla_reference(),
            BTreeMap::new(),
            None,
        );
        h.run();
        h.get_by_label("Add rack group").click();
        h.run();
        let groups = &h.state().datacenter.rack_groups;
        assert_eq!(groups.len(), 4);
        assert_eq!(groups[3].name, "Air-cooled hall");
        // The new group opens: its Remove button is the only one shown.
        h.get_by_label("Remove").click();
        h.run();
        assert_eq!(h.state().datacenter.rack_groups.len(), 3);
        assert_eq!(
            h.state().datacenter.rack_groups,
            Scenario::dakhla_reference().datacenter.rack_groups
        );

        open(&mut h, "AI hall B");
        h.get_by_label("Duplicate").click();
        h.run();
        let names: Vec<String> = h
            .state()
            .datacenter
            .rack_groups
            .iter()
            .map(|g| g.name.clone())
            .collect();
        assert_eq!(names.len(), 4);
        assert_eq!(names[2], format!("{} (copy)", names[1]));

        // Only the original B (index 1) and its copy (index 2) are open; move the original up.
        if let Some(n) = h.get_all_by_label("Move up").next() {
            n.click();
        }
        h.run();
        let names2: Vec<String> = h
            .state()
            .datacenter
            .rack_groups
            .iter()
            .map(|g| g.name.clone())
            .collect();
        assert_eq!(names2[0], names[1]);
        assert_eq!(names2[1], names[0]);
    }

    #[test]
    fn removing_every_item_never_panics() {
        let mut s = Scenario::dakhla_reference();
        s.backup.truncate(2);
        let mut h = harness(PanelKind::Backup, s, BTreeMap::new(), None);
        h.run();
        for _ in 0..2 {
            let name = h.state().backup[0].name.clone();
            open(&mut h, &name);
            if let Some(n) = h.get_all_by_label("Remove").next() {
                n.click();
            }
            h.run();
        }
        assert!(h.state().backup.is_empty());
        h.get_by_label("Add backup unit").click();
        h.run();
        let u = &h.state().backup[0];
        assert_eq!(
            (
                u.efficiency,
                u.fuel_cost_per_mwh_th,
                u.emission_factor_t_per_mwh_th
            ),
            // LNG at 34.1 USD/MWh_th in dirhams at 9.2 MAD/USD: the reference's cost set.
            (0.405, 313.72, 0.202),
            "OCGT figures of the scenario docs"
        );
    }

    #[test]
    fn hourly_profile_presets_fill_24_valid_factors() {
        let mut h = harness(
            PanelKind::Load,
            Scenario::dakhla_reference(),
            BTreeMap::new(),
            None,
        );
        h.run();
        open(&mut h, "Cloud & storage");
        h.get_by_label("Office day").click();
        h.run();
        let g = &h.state().datacenter.rack_groups[2];
        let DailyProfile::Hourly(f) = &g.profile else {
            panic!("profile stays hourly");
        };
        assert_eq!(f.len(), 24);
        assert!(f.iter().all(|v| v * g.utilization <= 1.0 + 1e-9));
        let mut s = h.state().clone();
        s.datacenter.rack_groups[2].profile = g.profile.clone();
        assert!(
            s.validate(None).iter().all(|i| !i.path.contains("profile")),
            "a preset passes validation"
        );
    }

    #[test]
    fn switching_cooling_model_uses_the_documented_defaults() {
        let mut h = harness(
            PanelKind::Cooling,
            Scenario::dakhla_reference(),
            BTreeMap::new(),
            None,
        );
        h.run();
        h.get_by_label("Cooling model").click();
        h.run();
        h.get_by_label("Fixed PUE").click();
        h.run();
        assert_eq!(h.state().datacenter.cooling, Cooling::Fixed { pue: 1.2 });
        h.get_by_label("Cooling model").click();
        h.run();
        h.get_by_label("Weather-driven").click();
        h.run();
        assert_eq!(
            h.state().datacenter.cooling,
            Cooling::WeatherDriven(WeatherDrivenCooling::default())
        );
    }

    #[test]
    fn custom_turbine_starts_from_the_library_curve() {
        let mut h = harness(
            PanelKind::Wind,
            Scenario::dakhla_reference(),
            BTreeMap::new(),
            None,
        );
        h.run();
        open(&mut h, "Dakhla North wind");
        let before = h.state().wind_farms[0].turbine.power_curve();
        h.get_by_label("Turbine").click();
        h.run();
        h.get_by_label("Custom…").click();
        h.run();
        match &h.state().wind_farms[0].turbine {
            TurbineChoice::Custom {
                power_curve_kw,
                rated_kw,
                ..
            } => {
                assert_eq!(power_curve_kw, &before);
                assert_eq!(*rated_kw, 6000.0, "NREL 6 MW reference turbine");
            }
            other => panic!("expected a custom turbine, got {other:?}"),
        }
        let rows = before.len();
        h.get_by_label("Add row").click();
        h.run();
        let TurbineChoice::Custom { power_curve_kw, .. } = &h.state().wind_farms[0].turbine else {
            panic!("still custom");
        };
        assert_eq!(power_curve_kw.len(), rows + 1);
    }

    #[test]
    fn targets_can_be_switched_off_and_on() {
        let mut h = harness(
            PanelKind::Targets,
            Scenario::dakhla_reference(),
            BTreeMap::new(),
            reference_results(),
        );
        h.run();
        h.get_by_label("Minimum CFE score").click();
        h.run();
        assert_eq!(h.state().targets.min_cfe_score, None);
        h.get_by_label("Minimum CFE score").click();
        h.run();
        assert_eq!(h.state().targets.min_cfe_score, Some(0.85));
        assert_eq!(
            h.query_all_by_label_contains("(target ≥ 85.0 %)").count(),
            2,
            "renewable fraction and CFE score, each shown against its target"
        );
        type_into(&mut h, "Minimum CFE score value", "90");
        assert_eq!(h.state().targets.min_cfe_score, Some(0.9));
    }

    #[test]
    fn issues_under_a_path_are_found_by_prefix_not_by_similar_names() {
        let palette = Palette::of(ThemeChoice::Light);
        let mut issues = BTreeMap::new();
        issues.insert("solar_plants[1].gcr".to_owned(), "x".to_owned());
        issues.insert("solar_plants[10]".to_owned(), "y".to_owned());
        let ctx = PanelContext {
            previous: None,
            issues: &issues,
            results: None,
            palette: &palette,
            base_dir: Path::new("."),
            currency: Default::default(),
        };
        assert!(has_issues_under(&ctx, "solar_plants[1]"));
        assert!(has_issues_under(&ctx, "solar_plants[10]"));
        assert!(!has_issues_under(&ctx, "solar_plants[0]"));
        assert!(has_issues_under(&ctx, "solar_plants"));
        assert!(!has_issues_under(&ctx, "solar"));
    }

    #[test]
    fn unique_names_count_up() {
        let names = ["A", "A 2"];
        assert_eq!(unique_name("B", names.iter().copied()), "B");
        assert_eq!(unique_name("A", names.iter().copied()), "A 3");
    }
}
