"""Messagerie against the live server: an attachment or a thread is reachable only by its
family and the town's staff, content is checked whatever the file is called, the body limit
is raised on the message route only, and a town without the tab has none of its URLs."""
import os
import re
import subprocess
import urllib.parse
import uuid

import pytest

from portal_live import PORT, CookieSession, raw_request

TOWN = "saint-aubin-des-pres"
DB = os.environ.get("PORTAL_DATABASE_URL", "")
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")
STAFF = ("gestion@exemple.fr", "Demo-gestion-2026!")
OTHER_PASSWORD = "Autre-famille-sous-la-pluie-9"


def psql(sql: str) -> str:
    return subprocess.run(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", DB, "-c", sql],
                          check=True, capture_output=True, text=True).stdout


def schema_of(tenant: str) -> str:
    return psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{tenant}'").strip()


class Session(CookieSession):
    def __init__(self, town=TOWN):
        super().__init__(f"{town}.localhost:{PORT}", timeout=30)

    def csrf(self, path):
        _, _, data = self.request("GET", path)
        match = re.search(rb'name="csrf" value="([^"]+)"', data)
        return match.group(1).decode() if match else ""

    def sign_in(self, path, credentials):
        token = self.csrf(path)
        body = urllib.parse.urlencode({"csrf": token, "courriel": credentials[0], "mot_de_passe": credentials[1]})
        status, _, _ = self.request("POST", path, body, "application/x-www-form-urlencoded")
        assert status == 303
        return self

    def send_message(self, fields, files):
        boundary = "----portail" + uuid.uuid4().hex
        parts = []
        for name, value in {"csrf": self.csrf("/messagerie/nouveau"), **fields}.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, filename, data in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f'Content-Type: application/pdf\r\n\r\n'.encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", "/messagerie/nouveau", b"".join(parts), f"multipart/form-data; boundary={boundary}")


MESSAGE = {"service": "dossier-famille", "theme": "Informations", "objet": "Isolement", "message": "Pièce jointe privée."}
PDF = b"%PDF-1.4\n" + b" " * 1000


@pytest.fixture(scope="module")
def other_family():
    email = f"autre.famille.{uuid.uuid4().hex[:8]}@exemple.fr"
    schema = schema_of(TOWN)
    psql(f"INSERT INTO {schema}.accounts (email, password_hash, last_name, first_names, created_at, activated_at, terms_accepted_at) "
         f"VALUES ('{email}', public.crypt(encode(public.digest('{OTHER_PASSWORD}', 'sha256'), 'hex'), public.gen_salt('bf', 10)), "
         f"'Durand', 'Alex', now(), now(), now())")
    yield (email, OTHER_PASSWORD)
    psql(f"DELETE FROM {schema}.accounts WHERE email = '{email}'")


@pytest.fixture(scope="module")
def sent_message():
    family = Session().sign_in("/connexion", FAMILY)
    status, headers, _ = family.send_message(MESSAGE, [("piece_1", "privee.pdf", PDF)])
    assert status == 303, status
    thread = headers["location"].split("?")[0]
    _, _, page = family.request("GET", thread)
    attachments = [int(x) for x in re.findall(rb'href="/messagerie/pieces-jointes/(\d+)"', page)]
    assert len(attachments) == 1
    return family, thread, attachments[0]


def test_attachment_is_served_to_its_family_as_a_download(sent_message):
    family, _, attachment = sent_message
    status, headers, data = family.request("GET", f"/messagerie/pieces-jointes/{attachment}")
    assert status == 200
    assert headers["content-type"] == "application/pdf"
    assert headers["content-disposition"] == 'attachment; filename="privee.pdf"'
    assert headers["x-content-type-options"] == "nosniff"
    assert data == PDF


def test_another_family_gets_neither_the_attachment_nor_the_thread(sent_message, other_family):
    _, thread, attachment = sent_message
    other = Session().sign_in("/connexion", other_family)
    for path in (f"/messagerie/pieces-jointes/{attachment}", thread, f"/gestion/messagerie/pieces-jointes/{attachment}"):
        status, _, data = other.request("GET", path)
        assert status in (403, 404), (path, status)
        assert PDF not in data


def test_visitors_and_other_towns_get_nothing(sent_message):
    _, _, attachment = sent_message
    status, headers, _ = Session().request("GET", f"/messagerie/pieces-jointes/{attachment}")
    assert status == 303 and headers["location"].startswith("/connexion")
    elsewhere = Session("cayres-pradelles").sign_in("/gestion/connexion", STAFF)
    status, _, _ = elsewhere.request("GET", f"/gestion/messagerie/pieces-jointes/{attachment}")
    assert status == 404


def test_staff_of_the_town_download_it(sent_message):
    _, _, attachment = sent_message
    staff = Session().sign_in("/gestion/connexion", STAFF)
    status, headers, data = staff.request("GET", f"/gestion/messagerie/pieces-jointes/{attachment}")
    assert status == 200 and data == PDF and headers["content-disposition"].startswith("attachment;")


def test_an_executable_named_pdf_is_refused_and_nothing_is_stored():
    family = Session().sign_in("/connexion", FAMILY)
    subject = f"Exécutable {uuid.uuid4().hex[:6]}"
    status, _, page = family.send_message({**MESSAGE, "objet": subject}, [("piece_1", "facture.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 500)])
    assert status == 422
    assert "ni un PDF, ni une image JPEG ou PNG" in page.decode()
    assert psql(f"SELECT count(*) FROM {schema_of(TOWN)}.message_threads WHERE subject = '{subject}'").strip() == "0"


def test_the_body_limit_admits_a_large_attachment_on_the_message_route_only():
    family = Session().sign_in("/connexion", FAMILY)
    big = b"%PDF-1.4\n" + b" " * (7 * 1024 * 1024)
    status, _, page = family.send_message(MESSAGE, [("piece_1", "gros.pdf", big)])
    assert status == 422 and "le fichier dépasse 6 Mo" in page.decode()
    # Elsewhere the announced length alone is refused before any byte of the body is read.
    head = (f"POST /mon-espace/compte/identite HTTP/1.1\r\nHost: {TOWN}.localhost:{PORT}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {2 * 1024 * 1024}\r\n\r\n")
    assert raw_request(head.encode()).startswith(b"HTTP/1.1 413")


@pytest.mark.parametrize("path", ["/messagerie", "/messagerie/nouveau", "/messagerie/fils/1", "/messagerie/pieces-jointes/1", "/gestion/messagerie"])
def test_a_town_without_the_messagerie_has_none_of_its_urls(path):
    status, _, _ = Session("val-de-lauze").request("GET", path)
    assert status == 404
