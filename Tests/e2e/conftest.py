"""Browser fixtures: Debian's Chromium through chromedriver, phone and desktop sizes,
and an accessibility check (axe-core) on every page a journey visits."""
import os

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager fetch a driver

SIZES = {"phone": (360, 740), "desktop": (1280, 800)}


def _driver(kind: str):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr-FR"):
        options.add_argument(arg)
    width, height = SIZES[kind]
    if kind == "phone":
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True}}
        )
    else:
        options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


@pytest.fixture(scope="session", params=list(SIZES))
def browser(request):
    driver = _driver(request.param)
    driver.kind = request.param
    yield driver
    driver.quit()


def assert_accessible(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in serious)
    assert not serious, f"{driver.current_url}:\n{report}"


@pytest.fixture
def visit(browser):
    """Opens a URL and checks the page with axe before the journey goes on."""
    def go(url: str):
        browser.get(url)
        assert_accessible(browser)
        return browser
    return go


@pytest.fixture
def check_accessible():
    """The axe check of `visit`, for pages reached by submitting a form or following a link."""
    return assert_accessible
