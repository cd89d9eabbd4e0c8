"""ASVS 8.3.1: what a family or a staff member types or reads as personal data goes in a form's
body, never in a query string. Every page the demo family and the administrator reach is read
(GET only, so the shared server is left as it was): a form sent by GET may carry only the
filters and navigation fields below, and a password field is always in a POST form."""
import pytest

from portal_live import PORT
from test_scanners import browser, crawl

# Ids, days, months and choices from lists; `q` is the staff's search of families by name,
# which our request log leaves out (MetricsAndLogsTests) and nginx does not log (access_log off).
GET_FIELDS = {"famille", "vue", "date", "enfant", "activite", "q", "periode", "recue", "du", "au", "type", "sante",
              "jour", "creneau", "mois", "maintenant", "agent", "unite"}


class LiveServer:
    port = int(PORT)


@pytest.mark.parametrize("who", ["family", "staff"])
@pytest.mark.parametrize("town", ["cayres-pradelles", "saint-aubin-des-pres"])
def test_forms_sent_by_get_carry_only_filters_and_passwords_go_by_post(town, who):
    client = browser(LiveServer, town, who)
    _, forms = crawl(town, who, client)
    assert forms, "no form found"
    for form in forms:
        if form.method == "GET":
            assert set(form.fields) <= GET_FIELDS, f"{form.action} sends {sorted(set(form.fields) - GET_FIELDS)} in its query"
    passwords = [form for form in forms if any("mot_de_passe" in name for name in form.fields)]
    assert passwords and all(form.method == "POST" for form in passwords)
