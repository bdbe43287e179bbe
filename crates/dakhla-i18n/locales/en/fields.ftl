# dakhla-planner: the inputs of the field registry, in English.
# Written from crates/dakhla-core/src/scenario/fields.rs (the registry is the English):
# DAKHLA_UPDATE_GOLDENS=1 cargo test -p dakhla-core --lib english_catalogs rewrites it.
# locales/fr/fields.ftl translates every message and attribute.

field-schema_version = Schema version
    .help = File format version; files of an older version are migrated when opened.

field-meta-name = Scenario name
    .help = Shown in the title bar, reports and comparisons; up to 200 characters.

field-meta-description = Description
    .help = One line on what this case is, e.g. "500 MW cap; 600 MWdc PV + 396 MW wind".

field-meta-author = Author
    .help = Who made it.

field-meta-team = Team
    .help = Which team owns it.

field-meta-notes = Notes
    .help = Free notes: assumptions, sources, open questions.

field-site-name = Site name
    .help = Name of the place, e.g. "Dakhla, Morocco".

field-site-latitude_deg = Latitude
    .help = Degrees north (south negative), -90 to 90. Dakhla: 23.72.

field-site-longitude_deg = Longitude
    .help = Degrees east (west negative), -180 to 180. Dakhla: -15.93.

field-site-elevation_m = Elevation
    .help = Ground elevation above sea level; sets the air density for wind and sun. Dakhla: about 10 m.

field-site-utc_offset_h = UTC offset
    .help = Local legal time minus UTC, -12 to +14 h: rack groups' hourly profiles and build-out months, and the charts' clock, follow it. Morocco: +1 most of the year. The physics runs in UTC, and exported files stay in UTC.

field-site-ramadan_utc_offset_h = UTC offset in Ramadan
    .help = Morocco sets its clocks back to UTC+0 for Ramadan (decree 2-18-855 of 2018). On: the legal time is this offset in Morocco's Ramadan weeks (dates of the IANA tz database, zone Africa/Casablanca, to 2087), so load profiles follow the clocks people keep then. Off: the UTC offset above all year.

field-weather = Weather source
    .help = Built-in: a seeded synthetic year from Dakhla's monthly statistics (same seed, same year on every machine); valid near Dakhla only. EPW: an EnergyPlus weather file for any site (8,760 hourly rows). CSV: columns timestamp, ghi, dni, dhi, temp_air, wind_speed, optional pressure.
    .choice-Synthetic = Built-in Dakhla climate
    .choice-Epw = Weather file (EPW)
    .choice-Csv = Weather file (CSV)

field-weather-seed--Synthetic = Weather seed
    .help = Random seed of the synthetic year: the same seed gives the same weather on every machine; change it to see another plausible year.

field-weather-year--Synthetic = Weather year
    .help = Calendar year of the generated time axis, 1900-2200. Usually the simulation year.

field-weather-path = Weather file
    .help = Path of the EPW or CSV weather file, relative to the scenario file's folder (or absolute). The sun is computed for the file's own location.

field-weather-sha256 = Weather file SHA-256
    .help = SHA-256 of the weather file when it was chosen; a different file on disk is reported.

field-simulation-year = Simulation year
    .help = Operating year of the run. EPW data (typical years of mixed years) are stamped with it; synthetic weather uses its own year. 1900-2200.

field-simulation-timestep_min = Time step
    .help = Length of a simulation step. Only hourly steps are supported in this version.
    .choice-60 = 60 min (hourly)
    .choice-30 = 30 min
    .choice-15 = 15 min
    .choice-10 = 10 min
    .choice-5 = 5 min

field-simulation-dispatch = Battery dispatch
    .help = What the dispatch knows of the future when it decides how much energy the battery keeps for later deficits that the backup cannot cover. Perfect foresight knows the whole year, as the optimizer and a capacity-expansion LP do; a rolling forecast plans from the next hours only, as a real energy-management system; greedy keeps no reserve. The reliability run uses the same mode and never foresees failures.
    .choice-PerfectForesight = Perfect foresight (as the optimizer sizes)
    .choice-Forecast = Rolling forecast
    .choice-Greedy = Greedy (present only)

field-simulation-dispatch-horizon_h = Forecast horizon
    .help = Hours of net load (renewables minus load) the rolling forecast sees, taken as exact. Assumption: 24 h, the day-ahead horizon of the energy-management systems of hybrid plants; 1-168 h.

field-datacenter-facility_power_cap_mw = Power cap
    .help = The campus power limit. Dakhla: 500 MW. Large AI campuses: 100-1,000 MW.

field-datacenter-cap_applies_to = Cap applies to
    .help = Whether the cap limits the whole facility (IT × PUE on the design day) or the IT racks alone. Public sources on Dakhla disagree which the 500 MW means; results show both.
    .choice-Facility = Facility power (IT × PUE)
    .choice-It = IT power only

field-datacenter-rack_groups = Rack groups
    .help = Groups of identical racks, each coming online at one time.

field-datacenter-rack_groups-name = Name
    .help = A name unique among the rack groups, e.g. "AI hall A".

field-datacenter-rack_groups-count = Racks
    .help = Number of identical racks in the group. A 500 MW campus holds thousands of AI racks or tens of thousands of air-cooled ones.

field-datacenter-rack_groups-kw_per_rack = Power per rack
    .help = Design power of one rack. Air-cooled 8-15 kW; liquid-cooled AI (GB200/GB300 NVL72) about 120 kW; next generations 190-230 kW.

field-datacenter-rack_groups-utilization = Utilization
    .help = Mean share of the design power drawn, 0-100 %. AI training 80-90 %; cloud and hosting 40-70 %.

