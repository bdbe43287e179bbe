//! Panel: the dispatchable backup units as a list (add, remove, duplicate, reorder). Choosing a
//! kind fills that kind's typical efficiency, fuel price and emission factor; every field stays
//! editable.

use super::PanelContext;
use crate::gui::widgets::{self as w, ListOp};
use crate::scenario::{BackupKind, BackupUnit, Economics, Scenario, YearMonth, fields, money};
use dakhla_i18n::tr;

const LIST: &str = "backup";

/// Typical figures of a kind of backup unit (sources in `scenarios/dakhla-500mw.ron`); its
/// money figures come from the scenario's cost set ([`money::backup_kind_costs`]).
struct KindDefaults {
    efficiency: f64,
    emission_factor_t_per_mwh_th: f64,
    carbon_free_frac: f64,
}

fn defaults(kind: BackupKind) -> KindDefaults {
    match kind {
        // Danish Energy Agency OCGT 40.5 %; IPCC 2006 natural gas 56.1 t/TJ = 0.202 t/MWh_th.
        BackupKind::GasTurbine => KindDefaults {
            efficiency: 0.405,
            emission_factor_t_per_mwh_th: 0.202,
            carbon_free_frac: 0.0,
        },
        // DEA diesel engines 35 %; IPCC 2006 gas/diesel oil 74.1 t/TJ = 0.267 t/MWh_th.
        BackupKind::DieselGenset => KindDefaults {
            efficiency: 0.35,
            emission_factor_t_per_mwh_th: 0.267,
            carbon_free_frac: 0.0,
        },
        // Assumptions for a grid link: a grid emission factor of about 0.6 t/MWh and a fifth of
        // the mix carbon-free.
        BackupKind::GridImport => KindDefaults {
            efficiency: 1.0,
            emission_factor_t_per_mwh_th: 0.6,
            carbon_free_frac: 0.2,
        },
    }
}

/// Fill the typical figures of the unit's kind: costs and emissions, and the failure data of
/// the field registry (units of the kind's typical size).
fn apply_defaults(u: &mut BackupUnit, e: &Economics) {
    let d = defaults(u.kind);
    u.efficiency = d.efficiency;
    u.fuel_cost_per_mwh_th = 0.0;
    u.variable_om_per_mwh = 0.0;
    u.export_price_per_mwh = 0.0;
    for (field, v) in money::backup_kind_costs(e, u.kind) {
        match field.as_str() {
            "fuel_cost_per_mwh_th" => u.fuel_cost_per_mwh_th = v,
            "variable_om_per_mwh" => u.variable_om_per_mwh = v,
            "export_price_per_mwh" => u.export_price_per_mwh = v,
            _ => {}
        }
    }
    // Only a grid link exports.
    if u.kind != BackupKind::GridImport {
        u.export_capacity_mw = 0.0;
    }
    u.emission_factor_t_per_mwh_th = d.emission_factor_t_per_mwh_th;
    u.carbon_free_frac = d.carbon_free_frac;
    let f = u.kind.failure_defaults();
    u.unit_count = u.kind.typical_unit_count(u.capacity_mw);
    u.forced_outage_rate = f.forced_outage_rate;
    u.mean_time_to_repair_h = f.mean_time_to_repair_h;
    u.start_failure_prob = f.start_failure_prob;
}

