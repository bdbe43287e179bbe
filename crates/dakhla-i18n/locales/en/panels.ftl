# dakhla-planner: English catalog of the editor panels, dialogs, file browser and compare view of the window.
# Every message here is also in locales/fr/panels.ftl, with the same placeholders (a test checks).