field-datacenter-rack_groups-profile = Daily profile
    .help = Flat: every hour draws utilization × design power. Hourly: 24 factors by local hour multiply the utilization; each at most 1 / utilization.
    .choice-Flat = Flat
    .choice-Hourly = Hourly (24 factors)

field-datacenter-rack_groups-profile--Hourly = Hourly factor
    .help = Factor multiplying the utilization in one local hour (24 of them, hours 0 to 23); at most 1 / utilization.

field-datacenter-rack_groups-online_from-year = Online from
    .help = Phased construction: the calendar year from which the group draws power. Off: the group runs the whole simulated year.

field-datacenter-rack_groups-online_from-month = Online from month
    .help = Phased construction: the month (1 = January) from which the group draws power. A group that comes online after the simulated year draws nothing in this run.

field-datacenter-rack_groups-flexibility-share_frac = Flexible share
    .help = Flexible compute: the share of the group's IT energy (batch jobs, AI training) that may run earlier or later within each window to follow the sun and the wind. The energy of the window stays the same; the group never draws more than its racks' design power nor less than its inflexible part. Google shifts its flexible batch work within the day (Radovanovic et al. 2023); training clusters have cut power 25 % for 3 h without breaking service levels (Emerald AI 2025). Off: none moves.

field-datacenter-rack_groups-flexibility-window_h = Shift window
    .help = The flexible energy moves within windows of this length, aligned to local midnight: 24 h is the local calendar day; 48 and 168 h are counted from the run's first local midnight. Longer windows ride over cloudy or calm days but delay work longer.
    .choice-24 = 24 h (the local day)
    .choice-48 = 48 h (two days)
    .choice-168 = 168 h (a week)

field-datacenter-rack_groups-flexibility-ramp_frac_per_h = Ramp limit
    .help = Largest change of the group's IT power from one hour to the next, as a share of its design power, when the flexible work moves (a daily profile that changes faster is kept). Assumption: large training jobs checkpoint and resume in minutes, so 1 (any change) is typical; a lower value keeps the cooling plant steadier. Off: no limit.

field-datacenter-cooling = Cooling model
    .help = Fixed: one PUE for every hour. Weather-driven: the PUE follows the outdoor dry-bulb temperature hour by hour (free cooling, partial economizer, chillers).
    .choice-Fixed = Fixed PUE
    .choice-WeatherDriven = Weather-driven

field-datacenter-cooling-pue--Fixed = PUE
    .help = Power usage effectiveness: facility power over IT power, every hour. Google fleet 1.10, new large sites 1.2-1.3, industry average about 1.55.

field-datacenter-cooling-free_cooling_below_c--WeatherDriven = Free cooling below
    .help = Below this outdoor dry-bulb temperature all heat leaves through the economizer. Typical 18-24 °C (warm-water liquid cooling allows up to about 30 °C).

field-datacenter-cooling-mechanical_above_c--WeatherDriven = Mechanical above
    .help = Above this temperature all heat goes through the chillers; between the two thresholds the chiller share rises linearly. Typical 26-32 °C; at least the free-cooling threshold.

field-datacenter-cooling-economizer_power_frac--WeatherDriven = Economizer power
    .help = Pumps and dry-cooler fans in free-cooling mode, as a share of IT power. Typical 1-3 %.

field-datacenter-cooling-chiller_cop_rated--WeatherDriven = Chiller COP
    .help = Coefficient of performance (heat removed over electricity) at the rating temperature. Air-cooled chillers 3-5, water-cooled 5-7.

field-datacenter-cooling-chiller_cop_rated_temp_c--WeatherDriven = COP rated at
    .help = Outdoor temperature at which the rated COP holds. Typical 25-35 °C.

field-datacenter-cooling-chiller_cop_drop_per_c--WeatherDriven = COP drop
    .help = COP lost per degree hotter than the rating temperature. Typical 0.05-0.15 per °C.

field-datacenter-cooling-chiller_cop_min--WeatherDriven = Minimum COP
    .help = Lowest COP the chillers reach on the hottest hours; at most the rated COP. Typical 1.5-3.

field-datacenter-cooling-fan_power_frac--WeatherDriven = Fan power
    .help = Air handlers and coolant distribution units, as a share of IT power. Typical 2-5 %.

field-datacenter-cooling-ups_efficiency--WeatherDriven = UPS efficiency
    .help = Uninterruptible power supply efficiency. Eco-mode 98-99 %, double conversion 94-97 %.

field-datacenter-cooling-distribution_loss_frac--WeatherDriven = Distribution losses
    .help = Transformer and distribution losses, as a share of IT power. Typical 1-3 %.

field-datacenter-cooling-lighting_misc_frac--WeatherDriven = Lighting & misc
    .help = Lighting, offices, security and other loads, as a share of IT power. Typical 0.5-2 %.

field-datacenter-cooling-design_temp_c--WeatherDriven = Design temperature
    .help = Outdoor temperature of the design day for the capacity check: the racks must fit under the cap on such a day. Dakhla: about 35 °C on hot desert-wind days.

field-datacenter-heat_rejection = Heat rejection
    .help = Where the heat goes. Dry coolers (air-side economizer, or warm-water liquid cooling): no water. Adiabatic pads: dry coolers whose air is cooled towards the wet bulb on hot hours, spending water. Cooling towers: evaporative, the PUE follows the wet bulb, 1.2-2.0 L of water per kWh of IT energy. Seawater: plate heat exchangers on the sea, no fresh water. The weather-driven PUE model reads the temperature the heat is rejected at instead of the dry bulb.
    .choice-DryCoolers = Dry coolers
    .choice-AdiabaticPads = Adiabatic pads
    .choice-CoolingTower = Cooling towers
    .choice-Seawater = Seawater

