# dakhla-planner: English catalog of currencies, exchange rates and cost sets.
# Every message here is also in locales/fr/money.ftl, with the same placeholders (a test checks).

money-converted = costs converted from { $from } to { $to } at { $rate } { $to } per { $from } (exchange rates of { $as_of }, { $source }): { $count } figures
money-basis-applied = cost set { $basis } written in: { $count } figures, in { $currency }
money-unchanged = costs already in { $currency }: nothing to convert
money-in-currency = Money in { $currency } ({ $rate } { $currency }/USD, { $as_of }); the JSON keeps US dollars.
money-rates-line = { $rate } { $currency } per USD, { $as_of }
money-written = { $file }: costs changed, written with its comments
money-section = Currency and cost set
money-edited-figures = { $count ->
    [one] 1 figure differs from the cost set (edited by hand).
   *[other] { $count } figures differ from the cost set (edited by hand).
}
money-set-usd-name = costs in this scenario are in { $currency }, and `{ $old }` is the US dollar name of schema 3: set `{ $new }` in { $currency }
money-migration-3-to-4 = schema version 3 became { $to }: costs are in the scenario's stated currency, `economics.currency: USD` for this file (with the exchange rates of { $as_of }), and the cost fields lost `usd` from their names (`capex_usd_per_kw` is `capex_per_kw`, ...); { $basis }; results are unchanged
money-migration-basis-atb = its figures are the NREL ATB 2024 set's, so `cost_basis: NrelAtb2024`
money-migration-basis-custom = { $count } of its figures differ from the NREL ATB 2024 set, so `cost_basis: Custom`
money-bad-date = must be a date written YYYY-MM-DD (the day the rates were taken), got "{ $got }"
money-source-what = the source of the exchange rates
money-scale-bn = bn
money-costs-after-first-run = Costs: shown after the first valid run.
money-col-item = Item
money-col-size = Size
money-col-capex = Capex
money-col-per-year = Per year
money-col-technology = Technology
money-col-fixed-om = Fixed O&M
money-col-lifetime = Lifetime
money-line-breakdown = Annualized capital { $capital }, fixed O&M { $fixed }, fuel { $fuel }, variable O&M { $variable }, carbon { $carbon }
money-report-basis = Costs: the { $name } cost set. { $description } Each figure's source, or the reasoning of an assumption, is in assets/cost-sets/; { $edited ->
    [0] the scenario holds the set's figures.
    [one] one figure was edited since (its value is under Inputs).
   *[other] { $edited } figures were edited since (their values are under Inputs).
} IPCC 2006 emission factors (gas 0.202, diesel 0.267 t CO2/MWh_th).
money-report-basis-custom = Costs: the planner's own figures (cost basis Custom), listed under Inputs. IPCC 2006 emission factors (gas 0.202, diesel 0.267 t CO2/MWh_th).
money-report-currency = Money is in { $currency } ({ $rate } { $currency } per US dollar, rates of { $as_of }: { $source }); the JSON keeps US dollars.
