"""Journeys of issue 5: a family edits a child's allergy on a phone, the direction accepts it on
a desktop, the family sees the new value and the e-mail in the development mailbox; a photo sent
from the phone waits beside the current one until the direction accepts it."""
import functools
import re
import time
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import browser_steps
from browser_steps import assert_accessible as accessible
from portal_live import tenant_url

TOWN = "cayres-pradelles"
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")
DIRECTOR = ("direction@exemple.fr", "Demo-direction-2026!")
sign_in = functools.partial(browser_steps.sign_in, town=TOWN)


def accepted_mails(driver):
    """Links of the development mailbox's « acceptée » answers (earlier runs' included)."""
    driver.get(tenant_url(TOWN, "/_dev/mail"))
    subject = "Votre demande de modification du dossier : acceptée"
    return [a.get_attribute("href") for a in driver.find_elements(By.PARTIAL_LINK_TEXT, subject)]


def withdraw_leftovers(driver, overview):
    """Requests left pending by an earlier run would block the same field: the family withdraws them."""
    while True:
        driver.get(overview)
        buttons = driver.find_elements(By.XPATH, "//button[normalize-space()='Retirer cette demande']")
        if not buttons:
            return
        buttons[0].click()
        WebDriverWait(driver, 20).until(lambda d: "ok=" in d.current_url)


def test_allergy_edited_on_phone_is_accepted_on_desktop_and_mailed(phone, desktop):
    allergy = f"Arachide, kiwi {uuid.uuid4().hex[:6]}"

    sign_in(phone, "/connexion", FAMILY)
    phone.get(tenant_url(TOWN, "/dossier"))
    overview = phone.current_url
    assert re.search(r"/dossier/\d+$", overview), overview
    accessible(phone)
    withdraw_leftovers(phone, overview)
    phone.find_element(By.PARTIAL_LINK_TEXT, "Fiche sanitaire (Léa)").click()
    health_form = phone.current_url
    accessible(phone)
    field = phone.find_element(By.NAME, "allergies")
    field.clear()
    field.send_keys(allergy)
    phone.find_element(By.XPATH, "//button[normalize-space()='Soumettre la modification']").click()
    WebDriverWait(phone, 20).until(lambda d: d.current_url != health_form)
    assert "Votre demande de modification a été envoyée" in phone.page_source, phone.find_element(By.TAG_NAME, "main").text[:800]
    action = phone.find_element(By.XPATH, "//button[normalize-space()='Retirer cette demande']/ancestor::form").get_attribute("action")
    request_id = re.search(r"/demandes/(\d+)/retirer", action).group(1)
    phone.get(health_form)
    pending = phone.find_element(By.CSS_SELECTOR, ".pending").text
    assert "En attente de validation" in pending and allergy in pending

    mails_before = len(accepted_mails(phone))
    sign_in(desktop, "/gestion/connexion", DIRECTOR)
    desktop.get(tenant_url(TOWN, "/gestion/dossier/demandes"))
    accessible(desktop)
    desktop.get(tenant_url(TOWN, f"/gestion/dossier/demandes/{request_id}"))
    accessible(desktop)
    assert allergy in desktop.page_source
    desktop.find_element(By.ID, "champ-d0-accepter").click()
    desktop.find_element(By.XPATH, "//button[normalize-space()='Enregistrer les décisions']").click()
    WebDriverWait(desktop, 20).until(lambda d: "ok=decision" in d.current_url)
    assert "La décision est enregistrée" in desktop.page_source

    phone.get(health_form)
    assert phone.find_element(By.NAME, "allergies").get_attribute("value") == allergy
    assert not phone.find_elements(By.CSS_SELECTOR, ".pending")

    # The outbox worker delivers in the background: look until one more message is there.
    for _ in range(60):
        if len(accepted_mails(phone)) > mails_before:
            break
        time.sleep(0.5)
    bodies = []
    for link in accepted_mails(phone):
        phone.get(link)
        bodies.append(phone.page_source)
    assert any("Allergies (Fiche sanitaire : Léa Martin) : acceptée" in body for body in bodies)


def decoded_width(driver, image):
    """The picture's width once the browser has loaded and decoded it (0 if it could not)."""
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return arguments[0].complete", image))
    return driver.execute_script("return arguments[0].naturalWidth", image)


def tiny_png(path):
    """An 8×8 PNG drawn here, so that the browser really decodes the served picture."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes([200, 80, 40]) * 8 for _ in range(8))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    path.write_bytes(png)
    return str(path)


def test_photo_uploaded_on_phone_waits_for_staff_then_becomes_the_childs(phone, desktop, tmp_path):
    sign_in(phone, "/connexion", FAMILY)
    phone.get(tenant_url(TOWN, "/dossier"))
    overview = phone.current_url
    withdraw_leftovers(phone, overview)
    phone.find_element(By.PARTIAL_LINK_TEXT, "Modifier (Léa)").click()
    child_form = phone.current_url
    phone.find_element(By.NAME, "photo").send_keys(tiny_png(tmp_path / "lea.png"))
    phone.find_element(By.XPATH, "//button[normalize-space()='Soumettre la modification']").click()
    WebDriverWait(phone, 20).until(lambda d: d.current_url != child_form)
    assert "Votre demande de modification a été envoyée" in phone.page_source
    action = phone.find_element(By.XPATH, "//button[normalize-space()='Retirer cette demande']/ancestor::form").get_attribute("action")
    request_id = re.search(r"/demandes/(\d+)/retirer", action).group(1)

    phone.get(child_form)
    accessible(phone)
    waiting = phone.find_element(By.CSS_SELECTOR, "#champ-photo-attente img")
    assert decoded_width(phone, waiting) == 8

    sign_in(desktop, "/gestion/connexion", DIRECTOR)
    desktop.get(tenant_url(TOWN, f"/gestion/dossier/demandes/{request_id}"))
    accessible(desktop)
    shown = desktop.find_element(By.CSS_SELECTOR, "img[alt='Photo demandée']")
    assert decoded_width(desktop, shown) == 8
    desktop.find_element(By.ID, "champ-d0-accepter").click()
    desktop.find_element(By.XPATH, "//button[normalize-space()='Enregistrer les décisions']").click()
    WebDriverWait(desktop, 20).until(lambda d: "ok=decision" in d.current_url)

    phone.get(child_form)
    current = phone.find_element(By.CSS_SELECTOR, "img[alt='Photo actuelle']")
    assert decoded_width(phone, current) == 8
    assert not phone.find_elements(By.ID, "champ-photo-attente")
