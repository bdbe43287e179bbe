# dakhla-planner: English catalog of messages the engine builds about weather files, studies and sizing.
# Every message here is also in locales/fr/engine.ftl, with the same placeholders (a test checks).
