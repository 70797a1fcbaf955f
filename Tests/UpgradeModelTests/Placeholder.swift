// Replaced by the upgrade model tests (issue 5).
