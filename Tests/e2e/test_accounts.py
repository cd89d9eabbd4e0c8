"""Family account journeys on a phone and a computer: sign-up with the activation link from the
development mailbox, linking a code abonné, forgotten password, throttling, change of address."""
import os
import subprocess
import time
import uuid

from selenium.webdriver.common.by import By

from browser_steps import click_and_wait
from portal_live import tenant_url

TOWN = "cayres-pradelles"
PASSWORD = "Velo-rouge-sous-la-pluie-7"
DB = os.environ.get("PORTAL_DATABASE_URL", "")


def psql(sql: str) -> str:
    return subprocess.run(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", DB, "-c", sql],
                          check=True, capture_output=True, text=True).stdout


def activated_account(email: str, password: str = PASSWORD) -> None:
    """An activated account made directly in the town's schema (bcrypt of the SHA-256 hex, as the portal does)."""
    schema = psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{TOWN}'").strip()
    psql(f"INSERT INTO {schema}.accounts (email, password_hash, last_name, first_names, created_at, activated_at, terms_accepted_at) "
         f"VALUES ('{email}', crypt(encode(sha256(convert_to('{password}', 'UTF8')), 'hex'), gen_salt('bf', 10)), "
         f"'Durand', 'Alex', now(), now(), now())")


def unique_email(prefix: str = "parent") -> str:
    return f"{prefix}.{uuid.uuid4().hex[:12]}@exemple.fr"


def fresh(browser):
    browser.get(tenant_url(TOWN))
    browser.delete_all_cookies()


def fill(browser, values: dict):
    for name, value in values.items():
        field = browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)


def submit(browser, label: str):
    click_and_wait(browser, browser.find_element(By.XPATH, f"//main//button[normalize-space()=\"{label}\"]"))


def mail_link(browser, address: str, subject_part: str, link_part: str, check_accessible) -> str:
    """Waits for the mail worker to write the message, then returns its link."""
    for _ in range(40):
        browser.get(tenant_url(TOWN, f"/_dev/mail?a={address}"))
        links = [a for a in browser.find_elements(By.CSS_SELECTOR, "main li a") if subject_part in a.text]
        if links:
            click_and_wait(browser, links[0])
            check_accessible(browser)
            return browser.find_element(By.CSS_SELECTOR, f".mail-body a[href*='{link_part}']").get_attribute("href")
        time.sleep(0.5)
    raise AssertionError(f"no e-mail « {subject_part} » for {address}")


def sign_in(browser, email: str, password: str = PASSWORD):
    browser.get(tenant_url(TOWN, "/connexion"))
    fill(browser, {"courriel": email, "mot_de_passe": password})
    submit(browser, "Se connecter")


def test_sign_up_activate_sign_in_link_code_and_sign_out(visit, browser, check_accessible):
    fresh(browser)
    email = unique_email()
    page = visit(tenant_url(TOWN, "/inscription"))
    assert "au moins 8 caractères" in page.find_element(By.ID, "champ-mot_de_passe-aide").text.lower()
    fill(page, {"nom": "Martin", "prenoms": "Camille", "courriel": email,
                "mot_de_passe": PASSWORD, "confirmation": PASSWORD})
    box = page.find_element(By.ID, "champ-conditions")
    page.execute_script("arguments[0].click()", box)
    time.sleep(2.2)  # the anti-robot timing refuses forms sent back within two seconds
    submit(page, "Créer mon compte")
    assert page.find_element(By.TAG_NAME, "h1").text == "Vérifiez votre messagerie"
    check_accessible(page)

    page.get(mail_link(page, email, "Activez votre compte", "/activation?jeton=", check_accessible))
    check_accessible(page)
    submit(page, "Activer mon compte")
    assert "Votre compte est activé" in page.find_element(By.CSS_SELECTOR, ".flash").text
    check_accessible(page)

    fill(page, {"courriel": email, "mot_de_passe": PASSWORD})
    submit(page, "Se connecter")
    assert "Bonjour Camille" in page.find_element(By.TAG_NAME, "h1").text
    check_accessible(page)

    page = visit(tenant_url(TOWN, "/mon-espace/abonnements"))
    fill(page, {"code_abonne": "durand-2026"})
    submit(page, "M'abonner")
    assert "Famille Durand" in page.find_element(By.TAG_NAME, "main").text
    assert "maintenant lié" in page.find_element(By.CSS_SELECTOR, ".flash").text
    check_accessible(page)
    # Active at once: Mes demandes shows it without signing in again.
    page = visit(tenant_url(TOWN, "/mon-espace/demandes"))
    assert "Famille Durand" in page.find_element(By.TAG_NAME, "table").text

    click_and_wait(page, page.find_element(By.CSS_SELECTOR, ".account-bar button"))
    assert page.find_elements(By.LINK_TEXT, "Se connecter")
    page.get(tenant_url(TOWN, "/mon-espace"))
    assert "/connexion" in page.current_url


