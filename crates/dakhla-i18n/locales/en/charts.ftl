# dakhla-planner: charts (en). Every message is in both languages with the same placeholders (a test checks).