field-datacenter-heat_rejection-wet_above_c--AdiabaticPads = Pads wet above
    .help = The pads are wetted when the outdoor dry bulb is above this; below it the dry coolers work dry. Assumption: 24 °C, a few degrees under the economizer's limit, so that the pads extend free cooling into the hot hours.

field-datacenter-heat_rejection-effectiveness--AdiabaticPads = Pad effectiveness
    .help = Saturation effectiveness of the pads: how far they cool the air from the dry bulb towards the wet bulb. Rigid media 0.75-0.90 (ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 41).

field-datacenter-heat_rejection-air_temp_rise_k--AdiabaticPads = Air temperature rise
    .help = Temperature rise of the air across the dry-cooler coils: it sets the air flow per MW, and so the water the pads evaporate. Assumption: 10 K, the middle of the 8-12 K dry coolers are selected for.

field-datacenter-heat_rejection-cycles_of_concentration--AdiabaticPads = Cycles of concentration
    .help = How many times the dissolved solids concentrate in the pad water before it is bled off: blowdown = evaporation / (cycles - 1). Assumption: 3, pads scale more easily than tower fill.

field-datacenter-heat_rejection-approach_k--CoolingTower = Approach to the wet bulb
    .help = Cold-water temperature above the wet bulb. 3-6 K at design (ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 40).

field-datacenter-heat_rejection-latent_frac--CoolingTower = Latent share of the heat
    .help = Share of the heat the towers reject by evaporating water (the rest warms the air): about 0.85 (Perry's Chemical Engineers' Handbook, 8th ed., sec. 12).

field-datacenter-heat_rejection-cycles_of_concentration--CoolingTower = Cycles of concentration
    .help = How many times the dissolved solids concentrate in the tower water before it is bled off: blowdown = evaporation / (cycles - 1). 3-6 on fresh water; desalinated make-up, low in solids, allows the upper end. Assumption: 5.

field-datacenter-heat_rejection-drift_frac--CoolingTower = Drift
    .help = Droplets carried away, as a share of the circulating water: 0.0005-0.001 % with modern drift eliminators (Cooling Technology Institute, ATC-140).

field-datacenter-heat_rejection-range_k--CoolingTower = Range
    .help = Temperature drop of the water across the towers: it sets the circulating flow, and so the drift. 5-6 K typical (ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 40).

field-datacenter-heat_rejection-sea_temp_c--Seawater = Sea temperature
    .help = Sea surface temperature at the intake, taken as constant over the year. Dakhla, on the cool Canary Current: about 20 °C (October, meteoatlas.pl); assumption for the year, 18-22 °C.

field-datacenter-heat_rejection-approach_k--Seawater = Exchanger approach
    .help = Facility water above the sea's temperature across the plate heat exchangers. Assumption: 2 K (plate exchangers are sized for 1-3 K).

field-datacenter-water_supply = Water supply
    .help = Where the water of the heat rejection comes from. Own desalination plant: seawater reverse osmosis run on the campus's supply, so its electricity is campus load. Bought: water from the public network (at Dakhla, the desalination plant's output) up to a yearly allocation; its electricity is the utility's. Either way a cubic metre costs economics.water_per_m3. No water is drawn with dry coolers or seawater cooling.
    .choice-Desalination = Own desalination plant
    .choice-Allocation = Bought, under an allocation

field-datacenter-water_supply-energy_kwh_per_m3--Desalination = Desalination energy
    .help = Electricity per cubic metre of fresh water, intake and pumping to the campus included. Seawater reverse osmosis takes 2-4 kWh/m³, the best plants 2.0-2.8, against a thermodynamic floor of about 1. Assumption: 3.0 kWh/m³.

field-datacenter-water_supply-capacity_m3_per_day--Desalination = Desalination capacity
    .help = Most water the plant makes in a day. A run whose peak day needs more says so, with the days short. 0: the plant is sized to the campus's peak day (the Peak water per day result).

field-datacenter-water_supply-max_m3_per_yr--Allocation = Yearly allocation
    .help = Most water the campus may draw in a year; a run that needs more says so. Assumption: 1,850,000 m³, 5 % of the Dakhla desalination plant's 37 million m³ a year (37 Mm³: maghress.com 2025); at 500 MW of IT a WUE of 0.3-0.4 L/kWh draws 1.3-1.75 Mm³.

field-solar_plants = Solar plants
    .help = Solar PV plants (PVWatts v8 chain).

field-solar_plants-name = Name
    .help = A name unique among the solar plants.

field-solar_plants-capacity_mwdc = DC capacity
    .help = DC nameplate of the modules. Utility plants 50-2,000 MWdc; Dakhla reference 600 MWdc.

field-solar_plants-dc_ac_ratio = DC/AC ratio
    .help = DC nameplate over inverter AC rating. Typical 1.1-1.5; above 1 the inverters clip the midday peak.

field-solar_plants-mounting = Mounting
    .help = Fixed-tilt racks, or horizontal north-south single-axis trackers that follow the sun east to west (the standard for utility PV at low latitude).
    .choice-Fixed = Fixed tilt
    .choice-SingleAxis = Single-axis trackers

field-solar_plants-mounting-tilt_deg--Fixed = Tilt
    .help = Module tilt from horizontal. Near the latitude for most yearly energy (Dakhla about 20-24°); 0-90°.

field-solar_plants-mounting-azimuth_deg--Fixed = Azimuth
    .help = Direction the modules face, clockwise from north: 180° = south (northern hemisphere), 0° = north.