def test_forgotten_password_reset_ends_the_old_session(visit, browser, check_accessible):
    fresh(browser)
    email = unique_email("oubli")
    activated_account(email)
    sign_in(browser, email)
    old_session = browser.get_cookie("pf_session")["value"]

    browser.delete_all_cookies()
    page = visit(tenant_url(TOWN, "/mot-de-passe-oublie"))
    fill(page, {"courriel": email})
    time.sleep(2.2)
    submit(page, "Recevoir le lien")
    assert "1 heure" in page.find_element(By.TAG_NAME, "main").text
    check_accessible(page)

    page.get(mail_link(page, email, "Choisir un nouveau mot de passe", "/mot-de-passe/nouveau?jeton=", check_accessible))
    check_accessible(page)
    new_password = "Une-nouvelle-phrase-de-passe-9"
    fill(page, {"mot_de_passe": new_password, "confirmation": new_password})
    submit(page, "Enregistrer le mot de passe")
    assert "autres connexions ont été fermées" in page.find_element(By.CSS_SELECTOR, ".flash").text

    page.add_cookie({"name": "pf_session", "value": old_session, "path": "/"})
    page.get(tenant_url(TOWN, "/mon-espace"))
    assert "/connexion" in page.current_url
    sign_in(page, email, new_password)
    assert "/mon-espace" in page.current_url


def test_five_wrong_passwords_are_throttled_with_a_clear_french_message(visit, browser, check_accessible):
    fresh(browser)
    email = unique_email("essais")
    activated_account(email)
    page = visit(tenant_url(TOWN, "/connexion"))
    for attempt in range(5):
        fill(page, {"courriel": email, "mot_de_passe": f"mauvais-{attempt}"})
        submit(page, "Se connecter")
    message = page.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Trop d'essais infructueux" in message
    assert "attendez 1 minute" in message
    check_accessible(page)
    fill(page, {"courriel": email, "mot_de_passe": PASSWORD})
    submit(page, "Se connecter")
    assert "Trop d'essais infructueux" in page.find_element(By.CSS_SELECTOR, ".error-summary").text


def test_change_email_is_confirmed_by_the_new_address(visit, browser, check_accessible):
    fresh(browser)
    email, new_email = unique_email("ancien"), unique_email("nouveau")
    activated_account(email)
    sign_in(browser, email)
    page = visit(tenant_url(TOWN, "/mon-espace/compte"))
    fill(page, {"nouveau_courriel": new_email, "mot_de_passe_courriel": PASSWORD})
    submit(page, "Changer d'adresse")
    assert "reste valable" in page.find_element(By.CSS_SELECTOR, ".flash").text
    assert email in page.find_element(By.TAG_NAME, "main").text
    check_accessible(page)

    page.get(mail_link(page, new_email, "Confirmez votre nouvelle adresse", "/courriel/confirmer?jeton=", check_accessible))
    submit(page, "Confirmer")
    assert "nouvelle adresse électronique est confirmée" in page.find_element(By.CSS_SELECTOR, ".flash").text
    assert new_email in page.find_element(By.TAG_NAME, "main").text
    check_accessible(page)


def test_a_password_can_be_shown_and_its_strength_is_told_while_typing(visit, browser, check_accessible):
    """ASVS 2.1.8 and 2.1.12: what the town's rule still asks for is said while typing (Cayres
    asks for every kind of character), and the typed password can be shown and hidden again."""
    fresh(browser)
    page = visit(tenant_url(TOWN, "/inscription"))
    field = page.find_element(By.NAME, "mot_de_passe")
    strength = page.find_element(By.ID, "champ-mot_de_passe-solidite")
    field.send_keys("velo")
    assert "insuffisante" in strength.text and "au moins 8 caractères" in strength.text and "un chiffre" in strength.text
    field.send_keys("-Rouge-2026")
    assert strength.text.startswith("Solidité : suffisante")
    show = page.find_element(By.XPATH, "//button[@aria-controls='champ-mot_de_passe']")
    show.click()
    assert field.get_attribute("type") == "text" and show.get_attribute("aria-pressed") == "true" and show.text == "Masquer"
    check_accessible(page)
    show.click()
    assert field.get_attribute("type") == "password" and show.text == "Afficher"
    # The confirmation can be shown too, and tells no strength (it only has to match).
    assert page.find_elements(By.XPATH, "//button[@aria-controls='champ-confirmation']")
    assert not page.find_elements(By.ID, "champ-confirmation-solidite")