/// The kinds in the order of the field registry, with its words.
fn kinds() -> [(BackupKind, std::borrow::Cow<'static, str>); 3] {
    let word = |name| fields::choice_word("backup[].kind", name);
    [
        (BackupKind::GasTurbine, word("GasTurbine")),
        (BackupKind::DieselGenset, word("DieselGenset")),
        (BackupKind::GridImport, word("GridImport")),
    ]
}

/// Edit the backup units.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::note(ui, &tr!("panel-backup-intro"), ctx);
    let year = s.simulated_year();
    w::issue_line(ui, LIST, ctx);
    let economics = s.economics.clone();
    let units = &mut s.backup;
    let len = units.len();
    let mut op: Option<ListOp> = None;
    for (i, u) in units.iter_mut().enumerate() {
        let path = format!("{LIST}[{i}]");
        let title = format!(
            "{} — {} MW",
            if u.name.trim().is_empty() {
                tr!("panel-unnamed")
            } else {
                u.name.as_str().into()
            },
            u.capacity_mw
        );
        w::item(ui, &path, &title, ctx, |ui| {
            unit_fields(ui, u, &path, &economics, year, ctx);
            w::item_buttons(ui, i, len, true, &mut op);
        });
    }
    w::apply_list_op(ui, units, LIST, op, |u, all| BackupUnit {
        name: w::unique_name(
            &tr!("panel-copy-name", name = u.name.as_str()),
            all.iter().map(|u| u.name.as_str()),
        ),
        ..u.clone()
    });
    if units.is_empty() {
        w::note(ui, &tr!("panel-backup-none"), ctx);
    }
    if ui
        .button(tr!("panel-backup-add"))
        .on_hover_text(tr!("panel-backup-add-help"))
        .clicked()
    {
        let name = w::unique_name(
            &tr!("panel-backup-new-name"),
            units.iter().map(|u| u.name.as_str()),
        );
        let mut u = BackupUnit {
            name,
            kind: BackupKind::GasTurbine,
            capacity_mw: 100.0,
            efficiency: 0.0,
            fuel_cost_per_mwh_th: 0.0,
            variable_om_per_mwh: 0.0,
            emission_factor_t_per_mwh_th: 0.0,
            carbon_free_frac: 0.0,
            unit_count: 1,
            forced_outage_rate: 0.0,
            mean_time_to_repair_h: 0.0,
            start_failure_prob: 0.0,
            export_capacity_mw: 0.0,
            export_price_per_mwh: 0.0,
            available_from: None,
        };
        apply_defaults(&mut u, &economics);
        w::push_item(ui, units, LIST, u);
    }
    if let Some(r) = ctx.results {
        w::note(
            ui,
            &tr!(
                "panel-backup-last-run",
                energy = format!(
                    "{} GWh",
                    dakhla_i18n::number(r.kpis.backup_energy_mwh / 1000.0, 1)
                ),
                peak = dakhla_i18n::number(r.kpis.peak_backup_mw, 1),
                co2 = crate::text::whole(r.kpis.co2_tonnes.max(0.0).round() as u64)
            ),
            ctx,
        );
    }
}

fn unit_fields(
    ui: &mut egui::Ui,
    u: &mut BackupUnit,
    path: &str,
    economics: &Economics,
    year: i32,
    ctx: &PanelContext,
) {
    let f = |field: &str| format!("{path}.{field}");
    w::text(ui, &mut u.name, &f("name"), ctx);
    let before = u.kind;
    w::enum_choice(ui, &mut u.kind, &kinds(), &f("kind"), ctx);
    if u.kind != before {
        apply_defaults(u, economics);
    }
    let grid = u.kind == BackupKind::GridImport;
    w::number(ui, &mut u.capacity_mw, &f("capacity_mw"), ctx);
    w::number(ui, &mut u.efficiency, &f("efficiency"), ctx);
    // A grid link's "fuel" is its import tariff, its emissions per MWh imported.
    let variant = if grid { "GridImport" } else { "" };
    w::number_in(
        ui,
        &mut u.fuel_cost_per_mwh_th,
        &f("fuel_cost_per_mwh_th"),
        variant,
        ctx,
    );
    w::number(
        ui,
        &mut u.variable_om_per_mwh,
        &f("variable_om_per_mwh"),
        ctx,
    );
    w::number_in(
        ui,
        &mut u.emission_factor_t_per_mwh_th,
        &f("emission_factor_t_per_mwh_th"),
        variant,
        ctx,
    );
    w::number(ui, &mut u.carbon_free_frac, &f("carbon_free_frac"), ctx);
    // A link's export of surplus (the law lets a producer sell part of its production).
    if grid {
        w::number(ui, &mut u.export_capacity_mw, &f("export_capacity_mw"), ctx);
        w::number(
            ui,
            &mut u.export_price_per_mwh,
            &f("export_price_per_mwh"),
            ctx,
        );
    }
    w::optional_year_month(
        ui,
        &mut u.available_from,
        YearMonth { year, month: 1 },
        &f("available_from"),
        ctx,
    );
}
