# dakhla-planner: charts (fr). Every message is in both languages with the same placeholders (a test checks).
