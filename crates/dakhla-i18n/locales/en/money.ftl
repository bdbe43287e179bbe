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
