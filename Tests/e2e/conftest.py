"""Browser fixtures: Debian's Chromium through chromedriver, phone and desktop sizes,
and an accessibility check (axe-core) on every page a journey visits."""
import os

import pytest

from browser_steps import SIZES, assert_accessible, new_driver

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager fetch a driver


@pytest.fixture(scope="session", params=list(SIZES))
def browser(request):
    """One journey run at each size."""
    driver = new_driver(request.param)
    yield driver
    driver.quit()


@pytest.fixture
def phone():
    """For journeys that go from a phone to a desktop and back."""
    driver = new_driver("phone")
    yield driver
    driver.quit()


@pytest.fixture
def desktop():
    driver = new_driver("desktop")
    yield driver
    driver.quit()


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