field-solar_plants-mounting-gcr--Fixed = Ground coverage ratio
    .help = Module slant height over row pitch. Utility plants 0.3-0.5; 0 for a single row (no row-to-row shading).

field-solar_plants-mounting-max_angle_deg--SingleAxis = Max rotation
    .help = Largest tracker rotation either side of horizontal. Typical 45-60°.

field-solar_plants-mounting-gcr--SingleAxis = Ground coverage ratio
    .help = Module row width over row pitch. Typical 0.3-0.5: higher packs more modules per hectare but shades more at low sun.

field-solar_plants-mounting-backtrack--SingleAxis = Backtracking
    .help = Rotate the trackers back toward flat at low sun so rows do not shade each other. Usually on.

field-solar_plants-losses_pct = System losses
    .help = PVWatts system losses: soiling, wiring, mismatch, availability... Default 14.08 %; add 1-3 points for dusty desert soiling.

field-solar_plants-gamma_pdc_per_c = Temperature coefficient
    .help = Power change per degree of cell temperature. Standard modules -0.37 %/°C, premium -0.35 %/°C, thin film -0.20 %/°C.

field-solar_plants-inverter_eff_pct = Inverter efficiency
    .help = Nominal inverter efficiency. PVWatts default 96 %; modern central inverters 98-99 %.

field-solar_plants-albedo = Albedo
    .help = Ground reflectance, 0-1. Desert sand 0.25-0.4; grass 0.2; fresh snow 0.8.

field-solar_plants-degradation_pct_per_year = Degradation
    .help = Yearly output loss from module ageing. Typical 0.5 %/yr (Jordan & Kurtz 2013).

field-solar_plants-land_use_ha_per_mwdc = Land use
    .help = Land needed per MWdc. Fixed tilt 1-2, single-axis trackers 1.5-3 ha/MWdc.

field-solar_plants-transposition = Sky model
    .help = How diffuse sky light is transposed to the module plane. Perez 1990 is the SAM and PVsyst default; isotropic (Liu & Jordan) is simpler and slightly pessimistic on tilted planes.
    .choice-Perez1990 = Perez 1990
    .choice-Isotropic = Isotropic

field-solar_plants-inverter_unit_mw = Inverter size
    .help = AC rating of one inverter: reliability runs fail and repair the plant's inverters one by one (the AC rating over this size, rounded up, is the count). Assumption: 4 MW, the central inverters of utility plants being 2.5-4.6 MVA (SMA Sunny Central 4600 UP).

field-solar_plants-inverter_forced_outage_rate = Inverter forced outage rate
    .help = Share of time an inverter is on forced outage (IEEE Std 762 FOR). 2 %: REopt's backup reliability default of 98 % PV operational availability (NREL REopt ERP). PVWatts' 3 % availability loss already lowers the mean output; reliability runs place the outages in time without lowering that mean again.

field-solar_plants-inverter_mean_time_to_repair_h = Inverter repair time
    .help = Mean time to repair an inverter. Assumption: 72 h, three days to bring a spare to a remote desert site.

field-wind_farms = Wind farms
    .help = Wind farms of identical turbines.

field-wind_farms-name = Name
    .help = A name unique among the wind farms.

field-wind_farms-turbine = Turbine
    .help = A turbine of the built-in library (NREL turbine-models and others), or Custom… to enter a power curve. Modern onshore turbines: 4-7 MW, 150-175 m rotors.
    .choice-Library = From the library
    .choice-Custom = Custom power curve

field-wind_farms-turbine-name--Library = Library turbine
    .help = A turbine of the built-in library (assets/turbines.ron), by name; `describe` and the GUI's list show them.

field-wind_farms-turbine-name--Custom = Turbine name
    .help = Name of the custom turbine (for reports).

field-wind_farms-turbine-rated_kw--Custom = Rated power
    .help = Rated power of one turbine. Modern onshore 4,000-7,000 kW.

field-wind_farms-turbine-rotor_diameter_m--Custom = Rotor diameter
    .help = Rotor diameter. Modern onshore 150-175 m.

field-wind_farms-turbine-power_curve_kw--Custom = Power curve
    .help = Power of one turbine [kW] against hub-height wind speed [m/s] at air density 1.225 kg/m3: rising speeds, at most the rated power, within the Betz limit of the rotor.

field-wind_farms-turbine_count = Turbines
    .help = Number of identical turbines. Tarfaya: 131 × 2.3 MW; a 400 MW farm of 6 MW turbines needs about 66.

field-wind_farms-hub_height_m = Hub height
    .help = Height of the rotor centre above ground. Modern turbines 100-170 m.

field-wind_farms-measurement_height_m = Measurement height
    .help = Height of the wind speed in the weather data: 10 m for EPW files and the built-in climate.

field-wind_farms-shear_exponent = Shear exponent
    .help = Power-law exponent scaling the wind speed from the measurement height to the hub: v_hub = v_ref (h_hub / h_ref)^α. Open coastal desert 0.10-0.14; rough land 0.2-0.3.

field-wind_farms-losses_pct = Losses
    .help = Wake, availability, electrical and other losses. Typical 10-20 %.

field-wind_farms-turbine_forced_outage_rate = Turbine forced outage rate
    .help = Share of time a turbine is on forced outage (IEEE Std 762 FOR). Assumption: 3 %, the 97 % time-based availability that onshore turbine service contracts commonly guarantee. The losses above already lower the mean output; reliability runs place the outages in time without lowering that mean again.

field-wind_farms-turbine_mean_time_to_repair_h = Turbine repair time
    .help = Mean time to repair a turbine. Assumption: 72 h; most faults are fixed in a day, the rare major component exchanges (gearbox, blade) take weeks and set the mean.

