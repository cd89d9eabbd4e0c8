"""Steps the browser journeys share: starting Chromium at a phone or desktop size, the axe
check, signing in, and clicking through to the next page."""
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from portal_live import tenant_url

SIZES = {"phone": (360, 740), "desktop": (1280, 800)}


def new_driver(kind: str, downloads: str | None = None):
    """Debian's Chromium, headless; `phone` emulates a touch screen, `desktop` is a window."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr-FR"):
        options.add_argument(arg)
    width, height = SIZES[kind]
    if kind == "phone":
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True}}
        )
    else:
        options.add_argument(f"--window-size={width},{height}")
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    if downloads:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        driver.downloads = downloads
    driver.kind = kind
    return driver


def assert_accessible(driver):
    """No serious or critical axe-core violation on the page shown."""
    axe = Axe(driver)
    axe.inject()
    serious = [v for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in serious)
    assert not serious, f"{driver.current_url}:\n{report}"


def click_and_wait(driver, element, timeout: int = 20):
    """Clicks, then waits until the page the element belonged to is gone."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()

    def replaced(_):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True
    WebDriverWait(driver, timeout).until(replaced)


def sign_in(driver, path: str, credentials: tuple[str, str], *, town: str):
    """Fills a sign-in form (family, staff) and waits until it has let the user in."""
    driver.get(tenant_url(town, path))
    driver.find_element(By.NAME, "courriel").send_keys(credentials[0])
    driver.find_element(By.NAME, "mot_de_passe").send_keys(credentials[1])
    driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    WebDriverWait(driver, 20).until(lambda d: "connexion" not in d.current_url)
