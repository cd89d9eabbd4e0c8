"""Journey of issue 7: a morning in the back-office on a desktop. A family sends two
justificatifs; the administrator opens the dashboard, accepts both from the queue in one go,
takes attendance on today's list (filled by the demo data) and downloads the attendance
export, whose bytes are checked as a spreadsheet would read them."""
import datetime
import functools
import os
import tempfile
import time
import uuid
from zoneinfo import ZoneInfo

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import browser_steps
from portal_live import tenant_url

TOWN = "cayres-pradelles"
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")
ADMIN = ("gestion@exemple.fr", "Demo-gestion-2026!")


def paris_today() -> datetime.date:
    """The server's « today » is Paris's, whatever the machine's zone."""
    return datetime.datetime.now(ZoneInfo("Europe/Paris")).date()
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")


@pytest.fixture
def desktop():
    """A desktop window that saves the CSV exports where the journey can read them."""
    driver = browser_steps.new_driver("desktop", downloads=tempfile.mkdtemp(prefix="portail-exports-"))
    yield driver
    driver.quit()


sign_in = functools.partial(browser_steps.sign_in, town=TOWN)


def sign_out(driver):
    driver.find_element(By.XPATH, "//button[normalize-space()='Se déconnecter']").click()
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.LINK_TEXT, "Se connecter"))


def send_document(driver, title, path):
    driver.get(tenant_url(TOWN, "/mon-espace/documents"))
    driver.find_element(By.NAME, "titre").send_keys(title)
    driver.find_element(By.NAME, "fichier").send_keys(path)
    driver.find_element(By.XPATH, "//button[normalize-space()='Envoyer']").click()
    WebDriverWait(driver, 20).until(lambda d: "ok=document" in d.current_url)


def test_a_morning_dashboard_two_acceptances_attendance_and_export(desktop, check_accessible):
    tag = uuid.uuid4().hex[:6]
    titles = [f"Attestation CAF {tag}", f"Justificatif de domicile {tag}"]
    image = os.path.join(desktop.downloads, "piece.png")
    with open(image, "wb") as file:
        file.write(PNG)

    sign_in(desktop, "/connexion", FAMILY)
    for title in titles:
        send_document(desktop, title, image)
    sign_out(desktop)
    os.remove(image)

    # The dashboard: what waits, today's attendance.
    sign_in(desktop, "/gestion/connexion", ADMIN)
    desktop.get(tenant_url(TOWN, "/gestion"))
    check_accessible(desktop)
    counters = {link.text.split(None, 1)[1]: int(link.text.split(None, 1)[0])
                for link in desktop.find_elements(By.CSS_SELECTOR, ".counters a")}
    assert counters["Documents reçus"] >= 2, counters
    assert any(label.startswith("Messages") for label in counters), counters

    # Accept the two justificatifs at once.
    desktop.find_element(By.PARTIAL_LINK_TEXT, "Documents reçus").click()
    WebDriverWait(desktop, 20).until(lambda d: d.current_url.endswith("/gestion/documents"))
    check_accessible(desktop)
    for title in titles:
        row = desktop.find_element(By.XPATH, f"//tr[td/a[normalize-space()='{title}']]")
        row.find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
    desktop.find_element(By.XPATH, "//button[normalize-space()='Accepter la sélection']").click()
    WebDriverWait(desktop, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".queue-results"))
    results = desktop.find_element(By.CSS_SELECTOR, ".queue-results").text
    assert results.count("accepté :") == 2, results
    for title in titles:
        assert title in results
    check_accessible(desktop)

    # Take attendance on today's first list.
    desktop.get(tenant_url(TOWN, "/gestion"))
    desktop.find_element(By.XPATH, "//h2[normalize-space()=\"Présences aujourd'hui\"]/following::table[1]//a").click()
    WebDriverWait(desktop, 20).until(lambda d: "/gestion/pointage" in d.current_url)
    check_accessible(desktop)
    first = desktop.find_elements(By.CSS_SELECTOR, "table.attendance tbody tr")[0]
    row_id = first.get_attribute("id")
    child = first.find_element(By.CSS_SELECTOR, "th a").text
    first.find_element(By.CSS_SELECTOR, "button.mark-present").click()
    # The page reloads after the mark: an element of the old page may vanish while it is read.
    WebDriverWait(desktop, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.find_element(By.ID, row_id).find_element(By.CSS_SELECTOR, "button.mark-present").get_attribute("aria-pressed") == "true")
    assert "Présent" in desktop.find_element(By.ID, row_id).find_element(By.CSS_SELECTOR, ".mark").text

    # Export today's attendance and read the file the browser saved.
    today = paris_today().isoformat()
    desktop.get(tenant_url(TOWN, "/gestion/exports"))
    check_accessible(desktop)
    for name in ("du", "au"):
        field = desktop.find_element(By.NAME, name)
        desktop.execute_script("arguments[0].value = arguments[1]", field, today)
    desktop.find_element(By.XPATH, "//button[normalize-space()='Télécharger le pointage']").click()
    expected_name = f"pointage-{today}-au-{today}.csv"
    path = os.path.join(desktop.downloads, expected_name)
    for _ in range(100):
        if os.path.exists(path):
            break
        time.sleep(0.2)
    with open(path, "rb") as file:
        data = file.read()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == '"Date";"Activité";"Unité";"Famille";"Enfant";"Pointage";"Pointé par";"Ajouté sur place"'
    assert lines[-1] == ""
    day = paris_today().strftime("%d/%m/%Y")
    marked = [line for line in lines[1:] if f'"{child}";"Présent";"Dominique Admin"' in line]
    assert len(marked) == 1, lines
    assert marked[0].startswith(f'"{day}";')


