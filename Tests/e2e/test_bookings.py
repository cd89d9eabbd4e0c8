"""Journeys of issue 6 on a phone and a computer (the `browser` fixture runs both): pré-inscription
of two children, three Wednesdays booked for both through « jours types », the basket total,
« Valider », the recap e-mail in the development mailbox, a day past its deadline and why, a
cancellation, and the month view with both children. Saint-Aubin-des-Prés accepts pré-inscriptions
at once and takes bookings until the 20th of the month before."""
import datetime
import os
import pathlib
import re
import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_steps import click_and_wait
from portal_live import tenant_url

TOWN = "saint-aubin-des-pres"
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")
ACTIVITY = ("cl-elementaire-mercredis", "CL Élémentaire Mercredis")
UNIT = "avecRepas"
PORTAL = os.environ.get("PORTAL_BIN", str(pathlib.Path(__file__).resolve().parents[2] / ".build" / "debug" / "portal"))
# Each window books its own month, so the two runs share the demo family without meeting.
MONTHS_AHEAD = {"phone": 2, "desktop": 4}


def sign_in(browser, visit):
    browser.get(tenant_url(TOWN))
    browser.delete_all_cookies()
    visit(tenant_url(TOWN, "/connexion"))
    browser.find_element(By.NAME, "courriel").send_keys(FAMILY[0])
    browser.find_element(By.NAME, "mot_de_passe").send_keys(FAMILY[1])
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    assert "/connexion" not in browser.current_url


def running_days(start: datetime.date, end: datetime.date) -> set:
    """The days the Wednesday club runs, from the town's own calendar (`portal rules calendar`)."""
    listing = subprocess.run([PORTAL, "rules", "calendar", "--tenant", TOWN, "--activity", ACTIVITY[0],
                              "--from", start.isoformat(), "--to", end.isoformat()],
                             capture_output=True, text=True, check=True, timeout=60).stdout
    return {datetime.date.fromisoformat(line.split()[0]) for line in listing.splitlines() if line.strip()}


