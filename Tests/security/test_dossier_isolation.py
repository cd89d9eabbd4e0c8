"""A family can never read or change another family's file, whatever ids it guesses in URLs
and forms, against the live server with the demo accounts."""
import http.client
import re
import urllib.parse

from portal_live import HOST, PORT

TOWN_HOST = f"cayres-pradelles.localhost:{PORT}"


class Session:
    def __init__(self):
        self.cookies = {}

    def request(self, method, path, fields=None):
        connection = http.client.HTTPConnection(HOST, int(PORT), timeout=10)
        headers = {"Host": TOWN_HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        text = response.read().decode("utf-8", "replace")
        connection.close()
        return response.status, response.getheader("Location"), text

    def csrf(self, path):
        status, _, text = self.request("GET", path)
        match = re.search(r'name="csrf" value="([^"]+)"', text)
        return match.group(1) if match else ""


def signed_in_family():
    session = Session()
    token = session.csrf("/connexion")
    status, _, _ = session.request("POST", "/connexion", {"csrf": token, "courriel": "famille.martin@exemple.fr", "mot_de_passe": "Demo-famille-2026!"})
    assert status == 303
    return session


def own_family_id(session):
    status, location, _ = session.request("GET", "/dossier")
    assert status == 303 and location
    return int(location.rsplit("/", 1)[1])


def test_guessed_family_ids_in_urls_answer_not_found():
    session = signed_in_family()
    own = own_family_id(session)
    for other in {own + 1, own - 1, 1, 2, 999999} - {own}:
        for path in (f"/dossier/{other}", f"/dossier/{other}/mes-donnees", f"/dossier/{other}/mes-donnees.json",
                     f"/dossier/{other}/enfant/1", f"/dossier/{other}/sante/1", f"/dossier/{other}/responsable/1"):
            status, _, _ = session.request("GET", path)
            assert status == 404, path


def test_guessed_record_ids_in_own_file_and_forms_change_nothing():
    session = signed_in_family()
    own = own_family_id(session)
    _, _, overview = session.request("GET", f"/dossier/{own}")
    own_children = {int(i) for i in re.findall(rf"/dossier/{own}/enfant/(\d+)", overview)}
    token = session.csrf(f"/dossier/{own}")
    for child in range(1, max(own_children | {1}) + 20):
        if child in own_children:
            continue
        status, _, _ = session.request("POST", f"/dossier/{own}/sante/{child}", {"csrf": token, "allergies": "Piraté"})
        assert status == 404, child
        status, _, _ = session.request("POST", f"/dossier/{own + 1}/sante/{child}", {"csrf": token, "allergies": "Piraté"})
        assert status == 404, child
    for request_id in range(1, 30):
        status, _, _ = session.request("POST", f"/dossier/{own + 1}/demandes/{request_id}/retirer", {"csrf": token})
        assert status == 404


def test_state_changes_without_the_csrf_token_are_refused():
    session = signed_in_family()
    own = own_family_id(session)
    _, _, overview = session.request("GET", f"/dossier/{own}")
    child = re.search(rf"/dossier/{own}/sante/(\d+)", overview).group(1)
    status, _, _ = session.request("POST", f"/dossier/{own}/sante/{child}", {"allergies": "Sans jeton"})
    assert status == 403


def test_staff_back_office_pages_are_closed_to_families_and_visitors():
    session = signed_in_family()
    for path in ("/gestion/familles", "/gestion/dossier/demandes", "/gestion/familles/1"):
        status, _, _ = session.request("GET", path)
        assert status == 403, path
    anonymous = Session()
    status, location, _ = anonymous.request("GET", "/dossier")
    assert status == 303 and location.startswith("/connexion")