field-battery-energy_mwh = Battery energy
    .help = Nameplate energy of the battery. 0 means no battery. Utility LFP blocks: 2-4 h of their power; the Dakhla reference has 1,600 MWh (4 h x 400 MW).

field-battery-power_mw = Battery power
    .help = Inverter power, the same for charge and discharge. Typically energy / 2 to energy / 4.

field-battery-round_trip_eff = Round-trip efficiency
    .help = AC-to-AC energy out over energy in. LFP about 84.5 % (Viswanathan et al. 2022, PNNL-33283); typical 80-90 %.

field-battery-soc_min_frac = Minimum state of charge
    .help = Lowest charge the controller allows, as a share of the nameplate energy. Typical 5-10 %.

field-battery-soc_max_frac = Maximum state of charge
    .help = Highest charge the controller allows, as a share of the nameplate energy. Typical 90-100 %.

field-battery-initial_soc_frac = Initial state of charge
    .help = Charge at the first hour of the year, between the minimum and maximum. Typical 50 %.

field-battery-self_discharge_frac_per_day = Self-discharge
    .help = Stored energy lost per day at rest. LFP about 0.05 %/day (assumption: manufacturers' data sheets give 1-3 % per month).

field-battery-capacity_fade_pct_per_year = Capacity fade
    .help = Usable capacity lost per year of operation; multi-year runs keep (1 - fade)^k of the energy in operating year k. LFP about 1.5-2.5 %/yr (NREL ATB 2024 assumes the battery is rebuilt to nameplate over its 15-year life).

field-battery-pcs_unit_mw = Power block size
    .help = Power of one power-conversion block (inverter and transformer): reliability runs fail and repair the blocks one by one. Assumption: 4 MW, the size of containerized PCS skids for utility batteries (2.5-5 MW).

field-battery-pcs_forced_outage_rate = Power block forced outage rate
    .help = Share of time a power-conversion block is on forced outage. 3 %: REopt's backup reliability default of 97 % battery operational availability (NREL REopt ERP).

field-battery-pcs_mean_time_to_repair_h = Power block repair time
    .help = Mean time to repair a power-conversion block. Assumption: 48 h with spares on site.

field-backup = Backup units
    .help = Dispatchable backup sources, used after the battery, cheapest running cost first.

field-backup-name = Name
    .help = A name unique among the backup units.

field-backup-kind = Kind
    .help = What the unit is; selects its cost line in Economics. Changing it fills that kind's typical efficiency, fuel price and emissions (OCGT 40.5 %, 34 USD/MWh_th, 0.202 t/MWh_th; diesel 35 %, 46.4 USD/MWh_th, 0.267 t/MWh_th; grid 100 %, tariff, about 0.6 t/MWh).
    .choice-GasTurbine = Gas turbine (OCGT)
    .choice-DieselGenset = Diesel genset
    .choice-GridImport = Grid import

field-backup-capacity_mw = Capacity
    .help = Largest output of the unit (or import capacity of the link). To cover the whole campus without renewables it must match the peak facility load.

field-backup-efficiency = Efficiency
    .help = Electric output over fuel heat input. OCGT 35-41 %, diesel gensets 33-40 %, a grid link 100 %.

field-backup-fuel_cost_per_mwh_th = Fuel cost
    .help = Fuel price per MWh of fuel heat. LNG at 10 USD/MMBtu is 34 USD/MWh_th; diesel about 45-70 USD/MWh_th.

field-backup-fuel_cost_per_mwh_th--GridImport = Import tariff
    .help = Price of imported electricity. Industrial tariffs about 80-150 USD/MWh.

field-backup-variable_om_per_mwh = Variable O&M
    .help = Running cost per MWh of electricity besides fuel. OCGT about 5, diesel about 8-9, grid 0.

field-backup-emission_factor_t_per_mwh_th = Emission factor
    .help = CO2 per MWh of fuel heat: natural gas 0.202, diesel 0.267 (IPCC 2006).

field-backup-emission_factor_t_per_mwh_th--GridImport = Emission factor
    .help = CO2 per MWh imported: fossil-heavy grids 0.5-0.8.

field-backup-carbon_free_frac = Carbon-free share
    .help = Share of the output that counts as carbon-free (a grid with renewables in its mix). 0 % for gas and diesel.

field-backup-unit_count = Units
    .help = Identical units that share the capacity equally; reliability runs fail and repair each one, so N+1 is one unit more than the load needs. A file of schema 2 gets aeroderivative gas turbines of 50 MW (GE LM6000 class), diesel gensets of 2.5 MW and one unit per grid link (assumptions).

field-backup-forced_outage_rate = Forced outage rate
    .help = Share of time a unit is on forced outage (IEEE Std 762 FOR = forced outage hours over service plus forced outage hours).

field-backup-forced_outage_rate--GasTurbine = Forced outage rate
    .help = Share of time a gas turbine is on forced outage (IEEE Std 762). Assumption: 5 %, half the 10 % of the IEEE Reliability Test System's 1970s combustion turbines (RTS-79), as today's aeroderivatives fail less often.

field-backup-forced_outage_rate--DieselGenset = Forced outage rate
    .help = Share of time a diesel genset is on forced outage. 3.6 %: a failure every 637 running hours (failure-to-run probability 0.00157 per hour, REopt ERP default from Marqusee, Ericson & Jenket, Applied Energy 285, 2021) and the 24 h repair below.

field-backup-forced_outage_rate--GridImport = Outage share
    .help = Share of time the grid link is out: outages per year x mean duration / 8760. Assumption: 0.2 %, about two outages a year of 8 h, for a single radial 400 kV line at the end of a saturated southern network.

field-backup-mean_time_to_repair_h = Repair time
    .help = Mean time to repair a unit after a forced outage.

field-backup-mean_time_to_repair_h--GasTurbine = Repair time
    .help = Mean time to repair a gas turbine: 50 h, the IEEE RTS-79 combustion turbines' MTTR.

field-backup-mean_time_to_repair_h--DieselGenset = Repair time
    .help = Mean time to repair a diesel genset. Assumption: 24 h with parts and a technician on site.

field-backup-mean_time_to_repair_h--GridImport = Mean outage duration
    .help = Mean duration of a grid outage. Assumption: 8 h for a line fault found and cleared in a working day.

field-backup-start_failure_prob = Start failure
    .help = Probability that a start fails; the next unit is tried (NERC GADS starting reliability is its complement).

field-backup-start_failure_prob--GasTurbine = Start failure
    .help = Probability that a gas turbine fails to start. Assumption: 1 %, REopt's earlier generator default (0.94 %) rounded.

field-backup-start_failure_prob--DieselGenset = Start failure
    .help = Probability that a diesel genset fails to start: 0.66 %, REopt ERP default from Marqusee, Ericson & Jenket (Applied Energy 285, 2021).

field-backup-start_failure_prob--GridImport = Start failure
    .help = A grid link has no start: 0.

field-backup-export_capacity_mw = Export capacity
    .help = Largest export of surplus over the link (a grid link only). Solar and wind output that the battery cannot take is exported up to this before it is curtailed. 0: no export. Morocco's law 13-09 as amended by law 58-15 lets a renewable producer sell its surplus to the grid, at most 20 % of its yearly production (climate-laws.org); runs above that share say so.

field-backup-export_price_per_mwh = Export price
    .help = Price paid for exported surplus; the revenue is taken off the annualized cost and the LCOE. The cost set gives a figure with its source (Morocco 2025: an assumption, as ANRE has not published a surplus tariff under law 82-21).

field-backup-available_from-year = Available from
    .help = A line being built or a later phase: the calendar year from which the unit serves (local time). Off: the unit serves the whole run. It costs nothing before then.

field-backup-available_from-month = Available from month
    .help = The month (1 = January) from which the unit serves. A unit available after the simulated year serves nothing and costs nothing in this run.

field-economics-currency = Currency
    .help = The currency every cost of the scenario is written in, and its results shown in. Changing it converts every cost at the exchange rates below (one undoable step; `migrate --currency` on the command line). The JSON keeps its US dollar keys.
    .choice-USD = US dollar (USD)
    .choice-EUR = Euro (EUR)
    .choice-MAD = Moroccan dirham (MAD)

field-economics-exchange_rates-as_of = Rates as of
    .help = The day the exchange rates were taken (YYYY-MM-DD). Rates move: state the day of yours.

field-economics-exchange_rates-eur_per_usd = EUR per USD
    .help = Euros per US dollar. Default 0.868: 10.6 MAD/EUR over 9.2 MAD/USD, the Bank Al-Maghrib rates of 2025-08-04 below (calc).

field-economics-exchange_rates-mad_per_usd = MAD per USD
    .help = Moroccan dirhams per US dollar. Default 9.2: Bank Al-Maghrib banknote rates on 2025-08-04 were 8.83 buy / 10.26 sell (analkhabar.com); the reference rate sits between them (about 9.2, estimate).

field-economics-exchange_rates-source = Rates source
    .help = Where the exchange rates come from.

field-economics-cost_basis = Cost basis
    .help = The cost set the figures come from: Morocco 2025 (Moroccan tenders and projects), NREL ATB 2024 (US), the Danish Energy Agency (Europe), or your own. Choosing a set writes its figures, converted to the scenario's currency; sources: assets/cost-sets/.
    .choice-Morocco2025 = Morocco 2025
    .choice-NrelAtb2024 = NREL ATB 2024
    .choice-DanishEnergyAgency = Danish Energy Agency
    .choice-Custom = Custom

field-economics-discount_rate = Discount rate
    .help = Real discount rate per year used to annualize capital. Typical 5-10 %; 7 % default (assumption: NREL ATB's real WACC for utility projects is 5-7 %; a Moroccan project pays a country premium).

field-economics-analysis_years = Analysis period
    .help = Period of the net present cost. Typical 20-30 years.

field-economics-solar_per_kwac-capex_per_kw = Solar PV capex
    .help = Utility PV per kW of inverter AC rating. NREL ATB 2024: 1,605 USD/kWac, 1.41 %/yr, 30 years. Overnight capital cost.

field-economics-solar_per_kwac-fixed_om_pct_per_year = Solar PV fixed O&M
    .help = Utility PV per kW of inverter AC rating. NREL ATB 2024: 1,605 USD/kWac, 1.41 %/yr, 30 years. Fixed O&M as a share of capex per year; typical 1-3 %/yr.

field-economics-solar_per_kwac-lifetime_years = Solar PV lifetime
    .help = Utility PV per kW of inverter AC rating. NREL ATB 2024: 1,605 USD/kWac, 1.41 %/yr, 30 years. Economic life; capital is annualized over it with the capital recovery factor.

field-economics-wind_per_kw-capex_per_kw = Wind capex
    .help = Onshore wind per kW of turbine rating. NREL ATB 2024: 1,689 USD/kW, 1.99 %/yr, 30 years. Overnight capital cost.

field-economics-wind_per_kw-fixed_om_pct_per_year = Wind fixed O&M
    .help = Onshore wind per kW of turbine rating. NREL ATB 2024: 1,689 USD/kW, 1.99 %/yr, 30 years. Fixed O&M as a share of capex per year; typical 1-3 %/yr.

field-economics-wind_per_kw-lifetime_years = Wind lifetime
    .help = Onshore wind per kW of turbine rating. NREL ATB 2024: 1,689 USD/kW, 1.99 %/yr, 30 years. Economic life; capital is annualized over it with the capital recovery factor.

field-economics-battery_power_per_kw-capex_per_kw = Battery power capex
    .help = Battery inverters and power conversion per kW. NREL ATB 2024: 497.7 USD/kW, 2.5 %/yr, 15 years. Overnight capital cost.

field-economics-battery_power_per_kw-fixed_om_pct_per_year = Battery power fixed O&M
    .help = Battery inverters and power conversion per kW. NREL ATB 2024: 497.7 USD/kW, 2.5 %/yr, 15 years. Fixed O&M as a share of capex per year; typical 1-3 %/yr.

field-economics-battery_power_per_kw-lifetime_years = Battery power lifetime
    .help = Battery inverters and power conversion per kW. NREL ATB 2024: 497.7 USD/kW, 2.5 %/yr, 15 years. Economic life; capital is annualized over it with the capital recovery factor.

field-economics-battery_energy_per_kwh-capex_per_kwh = Battery energy capex
    .help = Battery cells and racks per kWh of nameplate. NREL ATB 2024: 375.6 USD/kWh, 2.5 %/yr, 15 years. Overnight capital cost.

field-economics-battery_energy_per_kwh-fixed_om_pct_per_year = Battery energy fixed O&M
    .help = Battery cells and racks per kWh of nameplate. NREL ATB 2024: 375.6 USD/kWh, 2.5 %/yr, 15 years. Fixed O&M as a share of capex per year; typical 1-3 %/yr.

field-economics-battery_energy_per_kwh-lifetime_years = Battery energy lifetime
    .help = Battery cells and racks per kWh of nameplate. NREL ATB 2024: 375.6 USD/kWh, 2.5 %/yr, 15 years. Economic life; capital is annualized over it with the capital recovery factor.

field-economics-gas_turbine_per_kw-capex_per_kw = Gas turbines capex
    .help = Open-cycle gas turbines per kW. Danish Energy Agency: 594 EUR/kW = 642 USD/kW, 1.7 %/yr, 25 years. Overnight capital cost.

field-economics-gas_turbine_per_kw-fixed_om_pct_per_year = Gas turbines fixed O&M
    .help = Open-cycle gas turbines per kW. Danish Energy Agency: 594 EUR/kW = 642 USD/kW, 1.7 %/yr, 25 years. Fixed O&M as a share of capex per year; typical 1-3 %/yr.

field-economics-gas_turbine_per_kw-lifetime_years = Gas turbines lifetime
    .help = Open-cycle gas turbines per kW. Danish Energy Agency: 594 EUR/kW = 642 USD/kW, 1.7 %/yr, 25 years. Economic life; capital is annualized over it with the capital recovery factor.

field-economics-diesel_genset_per_kw-capex_per_kw = Diesel gensets capex
    .help = Diesel engine gensets per kW. Danish Energy Agency: 458 EUR/kW = 495 USD/kW, 2 %/yr, 20 years. Overnight capital cost.

field-economics-diesel_genset_per_kw-fixed_om_pct_per_year = Diesel gensets fixed O&M
    .help = Diesel engine gensets per kW. Danish Energy Agency: 458 EUR/kW = 495 USD/kW, 2 %/yr, 20 years. Fixed O&M as a share of capex per year; typical 1-3 %/yr.

field-economics-diesel_genset_per_kw-lifetime_years = Diesel gensets lifetime
    .help = Diesel engine gensets per kW. Danish Energy Agency: 458 EUR/kW = 495 USD/kW, 2 %/yr, 20 years. Economic life; capital is annualized over it with the capital recovery factor.

field-economics-grid_link_per_kw-capex_per_kw = Grid link capex
    .help = Grid connection (line and substation) per kW of import capacity. Assumption: about 300 USD/kW, 1 %/yr, 40 years. Overnight capital cost.

field-economics-grid_link_per_kw-fixed_om_pct_per_year = Grid link fixed O&M
    .help = Grid connection (line and substation) per kW of import capacity. Assumption: about 300 USD/kW, 1 %/yr, 40 years. Fixed O&M as a share of capex per year; typical 1-3 %/yr.

field-economics-grid_link_per_kw-lifetime_years = Grid link lifetime
    .help = Grid connection (line and substation) per kW of import capacity. Assumption: about 300 USD/kW, 1 %/yr, 40 years. Economic life; capital is annualized over it with the capital recovery factor.

field-economics-carbon_price_per_t = Carbon price
    .help = Price applied to backup CO2 emissions. 0 if none; EU ETS about 60-100 USD/t.

field-economics-water_per_m3 = Water
    .help = Cost of a cubic metre of water. With the campus's own desalination plant, its capital and running costs without its electricity (the campus supplies that); with bought water, the tariff. Assumption: 0.30 USD/m³: Gulf tenders of the 2020s sell seawater reverse-osmosis water at about 0.37-0.49 USD/m³ all in (Hassyan 2023, Taweelah 2019), of which 3 kWh/m³ of electricity at 40-60 USD/MWh is 0.12-0.18.

field-targets-min_renewable_fraction = Minimum renewable fraction
    .help = Lowest acceptable share of the facility energy served by solar and wind, directly or through the battery, 0-100 %. Ambitious campuses aim at 80-95 %.

field-targets-min_cfe_score = Minimum CFE score
    .help = Lowest acceptable 24/7 carbon-free energy score: hour by hour, the share of consumption met by carbon-free supply (Google's methodology), 0-100 %. Leaders reach 60-90 %.

field-targets-max_unmet_energy_mwh = Maximum unmet energy
    .help = Largest acceptable facility energy left unserved over the year. 0 for a datacenter that must never shed load.

field-targets-max_lole_h_per_year = Maximum LOLE
    .help = Largest acceptable loss-of-load expectation when units fail (the reliability run's LOLE): hours per year with load not served. Power systems plan for 2.4 h/yr ("one day in ten years", NERC); a Tier IV datacenter's 99.995 % availability is 0.4 h/yr. The optimizer adds backup units and storage until it holds.

field-targets-max_eue_mwh_per_year = Maximum EUE
    .help = Largest acceptable expected energy not served when units fail (the reliability run's EUE). The optimizer adds backup units and storage until it holds.

field-targets-max_wue_l_per_kwh = Maximum WUE
    .help = Largest acceptable water use effectiveness: site water over IT energy (The Green Grid). Microsoft's fleet 0.30 L/kWh, Meta's 0.26; dry coolers 0-0.05, adiabatic pads 0.1-0.4, cooling towers 1.2-2.0. The heat rejection sets it, not the supply: it is reported as met or not, and the optimizer does not change it.

field-targets-reliability_percentile = Reliability level
    .help = Level over weather years at which the LOLE and EUE targets must hold: each weather year's expected LOLE and EUE at this percentile (P50: the median year; P90: all but the worst tenth of years). Assumption: P50, as resource-adequacy studies report the expectation over weather years; lenders often ask for P90.

field-optimizer-solar_mwdc = Solar DC
    .help = Solar DC capacity of all plants, scaled together (their shares stay as in the scenario). Free: 0 to 8 x the peak facility load.
    .choice-Free = Free
    .choice-Fixed = Fixed
    .choice-Between = Between

field-optimizer-solar_mwdc-min = Solar DC min
    .help = Lowest value the optimizer may choose.

field-optimizer-solar_mwdc-max = Solar DC max
    .help = Highest value the optimizer may choose.

field-optimizer-wind_mw = Wind capacity
    .help = Wind capacity of all farms, scaled together and built in whole turbines. Free: 0 to 4 x the peak facility load.
    .choice-Free = Free
    .choice-Fixed = Fixed
    .choice-Between = Between

field-optimizer-wind_mw-min = Wind capacity min
    .help = Lowest value the optimizer may choose.

field-optimizer-wind_mw-max = Wind capacity max
    .help = Highest value the optimizer may choose.

field-optimizer-battery_energy_mwh = Battery energy
    .help = Battery energy. Free: 0 to 24 h of the peak facility load.
    .choice-Free = Free
    .choice-Fixed = Fixed
    .choice-Between = Between

field-optimizer-battery_energy_mwh-min = Battery energy min
    .help = Lowest value the optimizer may choose.

field-optimizer-battery_energy_mwh-max = Battery energy max
    .help = Highest value the optimizer may choose.

field-optimizer-battery_power_mw = Battery power
    .help = Battery power (charge and discharge). Free: 0 to 1.5 x the peak facility load.
    .choice-Free = Free
    .choice-Fixed = Fixed
    .choice-Between = Between

field-optimizer-battery_power_mw-min = Battery power min
    .help = Lowest value the optimizer may choose.

field-optimizer-battery_power_mw-max = Battery power max
    .help = Highest value the optimizer may choose.

field-optimizer-backup_mw = Backup capacity
    .help = Backup capacity, built as the unit that runs first in merit order (the others set to zero). Free: whatever the target and the unmet-energy limit need; it always follows from the rest of the mix.
    .choice-Free = Free
    .choice-Fixed = Fixed
    .choice-Between = Between

field-optimizer-backup_mw-min = Backup capacity min
    .help = Lowest value the optimizer may choose.

field-optimizer-backup_mw-max = Backup capacity max
    .help = Highest value the optimizer may choose.

field-optimizer-max_solar_land_ha = Max solar land
    .help = Largest land the solar plants may take, at each plant's land use per MWdc; caps the solar capacity.

field-optimizer-pareto_from = Pareto from
    .help = Lowest target of the front, 0-100 %.

field-optimizer-pareto_to = Pareto to
    .help = Highest target of the front, above the lowest, 0-100 %. 100 % is often unreachable or very dear; 99.9 % shows the trend.

field-optimizer-pareto_points = Pareto points
    .help = Targets on the front, 2-200. Each is one optimization (a few seconds each).

field-optimizer-sensitivities = Cost cases
    .help = Cost cases a study (`optimize --shard`) runs besides the base case: multipliers of the unit costs, to see how the least-cost mix moves.

field-optimizer-sensitivities-name = Case name
    .help = Names the case in the study's results; not "base", the study's own case.

field-optimizer-sensitivities-solar_capex_factor = Solar capex factor
    .help = Multiplies the solar capex (and so its fixed O&M); 1 = as in the economics.

field-optimizer-sensitivities-wind_capex_factor = Wind capex factor
    .help = Multiplies the wind capex; 1 = as in the economics.

field-optimizer-sensitivities-battery_capex_factor = Battery capex factor
    .help = Multiplies the battery energy and power capex; 1 = as in the economics.

field-optimizer-sensitivities-backup_fuel_factor = Backup fuel factor
    .help = Multiplies the backup fuel cost; 1 = as in the economics.

field-optimizer-sensitivities-flexible_share_frac = Flexible share
    .help = Flexible compute in this case: the share of the flexible rack groups' energy that may move within their windows (every group, in local days, when none declares flexibility). Cases at 0, 10, 20 and 30 % make flexibility a dimension of the study. Off: as the scenario says.
