"""What the browser tests share: a failed check, and headless Chromium driven by chromedriver.

Tests/Walkthrough/browser_test.py, Tests/Search/search_browser_test.py and
Tests/Serve/serve_browser_test.py import it (scripts/browser-test.sh installs Chromium, its driver
and selenium first)."""
import pathlib
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def make_driver(height, extra_args=(), performance_log=False):
    """Headless Chromium, 1280 px wide and `height` tall, keeping the console log (and the network
    log with performance_log)."""
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,%d" % height,
                *extra_args):
        options.add_argument(arg)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    check(chromium, "chromium is not installed (apt-get install -y chromium)")
    check(pathlib.Path(driver_path).exists(), "chromedriver is not installed (apt-get install -y chromium-driver)")
    options.binary_location = chromium
    logs = {"browser": "ALL", "performance": "ALL"} if performance_log else {"browser": "ALL"}
    options.set_capability("goog:loggingPrefs", logs)
    return webdriver.Chrome(options=options, service=Service(driver_path))
