#!/bin/sh
# Runs the search box's real-browser test (Tests/Search/search_browser_test.py) in headless
# Chromium on built brand sites, from file:// with the network blocked, installing chromium,
# chromium-driver and selenium first when missing (see scripts/browser-test.sh).
#
# Usage: scripts/search-browser-test.sh SITE_DIR...   (e.g. site/northwind site/whitelabel)
exec sh "$(dirname "$0")/browser-test.sh" --search "$@"
