"""A parent on a phone picks a file too large for « Mes documents »: the page says so at once, in
French, before anything is sent, and what was typed stays in the form."""
import os
import tempfile

from selenium.webdriver.common.by import By

import browser_steps
from portal_live import tenant_url

TOWN = "cayres-pradelles"
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")


def test_a_file_over_the_limit_is_refused_before_sending_and_the_form_keeps_its_title(phone):
    browser_steps.sign_in(phone, "/connexion", FAMILY, town=TOWN)
    phone.get(tenant_url(TOWN, "/mon-espace/documents"))
    browser_steps.assert_accessible(phone)
    sent_before = phone.find_element(By.TAG_NAME, "main").text.count("Attestation trop lourde")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "scan-12-pages.pdf")
        with open(path, "wb") as file:
            file.write(b"%PDF-1.7\n" + b"0" * (7 * 1024 * 1024))
        phone.find_element(By.NAME, "titre").send_keys("Attestation trop lourde")
        field = phone.find_element(By.NAME, "fichier")
        field.send_keys(path)
        message = field.get_property("validationMessage")
        assert "« scan-12-pages.pdf » pèse 7 Mo : la limite est de 6 Mo" in message, message

        # « Envoyer » does not leave the page: the browser holds the form back.
        phone.execute_script("window.stillHere = true")
        phone.find_element(By.XPATH, "//button[normalize-space()='Envoyer']").click()
        assert phone.execute_script("return window.stillHere === true")
        assert "ok=document" not in phone.current_url
        assert phone.find_element(By.NAME, "titre").get_property("value") == "Attestation trop lourde"

        # A lighter file clears the message.
        with open(path, "wb") as file:
            file.write(b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
        field.clear()
        field.send_keys(path)
        assert field.get_property("validationMessage") == ""
    phone.get(tenant_url(TOWN, "/mon-espace/documents"))
    assert phone.find_element(By.TAG_NAME, "main").text.count("Attestation trop lourde") == sent_before