def first_wednesday(months_ahead: int) -> datetime.date:
    """The first Wednesday, `months_ahead` months on, that starts three Wednesdays in a row the club
    runs: school holidays close it, and whether they fall there depends on today's date."""
    today = datetime.date.today()
    month = today.month - 1 + months_ahead
    start = datetime.date(today.year + month // 12, month % 12 + 1, 1)
    days = running_days(start, start + datetime.timedelta(days=120))
    day = start + datetime.timedelta(days=(2 - start.weekday()) % 7)
    while not all(day + datetime.timedelta(weeks=k) in days for k in range(3)):
        day += datetime.timedelta(weeks=1)
        assert day < start + datetime.timedelta(days=100), "no three running Wednesdays in a row"
    return day


def empty_basket(browser, visit):
    """A run stopped midway leaves its lines in the basket, which outlives sessions by design."""
    visit(tenant_url(TOWN, "/panier"))
    while buttons := browser.find_elements(By.XPATH, "//form[contains(@class, 'basket')]//button[starts-with(normalize-space(), 'Retirer')]"):
        click_and_wait(browser, buttons[0])


def set_date(browser, name: str, value: datetime.date, form):
    field = form.find_element(By.NAME, name)
    browser.execute_script("arguments[0].value = arguments[1]", field, value.isoformat())


def main_text(browser) -> str:
    return browser.find_element(By.TAG_NAME, "main").text


def test_two_children_book_three_wednesdays_confirm_get_the_mail_and_cancel_one(browser, visit, check_accessible):
    sign_in(browser, visit)
    empty_basket(browser, visit)
    first = first_wednesday(MONTHS_AHEAD[browser.kind])

    # Pré-inscription of both children (accepted at once in this town); an earlier run may have made it.
    visit(tenant_url(TOWN, "/inscriptions"))
    if ACTIVITY[1] not in main_text(browser):
        click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Ajouter une pré-inscription"))
        check_accessible(browser)
        Select(browser.find_element(By.NAME, "activite")).select_by_value(ACTIVITY[0])
        for box in browser.find_elements(By.NAME, "enfant"):
            if not box.is_selected():
                box.click()
        click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Envoyer la demande']"))
        check_accessible(browser)
    text = main_text(browser)
    assert text.count(ACTIVITY[1]) >= 2, text
    assert "Réservation possible" in text

    # Jours types: Wednesdays over two weeks from the first Wednesday of the month, both children.
    visit(tenant_url(TOWN, f"/planning?vue=month&date={first.isoformat()}"))
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/panier/jours-types']")
    for box in form.find_elements(By.NAME, "enfant"):
        box.click()
    form.find_element(By.CSS_SELECTOR, f"input[name=prestation][value='{ACTIVITY[0]}|{UNIT}']").click()
    form.find_element(By.CSS_SELECTOR, "input[name=jour][value='3']").click()
    set_date(browser, "du", first, form)
    set_date(browser, "au", first + datetime.timedelta(days=14), form)
    click_and_wait(browser, form.find_element(By.XPATH, ".//button[normalize-space()='Ajouter ces jours au panier']"))
    check_accessible(browser)
    assert "/panier" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "form.basket tbody tr")
    assert len(rows) == 6, main_text(browser)
    assert "Total : 62,40 €" in main_text(browser)

    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Valider']"))
    check_accessible(browser)
    number = re.search(r"Réservation n° (\d+)", main_text(browser)).group(1)
    assert main_text(browser).count("Réservé.") == 6, main_text(browser)

    # The recap e-mail, delivered by the outbox worker in the background.
    # Exactly this number: « n° 1 » must not pick the mail of « n° 12 ».
    subject = re.compile(rf"Récapitulatif de votre réservation n° {number}(?!\d)")
    links = []
    for _ in range(60):
        browser.get(tenant_url(TOWN, "/_dev/mail"))
        links = [a for a in browser.find_elements(By.TAG_NAME, "a") if subject.search(a.text)]
        if links:
            break
        time.sleep(0.5)
    assert links, f"no recap e-mail for booking {number}"
    click_and_wait(browser, links[0])
    mail = browser.page_source
    assert "Opération" in mail and "Tarif" in mail and "à l&#39;unité" in mail or "à l'unité" in mail
    assert "Total : 62,40 €" in mail

    # A Wednesday whose month closed on the 20th: the planning says why it cannot be booked.
    reasons = []
    day = datetime.date.today()
    for _ in range(8):
        day += datetime.timedelta(days=(2 - day.weekday()) % 7 or 7)
        visit(tenant_url(TOWN, f"/planning?vue=day&date={day.isoformat()}"))
        if "close depuis" in main_text(browser):
            reasons.append(main_text(browser))
            break
    assert reasons, "no closed Wednesday found in the next weeks"
    assert "Non réservable ou non modifiable" in reasons[0]

    # Cancel one: Léa's first Wednesday.
    visit(tenant_url(TOWN, f"/planning?vue=day&date={first.isoformat()}"))
    cancel = browser.find_element(By.XPATH, "//input[@name='creneau' and contains(@value, '|cancel')]"
                                            "[following-sibling::label[contains(., 'Léa')]]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", cancel)
    cancel.click()
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Ajouter la sélection au panier']"))
    check_accessible(browser)
    assert "Annulation" in main_text(browser)
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Valider']"))
    assert "Annulation" in main_text(browser) and "Annulé" in main_text(browser), main_text(browser)

    # The month with both children.
    visit(tenant_url(TOWN, f"/planning?vue=month&date={first.isoformat()}"))
    text = main_text(browser)
    assert f"Léa – {ACTIVITY[1]}" in text and f"Tom – {ACTIVITY[1]}" in text
    assert "Réservé / enfant présent" in text
