#!/bin/sh
# Runs the walkthrough player's real-browser test (Tests/Walkthrough/browser_test.py) in headless
# Chromium, installing what is missing first: chromium and chromium-driver (apt), selenium (pip, or a
# venv under .build/ when the system Python refuses pip installs).
#
# Usage: scripts/browser-test.sh [SITE_DIR_OR_PAGE_OR_URL] [--screenshots DIR]
#   default target: Tests/Walkthrough/sample.html, regenerated from make_sample.py first
#   default screenshots: .build/walkthrough-screenshots
#        scripts/browser-test.sh --search SITE_DIR...   (the search box: Tests/Search/search_browser_test.py)
#        scripts/browser-test.sh --serve --trellis PATH (trellis serve: Tests/Serve/serve_browser_test.py)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
target=""
search=""
serve=""
shots="$root/.build/walkthrough-screenshots"
while [ $# -gt 0 ]; do
    case "$1" in
        --screenshots) shots="$2"; shift 2 ;;
        --screenshots=*) shots="${1#*=}"; shift ;;
        --search) search=1; shift ;;
        --serve) serve=1; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) if [ -n "$search" ] || [ -n "$serve" ]; then break; fi; target="$1"; shift ;;
    esac
done

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "browser-test: need root to run: $*" >&2; exit 2; fi
}

missing=""
command -v chromium >/dev/null || missing="$missing chromium"
command -v chromedriver >/dev/null || [ -x /usr/lib/chromium/chromedriver ] || missing="$missing chromium-driver"
if [ -n "$missing" ]; then
    echo "browser-test: installing$missing" >&2
    as_root apt-get update -qq
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

python=python3
if ! "$python" -c "import selenium" 2>/dev/null; then
    venv="$root/.build/walkthrough-venv"
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import selenium" 2>/dev/null; then
        python="$venv/bin/python"
    elif "$python" -m pip install -q --root-user-action=ignore selenium 2>/dev/null; then
        :
    else
        echo "browser-test: system pip refused; installing selenium into $venv" >&2
        if ! "$python" -m venv "$venv" 2>/dev/null; then
            # Debian ships venv separately.
            as_root apt-get update -qq
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
            "$python" -m venv "$venv"
        fi
        "$venv/bin/python" -m pip install -q selenium
        python="$venv/bin/python"
    fi
fi

if [ -n "$search" ]; then
    SE_AVOID_STATS=true SE_OFFLINE=true exec "$python" "$root/Tests/Search/search_browser_test.py" "$@"
fi
if [ -n "$serve" ]; then
    SE_AVOID_STATS=true SE_OFFLINE=true exec "$python" "$root/Tests/Serve/serve_browser_test.py" "$@"
fi
if [ -z "$target" ]; then
    "$python" "$root/Tests/Walkthrough/make_sample.py" >/dev/null
    target="$root/Tests/Walkthrough/sample.html"
fi
rm -rf "$shots"
mkdir -p "$shots"
# Selenium must not fetch drivers or send statistics: the test uses the Debian chromedriver.
SE_AVOID_STATS=true SE_OFFLINE=true exec "$python" "$root/Tests/Walkthrough/browser_test.py" "$target" --screenshots "$shots"
