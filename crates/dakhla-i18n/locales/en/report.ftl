# dakhla-planner: English catalog of the HTML report and the compare table.
# Every message here is also in locales/fr/report.ftl, with the same placeholders (a test checks).
