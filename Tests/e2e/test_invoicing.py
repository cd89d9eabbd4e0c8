"""Journey of issue 9 on a phone: the demo family opens « Facturation », pays its invoice through
the PayFiP simulator (served by the portal itself on payfip.localhost) and sees it « payée »;
the PDF download is a real PDF; a forged notification from the browser's side is refused."""
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from portal_live import HOST, PORT, tenant_url

TOWN = "saint-aubin-des-pres"
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")


@pytest.fixture
def phone():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr-FR"):
        options.add_argument(arg)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 2.0, "touch": True}})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    yield driver
    driver.quit()


def accessible(driver):
    axe = Axe(driver)
    axe.inject()
    serious = [v for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, f"{driver.current_url}: {[(v['id'], v['help']) for v in serious]}"


def sign_in(driver):
    driver.get(tenant_url(TOWN, "/connexion"))
    driver.find_element(By.NAME, "courriel").send_keys(FAMILY[0])
    driver.find_element(By.NAME, "mot_de_passe").send_keys(FAMILY[1])
    driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    WebDriverWait(driver, 20).until(lambda d: "connexion" not in d.current_url)


def town_request(path: str, data: bytes | None = None, headers: dict | None = None) -> urllib.request.Request:
    """A request to the town through the server's address (Python does not resolve *.localhost)."""
    return urllib.request.Request(f"http://{HOST}:{PORT}{path}", data=data, method="POST" if data else "GET",
                                  headers={"Host": f"{TOWN}.localhost:{PORT}", **(headers or {})})


def post(path: str, fields: dict) -> int:
    try:
        with urllib.request.urlopen(town_request(path, urllib.parse.urlencode(fields).encode()), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_family_pays_its_invoice_through_the_simulator_on_a_phone(phone):
    sign_in(phone)
    phone.get(tenant_url(TOWN, "/facturation"))
    assert re.search(r"/facturation/\d+$", phone.current_url), phone.current_url
    accessible(phone)
    assert "Historique de mon compte" in phone.page_source
    phone.find_element(By.CSS_SELECTOR, "table th[scope=row] a").click()
    invoice_page = phone.current_url
    accessible(phone)
    number = re.search(r"Facture (\d{4}-\d{6})", phone.find_element(By.TAG_NAME, "h1").text).group(1)
    assert "à payer" in phone.page_source

    # Someone posting a notification from outside PayFiP's addresses is refused.
    refdet_guess = number.replace("-", "") + "P01"
    assert post("/paiement/payfip/notification",
                {"numcli": "031234", "exer": number[:4], "refdet": refdet_guess, "montant": "1", "resultrans": "P"}) == 403

    pdf = urllib.parse.urlsplit(phone.find_element(By.PARTIAL_LINK_TEXT, "Télécharger le PDF").get_attribute("href")).path
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in phone.get_cookies())
    with urllib.request.urlopen(town_request(pdf, headers={"Cookie": cookies}), timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert f'filename="facture-{number}.pdf"' in response.headers["Content-Disposition"]
        assert response.read(8) == b"%PDF-1.4"

    phone.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Payer ')]").click()
    WebDriverWait(phone, 20).until(lambda d: d.find_elements(By.ID, "vers-payfip"))
    accessible(phone)
    phone.find_element(By.ID, "vers-payfip").click()
    WebDriverWait(phone, 20).until(lambda d: d.current_url.startswith(f"http://payfip.localhost:{PORT}/"))
    accessible(phone)
    assert "simulateur" in phone.page_source
    phone.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Payer ')]").click()
    WebDriverWait(phone, 20).until(lambda d: d.find_elements(By.ID, "retour-portail"))
    accessible(phone)
    assert "Paiement accepté" in phone.page_source
    phone.find_element(By.ID, "retour-portail").click()
    WebDriverWait(phone, 20).until(lambda d: "/paiement/" in d.current_url and TOWN in d.current_url)
    accessible(phone)
    assert "Paiement enregistré" in phone.page_source, phone.find_element(By.TAG_NAME, "main").text

    phone.get(invoice_page)
    assert "payée" in phone.find_element(By.CSS_SELECTOR, "main .status").text
    assert not phone.find_elements(By.XPATH, "//button[starts-with(normalize-space(), 'Payer ')]")
