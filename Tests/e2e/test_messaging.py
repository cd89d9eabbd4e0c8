"""Journey of seed 004's annual update: on a phone, the family writes to « Données du Dossier
Famille » with two attachments; on a desktop, the service answers; on the phone again, the
family sees the unread answer, reads it, and finds the e-mail in the development mailbox."""
import functools
import re
import time
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

import browser_steps
from browser_steps import assert_accessible as accessible
from portal_live import tenant_url

TOWN = "saint-aubin-des-pres"
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")
STAFF = ("gestion@exemple.fr", "Demo-gestion-2026!")
sign_in = functools.partial(browser_steps.sign_in, town=TOWN)


def press(driver, label):
    driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click()


def follow(driver, link_text):
    driver.find_element(By.PARTIAL_LINK_TEXT, link_text).click()


def assert_no_sideways_scroll(driver):
    """The unread badge once made phone pages wider than the screen (and taps land beside buttons)."""
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth && window.innerWidth <= 400")


@pytest.fixture
def attachments(tmp_path):
    proof = tmp_path / "assurance-habitation.pdf"
    proof.write_bytes(b"%PDF-1.4\n% justificatif de domicile\n" + b" " * 2000 + b"\n%%EOF\n")
    sheet = tmp_path / "fiche-contacts.png"
    sheet.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 1500)
    return str(proof), str(sheet)


def test_annual_update_message_with_two_attachments_is_answered_and_read_on_a_phone(phone, desktop, attachments):
    subject = f"Actualisation {uuid.uuid4().hex[:6]}"
    answer = "Bonjour, votre dossier est bien actualisé pour la rentrée. Cordialement."

    sign_in(phone, "/connexion", FAMILY)
    phone.get(tenant_url(TOWN, "/messagerie/nouveau"))
    accessible(phone)
    Select(phone.find_element(By.NAME, "service")).select_by_visible_text("Données du Dossier Famille")
    Select(phone.find_element(By.NAME, "theme")).select_by_visible_text("Modifications")
    phone.find_element(By.NAME, "objet").send_keys(subject)
    phone.find_element(By.NAME, "message").send_keys("Bonjour,\n\nVeuillez trouver ci-joint le justificatif de domicile et la fiche contacts.\n\nCordialement")
    phone.find_element(By.NAME, "piece_1").send_keys(attachments[0])
    phone.find_element(By.NAME, "piece_2").send_keys(attachments[1])
    press(phone, "Envoyer")
    WebDriverWait(phone, 20).until(lambda d: "ok=message-envoye" in d.current_url)
    thread_url = phone.current_url.split("?")[0]
    assert re.search(r"/messagerie/fils/\d+$", thread_url), thread_url
    assert "Votre message a bien été envoyé" in phone.page_source
    assert "assurance-habitation.pdf" in phone.page_source and "fiche-contacts.png" in phone.page_source
    accessible(phone)
    thread_id = thread_url.rsplit("/", 1)[1]

    sign_in(desktop, "/gestion/connexion", STAFF)
    desktop.get(tenant_url(TOWN, "/gestion/messagerie"))
    accessible(desktop)
    desktop.find_element(By.LINK_TEXT, "Données du Dossier Famille").click()
    accessible(desktop)
    desktop.find_element(By.LINK_TEXT, subject).click()
    WebDriverWait(desktop, 20).until(lambda d: d.current_url.endswith(f"/gestion/messagerie/fils/{thread_id}"))
    accessible(desktop)
    assert "justificatif de domicile" in desktop.page_source
    assert len(desktop.find_elements(By.CSS_SELECTOR, "a[href^='/gestion/messagerie/pieces-jointes/']")) == 2
    desktop.find_element(By.NAME, "message").send_keys(answer)
    press(desktop, "Envoyer la réponse")
    WebDriverWait(desktop, 20).until(lambda d: "ok=reponse-envoyee" in d.current_url)

    phone.get(tenant_url(TOWN, "/messagerie"))
    accessible(phone)
    tab = phone.find_element(By.CSS_SELECTOR, "nav.tabs a[href='/messagerie']")
    assert "non lu" in tab.get_attribute("textContent")
    assert_no_sideways_scroll(phone)
    follow(phone, subject)
    WebDriverWait(phone, 20).until(lambda d: d.current_url.endswith(f"/messagerie/fils/{thread_id}"))
    accessible(phone)
    assert answer in phone.find_element(By.TAG_NAME, "main").text

    # The outbox worker delivers in the background: look until the message is there.
    mail_subject = f"Réponse à votre message « {subject} »"
    for _ in range(60):
        phone.get(tenant_url(TOWN, "/_dev/mail"))
        if mail_subject in phone.page_source:
            break
        time.sleep(0.5)
    follow(phone, mail_subject)
    WebDriverWait(phone, 20).until(lambda d: "/_dev/mail/" in d.current_url)
    assert f"/messagerie/fils/{thread_id}" in phone.page_source
