# dakhla-planner: English catalog of messages the engine builds: file and parse errors, validation, migration notes.
# Every message here is also in locales/fr/core.ftl, with the same placeholders (a test checks).
