"""Journey of issue 9 on a phone: the demo family opens « Facturation », pays its invoice through
the PayFiP simulator (served by the portal itself on payfip.localhost) and sees it « payée »;
the PDF download is a real PDF; a forged notification from the browser's side is refused."""
import re
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import browser_steps
from browser_steps import assert_accessible as accessible
from portal_live import HOST, PORT, tenant_url

TOWN = "saint-aubin-des-pres"
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")


def sign_in(driver):
    browser_steps.sign_in(driver, "/connexion", FAMILY, town=TOWN)


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
