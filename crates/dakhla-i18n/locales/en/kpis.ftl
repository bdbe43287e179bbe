# dakhla-planner: the KPIs of the KPI registry, in English.
# Written from crates/dakhla-core/src/sim/kpi_registry.rs (the registry is the English):
# DAKHLA_UPDATE_GOLDENS=1 cargo test -p dakhla-core --lib english_catalogs rewrites it.
# locales/fr/kpis.ftl translates every message and attribute.

kpi-section-datacenter = Datacenter
kpi-section-energy = Energy
kpi-section-cost_and_carbon = Cost and carbon

kpi-racks_total = Racks planned
    .help = Racks of every group online in the simulated year.

kpi-racks_fit_under_cap = Racks that fit under the cap
    .help = Racks whose design-day facility power (nameplate × design PUE) fits under the facility power cap, groups taken in order.

kpi-peak_it_mw = Peak IT power
    .help = Highest hourly IT power of the year.

kpi-facility_power_cap_mw = Facility power cap
    .help = The campus's grid or design limit on facility power (datacenter.facility_power_cap_mw).

kpi-peak_facility_mw = Peak facility power
    .help = Highest hourly facility power of the year (IT × PUE).

kpi-pue_design = PUE at the design temperature
    .help = PUE at the design-day temperature, used to check that the racks fit under the facility power cap.

kpi-pue_mean = PUE, energy-weighted mean
    .help = Facility energy over IT energy for the year (The Green Grid's annual PUE).

kpi-pue_peak = PUE, highest hour
    .help = The highest hourly PUE of the year, in the hottest hours.

kpi-it_energy_mwh = IT energy
    .help = Energy drawn by the IT equipment over the year: racks online × kW per rack × utilization, hour by hour.

kpi-facility_energy_mwh = Facility energy
    .help = Energy drawn by the whole campus (IT × PUE, hour by hour, and the campus desalination plant's electricity): the load the supply must serve.

kpi-solar_energy_mwh = Solar available
    .help = AC energy the solar plants could deliver over the year, before curtailment.

kpi-wind_energy_mwh = Wind available
    .help = Net energy the wind farms could deliver over the year (after wake and other losses), before curtailment.

kpi-solar_capacity_factor_dc = Solar capacity factor (DC)
    .help = Available solar energy over DC nameplate × hours of the year.

kpi-solar_capacity_factor_ac = Solar capacity factor (AC)
    .help = Available solar energy over AC rating × hours of the year.

kpi-wind_capacity_factor = Wind capacity factor (net)
    .help = Net wind energy over rated power × hours of the year.

kpi-curtailed_energy_mwh = Curtailed
    .help = Solar and wind energy available but neither used nor stored.

kpi-exported_energy_mwh = Exported
    .help = Solar and wind surplus sold over a grid link (backup entries with an export capacity) instead of being curtailed.

kpi-battery_charge_mwh = Battery charged
    .help = Energy put into the battery over the year (before losses).

kpi-battery_discharge_mwh = Battery discharged
    .help = Energy the battery delivered to the campus over the year.

kpi-battery_cycles = Battery full cycles
    .help = Energy discharged over the usable capacity: equivalent full cycles in the year.

kpi-backup_energy_mwh = Backup energy
    .help = Energy from the backup (gas turbines, gensets, a grid link) over the year.

kpi-peak_backup_mw = Peak backup power
    .help = Highest hourly backup power of the year.

kpi-unmet_energy_mwh = Unmet energy
    .help = Facility energy that neither the renewables, the battery nor the backup could serve.

kpi-loss_of_load_hours = Hours with unmet load
    .help = Hours of the year in which part of the facility load was not served.

kpi-renewable_fraction = Renewable fraction
    .help = Share of the facility energy served by solar and wind, directly or through the battery, over the year.

kpi-cfe_score = 24/7 CFE score
    .help = Share of the facility energy matched hour by hour by carbon-free supply (Google's 24/7 CFE): the carbon-free share of backup counts, surplus in one hour never offsets another.

kpi-capex_usd = Capex
    .help = Overnight capital cost of the supply: solar, wind, battery and backup.

kpi-opex_usd_per_year = Opex
    .help = Fixed and variable operation and maintenance plus fuel and grid energy and the water, less export revenue, for the simulated year.

kpi-annualized_cost_usd = Annualized cost
    .help = Capex spread over each asset's life at the discount rate (capital recovery factor), plus opex, less export revenue: what the optimizer minimizes.

kpi-export_revenue_usd_per_year = Export revenue
    .help = Exported surplus times its export price, for the simulated year; taken off the annualized cost and the LCOE.

kpi-net_present_cost_usd = Net present cost
    .help = Annualized cost discounted over the project life: what the supply costs over its life, in today's money.

kpi-lcoe_usd_per_mwh = Cost per MWh served (LCOE)
    .help = Annualized cost over the facility energy served.

kpi-co2_tonnes = CO2 emitted
    .help = CO2 from the backup's fuel and the carbon-emitting share of grid imports over the year.

kpi-co2_intensity_kg_per_mwh = CO2 per MWh served
    .help = CO2 emitted over the facility energy served.

kpi-solar_land_ha = Solar land
    .help = Land the solar plants take (DC capacity × land use per MWdc).

kpi-flexible_energy_shifted_mwh = Flexible energy shifted
    .help = IT energy of the flexible rack groups run at another hour of its window than planned, to follow the sun and the wind (the window's energy is unchanged).

kpi-flexible_shift_mean_h = Mean shift
    .help = How far the shifted flexible energy moved on average, weighted by energy (earlier or later).

kpi-flexible_shift_max_h = Largest shift
    .help = The longest time any flexible energy moved from its planned hour.

kpi-water_m3 = Water
    .help = Water the heat rejection draws over the year: evaporation, blowdown and drift of cooling towers, or what adiabatic pads evaporate and bleed (none with dry coolers or seawater). At Dakhla it is desalinated.

kpi-wue_l_per_kwh = WUE
    .help = Water use effectiveness: site water over IT energy (The Green Grid, White Paper 35). Dry coolers 0-0.05, adiabatic assist 0.10-0.40, evaporative towers 1.2-2.0 L/kWh.

kpi-peak_water_m3_per_day = Peak water per day
    .help = The most water drawn in one local day of the year: what the water supply (a desalination plant's share) must deliver on the hottest day.

kpi-desalination_energy_mwh = Desalination energy
    .help = Electricity the campus's own desalination plant draws to make the water (the water supply's kWh per m³): part of the facility energy, not of the PUE. None for bought water.

kpi-water_cost_usd_per_year = Water cost
    .help = The year's water at economics.water_per_m3: in the opex and the annualized cost, not in the LCOE, which prices energy.