def test_every_backoffice_page_passes_the_accessibility_check(desktop, check_accessible):
    sign_in(desktop, "/gestion/connexion", ADMIN)
    today = paris_today().isoformat()
    pages = ["/gestion/dossier/demandes", "/gestion/inscriptions", "/gestion/reservations?du=2026-01-01", "/gestion/pointage", "/gestion/listes-attente", "/gestion/exports",
             "/gestion/equipe", "/gestion/journal", "/gestion/familles?q=MARTIN",
             f"/gestion/simulateur?famille=MARTIN-2026&creneau=alsh-mercredi/journee&jour={today}&maintenant={today}T08:00"]
    for page in pages:
        desktop.get(tenant_url(TOWN, page))
        assert "Accès refusé" not in desktop.title, page
        check_accessible(desktop)
    assert "Verdicts au" in desktop.page_source
    desktop.get(tenant_url(TOWN, "/gestion/familles?q=MARTIN"))
    desktop.find_element(By.CSS_SELECTOR, "main .card a").click()
    check_accessible(desktop)
    assert "Réservations (un mois avant" in desktop.page_source


def test_attendance_on_a_tablet_has_large_buttons_and_prints_without_them(desktop, check_accessible):
    sign_in(desktop, "/gestion/connexion", ADMIN)
    desktop.set_window_size(820, 1180)
    desktop.get(tenant_url(TOWN, "/gestion"))
    desktop.find_element(By.XPATH, "//h2[normalize-space()=\"Présences aujourd'hui\"]/following::table[1]//a").click()
    WebDriverWait(desktop, 20).until(lambda d: "/gestion/pointage" in d.current_url)
    check_accessible(desktop)
    buttons = desktop.find_elements(By.CSS_SELECTOR, "table.attendance button")
    assert buttons
    for button in buttons[:8]:
        assert button.is_displayed()
        assert button.size["height"] >= 44 and button.size["width"] >= 44, button.size
    width = desktop.execute_script("return document.documentElement.scrollWidth")
    assert width <= 820, width

    desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not any(button.is_displayed() for button in desktop.find_elements(By.CSS_SELECTOR, "table.attendance button"))
    assert not desktop.find_element(By.CSS_SELECTOR, "nav.staff-nav").is_displayed()
    assert desktop.find_element(By.CSS_SELECTOR, "table.attendance").is_displayed()
    desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
