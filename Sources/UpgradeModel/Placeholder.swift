// Replaced by the upgrade model (issue 5).
