"""A family opens its town's portal on a phone or a computer."""
import json
import pathlib

import pytest
from selenium.webdriver.common.by import By

from portal_live import TENANTS, tenant_url

TENANT_DIR = pathlib.Path(__file__).resolve().parents[2] / "tenants"


def tenant_file(tenant_id: str) -> dict:
    return json.loads((TENANT_DIR / f"{tenant_id}.json").read_text(encoding="utf-8"))


def rgb(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(value[i:i + 2], 16) for i in (0, 2, 4)))


@pytest.mark.parametrize("tenant_id", TENANTS)
def test_home_shows_the_towns_name_contacts_tabs_and_colours(visit, tenant_id):
    config = tenant_file(tenant_id)
    page = visit(tenant_url(tenant_id))

    assert config["shortName"] in page.title
    assert page.find_element(By.CSS_SELECTOR, ".brand-town").text == config["shortName"]
    assert config["name"] in page.find_element(By.TAG_NAME, "h1").text

    contact = page.find_element(By.CSS_SELECTOR, "footer .contact")
    assert config["contact"]["email"] in contact.text

    nav = page.find_elements(By.CSS_SELECTOR, "nav.tabs a")
    assert len(nav) == len(config["tabs"])

    header = page.find_element(By.CSS_SELECTOR, ".site-header")
    assert header.value_of_css_property("background-color") in (rgb(config["branding"]["primaryColor"]),
                                                               rgb(config["branding"]["primaryColor"]).replace("rgb", "rgba")[:-1] + ", 1)")


@pytest.mark.parametrize("tenant_id", TENANTS)
def test_home_fits_the_screen_without_horizontal_scrolling(visit, tenant_id):
    page = visit(tenant_url(tenant_id))
    overflow = page.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_home_shows_the_towns_news(visit):
    page = visit(tenant_url("cayres-pradelles"))
    titles = [h.text for h in page.find_elements(By.CSS_SELECTOR, ".news h3")]
    assert "Bienvenue sur votre nouveau portail famille" in titles


def test_unknown_town_gets_a_french_not_found_page(visit):
    page = visit(tenant_url("ville-inconnue"))
    assert page.find_element(By.TAG_NAME, "h1").text == "Portail introuvable"
    assert "commune" in page.find_element(By.TAG_NAME, "main").text
