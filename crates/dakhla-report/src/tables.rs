//! The results as tables a planner pastes into a spreadsheet: energy by month and for the year
//! (by the layers of the balance charts), and the year's costs by line. The GUI shows them and
//! copies them as TSV (tab-separated: a spreadsheet splits the columns on paste).

use crate::charts::{BALANCE_LAYERS, Clock, monthly_totals};
use crate::fig;
use dakhla_core::sim::Results;
use dakhla_i18n::tr;

/// A table of text cells with its column headers (units in the headers).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Tab-separated values, one line per row, headers first. Tabs and line breaks inside a
    /// cell (a unit's name) become spaces, so the columns stay aligned on paste. Figures lose
    /// the thousands separator French writes them with ("350 000" pastes as 350000), which a
    /// spreadsheet would read as text.
    pub fn to_tsv(&self) -> String {
        let clean = |c: &str| {
            c.replace(['\t', '\n', '\r'], " ")
                .replace(dakhla_i18n::NARROW_NBSP, "")
        };
        let mut out = String::new();
        for row in std::iter::once(&self.headers).chain(&self.rows) {
            let cells: Vec<String> = row.iter().map(|c| clean(c)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
        out
    }
}

/// Energy by calendar month of `clock` and for the whole run [MWh]: facility load and each
/// layer of the energy balance (solar and wind used, battery discharge, backup, unmet, battery
/// charge, curtailed), by the months of [`monthly_totals`]. The first header names the clock
/// ("month (UTC+1)"). The last row ("total") sums the months.
pub fn monthly_energy(r: &Results, clock: Clock) -> Table {
    let months = monthly_totals(r, clock.offset_h(r));
    let mut headers = vec![
        tr!("report-table-month", clock = clock.name(r)),
        tr!("report-table-facility-load"),
    ];
    headers.extend(
        BALANCE_LAYERS
            .iter()
            .map(|l| tr!("report-table-layer", layer = l.label())),
    );
    let mwh = |v: f64| fig(v, 0);
    let mut total = [0.0; BALANCE_LAYERS.len()];
    let mut total_load = 0.0;
    let mut rows: Vec<Vec<String>> = months
        .iter()
        .map(|m| {
            total_load += m.load_mwh;
            for (t, v) in total.iter_mut().zip(m.layers_mwh) {
                *t += v;
            }
            let month = tr!(
                "report-table-month-value",
                year = format!("{:04}", m.year),
                month = format!("{:02}", m.month)
            );
            let mut row = vec![month, mwh(m.load_mwh)];
            row.extend(m.layers_mwh.iter().map(|v| mwh(*v)));
            row
        })
        .collect();
    let mut last = vec![tr!("report-table-total"), mwh(total_load)];
    last.extend(total.iter().map(|v| mwh(*v)));
    rows.push(last);
    Table { headers, rows }
}

/// The year's costs by line (each plant, farm, the battery, each backup unit), in the
/// scenario's currency [per year], with a total row.
pub fn annual_costs(r: &Results) -> Table {
    let money = &r.kpis.money;
    let headers = [
        "report-table-item",
        "report-table-capacity",
        "report-table-unit",
        "report-table-capex",
        "report-table-annualized-capex",
        "report-table-fixed-om",
        "report-table-fuel",
        "report-table-variable-om",
        "report-table-carbon",
        "report-table-total-usd",
    ]
    .map(|id| tr!(id).replace("USD", money.currency.code()))
    .to_vec();
    let usd = |v: f64| fig(money.from_usd(v), 0);
    // A capacity to a tenth ("12.5"), the current language's way ("12,5").
    let capacity = |v: f64| {
        let v = (v * 10.0).round() / 10.0;
        match dakhla_i18n::current() {
            dakhla_i18n::Lang::En => dakhla_core::text::number(v),
            _ => dakhla_i18n::number(v, if v.fract() == 0.0 { 0 } else { 1 }),
        }
    };
    let mut rows: Vec<Vec<String>> = r
        .costs
        .lines
        .iter()
        .map(|l| {
            vec![
                l.item.clone(),
                capacity(l.capacity),
                l.capacity_unit.clone(),
                usd(l.capex_usd),
                usd(l.annualized_capex_usd),
                usd(l.fixed_om_usd_per_year),
                usd(l.fuel_usd_per_year),
                usd(l.variable_om_usd_per_year),
                usd(l.carbon_usd_per_year),
                usd(l.annual_usd()),
            ]
        })
        .collect();
    let sum = |f: fn(&dakhla_core::sim::economics::CostLine) -> f64| {
        usd(r.costs.lines.iter().map(f).sum())
    };
    rows.push(vec![
        tr!("report-table-total"),
        String::new(),
        String::new(),
        sum(|l| l.capex_usd),
        sum(|l| l.annualized_capex_usd),
        sum(|l| l.fixed_om_usd_per_year),
        sum(|l| l.fuel_usd_per_year),
        sum(|l| l.variable_om_usd_per_year),
        sum(|l| l.carbon_usd_per_year),
        usd(r.costs.annualized_cost_usd),
    ]);
    Table { headers, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dakhla_core::scenario::Scenario;
    use dakhla_core::sim::Engine;
    use std::path::Path;

    #[test]
    fn the_tables_add_up_to_the_run_and_paste_as_columns() {
        let r = Engine::new()
            .run(&Scenario::dakhla_reference(), Path::new("."))
            .unwrap();
        let t = monthly_energy(&r, Clock::Utc);
        assert_eq!(t.rows.len(), 13, "12 months and the total");
        assert_eq!(t.headers[0], "month (UTC)");
        assert_eq!(t.rows[0][0], "2029-01");
        assert_eq!(t.headers.len(), 2 + BALANCE_LAYERS.len());
        let col = |name: &str| t.headers.iter().position(|h| h.starts_with(name)).unwrap();
        let total = &t.rows[12];
        let load: f64 = total[col("facility load")].parse().unwrap();
        assert!((load - r.kpis.facility_energy_mwh).abs() < 1.0, "{load}");
        let curtailed: f64 = total[col("curtailed")].parse().unwrap();
        assert!((curtailed - r.kpis.curtailed_energy_mwh).abs() < 1.0);
        let tsv = t.to_tsv();
        assert_eq!(tsv.lines().count(), 14);
        assert!(
            tsv.lines()
                .all(|l| l.split('\t').count() == t.headers.len())
        );
        let c = annual_costs(&r);
        let last = c.rows.last().unwrap();
        let annual: f64 = last[9].parse().unwrap();
        // In the scenario's currency (dirhams for the reference).
        let m = &r.kpis.money;
        assert!((annual - m.from_usd(r.costs.annualized_cost_usd)).abs() < 1.0);
        let capex: f64 = last[3].parse().unwrap();
        assert!((capex - m.from_usd(r.costs.capex_usd)).abs() < 2.0);
        // In the site's legal time (UTC+1) the header says so: the site's twelve months, which
        // add up to the same year.
        let site = monthly_energy(&r, Clock::SiteLegal);
        assert_eq!(site.headers[0], "month (UTC+1)");
        assert_eq!(site.rows.len(), 13, "12 months and the total");
        assert_eq!(site.rows[11][0], "2029-12");
        assert_eq!(site.rows[12], t.rows[12], "the same totals");
        assert_ne!(site.rows[0], t.rows[0], "January moved by an hour");
        // A tab in a name does not split a column.
        let odd = Table {
            headers: vec!["a".into(), "b".into()],
            rows: vec![vec!["x\ty".into(), "1".into()]],
        };
        assert_eq!(odd.to_tsv(), "a\tb\nx y\t1\n");
    }
}
