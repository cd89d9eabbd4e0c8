"""Children's photos reach only their family and staff, whatever ids are guessed; staff views of
a health sheet are logged; an agent (no health role) sees no health data. Against the live
server with the demo accounts."""
import os
import re
import secrets
import subprocess
import urllib.parse
import uuid

import pytest

from portal_live import PORT, CookieSession, raw_request

TOWN = "cayres-pradelles"
TOWN_HOST = f"{TOWN}.localhost:{PORT}"
DB = os.environ.get("PORTAL_DATABASE_URL", "")
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")
DIRECTOR = ("direction@exemple.fr", "Demo-direction-2026!")
AGENT = ("accueil@exemple.fr", "Demo-accueil-2026!")
JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + b"JFIF" + secrets.token_bytes(300)
PNG = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + secrets.token_bytes(300)


def psql(sql: str) -> str:
    return subprocess.run(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", DB, "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


SCHEMA = None


def schema() -> str:
    global SCHEMA
    SCHEMA = SCHEMA or psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{TOWN}'")
    return SCHEMA


def family_id(code: str) -> int:
    return int(psql(f"SELECT id FROM {schema()}.families WHERE subscriber_code = '{code}'"))


def first_child(family: int) -> int:
    return int(psql(f"SELECT min(id) FROM {schema()}.children WHERE family_id = {family} AND removed_at IS NULL"))


class Session(CookieSession):
    def __init__(self):
        super().__init__(TOWN_HOST, timeout=20)

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, urllib.parse.urlencode(fields), "application/x-www-form-urlencoded")

    def post_multipart(self, path, fields, file_field, file_name, file_bytes):
        boundary = "----portail" + uuid.uuid4().hex
        body = b""
        for name, value in fields.items():
            body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
                 f"Content-Type: image/jpeg\r\n\r\n").encode() + file_bytes + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, f"multipart/form-data; boundary={boundary}")

    def csrf(self, path):
        _, _, page = self.get(path)
        match = re.search(r'name="csrf" value="([^"]+)"', page.decode("utf-8", "replace"))
        return match.group(1) if match else ""


def signed_in(credentials, sign_in_path):
    session = Session()
    token = session.csrf(sign_in_path)
    status, _, _ = session.post(sign_in_path, {"csrf": token, "courriel": credentials[0], "mot_de_passe": credentials[1]})
    assert status == 303
    return session


def withdraw_pending(session, own):
    """Leaves no request pending, for the other suites and the next run."""
    while True:
        _, _, page = session.get(f"/dossier/{own}")
        match = re.search(rf'action="(/dossier/{own}/demandes/\d+/retirer)"', page.decode())
        if not match:
            return
        session.post(match.group(1), {"csrf": session.csrf(f"/dossier/{own}")})


@pytest.fixture
def martin():
    session = signed_in(FAMILY, "/connexion")
    own = family_id("MARTIN-2026")
    withdraw_pending(session, own)
    yield session, own
    withdraw_pending(session, own)


@pytest.fixture
def durand_photo():
    """A photo in the other demo family (Durand, no account of the demo family's)."""
    durand = family_id("DURAND-2026")
    reference = secrets.token_hex(32)
    psql(f"INSERT INTO {schema()}.child_photos (reference, family_id, child_id, content_type, bytes, uploaded_at) "
         f"VALUES ('{reference}', {durand}, {first_child(durand)}, 'image/png', '\\x{PNG.hex()}'::bytea, now())")
    yield durand, reference
    psql(f"DELETE FROM {schema()}.child_photos WHERE reference = '{reference}'")


def test_uploaded_photo_is_pending_and_served_privately_to_the_family_and_staff(martin):
    session, own = martin
    child = first_child(own)
    form = f"/dossier/{own}/enfant/{child}"
    status, headers, _ = session.post_multipart(form, {"csrf": session.csrf(form)}, "photo", "lea.jpg", JPEG)
    assert status == 303, status
    _, _, page = session.get(form)
    page = page.decode()
    assert "Nouvelle photo en attente de validation" in page
    path = re.search(rf'id="champ-photo-attente">.*?src="(/dossier/{own}/photos/[0-9a-f]{{64}})"', page).group(1)
    status, headers, body = session.get(path)
    assert status == 200 and body == JPEG
    assert headers["content-type"] == "image/jpeg"
    assert headers["cache-control"] == "private, no-store"
    assert headers["x-content-type-options"] == "nosniff"

    director = signed_in(DIRECTOR, "/gestion/connexion")
    reference = path.rsplit("/", 1)[1]
    status, headers, body = director.get(f"/gestion/familles/{own}/photos/{reference}")
    assert status == 200 and body == JPEG and headers["cache-control"] == "private, no-store"


def test_photo_too_large_is_refused_on_the_page_and_far_too_large_by_the_server(martin):
    session, own = martin
    form = f"/dossier/{own}/enfant/{first_child(own)}"
    token = session.csrf(form)
    status, _, page = session.post_multipart(form, {"csrf": token, "school": "Ecole du Bourg"}, "photo", "big.jpg",
                                             JPEG + bytes(2 * 1024 * 1024))
    assert status == 422
    assert "dépasse 2 Mo" in page.decode() and 'value="Ecole du Bourg"' in page.decode()
    # Above, a 2 Mo body reached the page on the child form; the server refuses from the announced
    # length, before reading the body, more than that there and more than 1 Mo elsewhere.
    def announced(path, length):
        head = (f"POST {path} HTTP/1.1\r\nHost: {TOWN_HOST}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {length}\r\nConnection: close\r\n\r\n")
        return raw_request(head.encode()).split(b"\r\n", 1)[0]
    assert b" 413 " in announced(form, 4 * 1024 * 1024)
    assert b" 413 " in announced(f"/dossier/{own}/sante/{first_child(own)}", 2 * 1024 * 1024)


def test_another_familys_photo_is_not_found_whatever_id_is_guessed(martin, durand_photo):
    session, own = martin
    durand, reference = durand_photo
    for path in (f"/dossier/{durand}/photos/{reference}", f"/dossier/{own}/photos/{reference}",
                 f"/dossier/{own}/photos/{secrets.token_hex(32)}", f"/dossier/{own}/photos/1",
                 f"/dossier/{own}/photos/..%2F..%2Fetc%2Fpasswd", f"/gestion/familles/{durand}/photos/{reference}"):
        status, _, body = session.get(path)
        assert status in (403, 404), path
        assert PNG not in body
    director = signed_in(DIRECTOR, "/gestion/connexion")
    assert director.get(f"/gestion/familles/{own}/photos/{reference}")[0] == 404
    assert director.get(f"/gestion/familles/{durand}/photos/{reference}")[2] == PNG
    assert Session().get(f"/dossier/{durand}/photos/{reference}")[0] == 303


def health_views(family: int, staff_email: str) -> int:
    return int(psql(f"SELECT count(*) FROM {schema()}.health_access_log l JOIN {schema()}.staff_accounts s ON s.id = l.staff_id "
                    f"WHERE l.family_id = {family} AND s.email = '{staff_email}'"))


def test_staff_view_of_a_health_sheet_writes_a_row_to_the_access_log():
    own = family_id("MARTIN-2026")
    allergies = psql(f"SELECT allergies FROM {schema()}.child_health WHERE child_id = {first_child(own)}")
    director = signed_in(DIRECTOR, "/gestion/connexion")
    before = health_views(own, DIRECTOR[0])
    status, _, page = director.get(f"/gestion/familles/{own}")
    assert status == 200
    assert allergies and allergies in page.decode().replace("&#39;", "'")
    assert health_views(own, DIRECTOR[0]) == before + 1
    purpose, ip = psql(f"SELECT purpose || '|' || ip FROM {schema()}.health_access_log WHERE family_id = {own} "
                       f"ORDER BY id DESC LIMIT 1").split("|")
    assert purpose == "Fiche famille" and ip


def test_agent_sees_no_health_data_on_the_family_page_and_nothing_is_logged():
    own = family_id("MARTIN-2026")
    allergies = psql(f"SELECT allergies FROM {schema()}.child_health WHERE child_id = {first_child(own)}")
    agent = signed_in(AGENT, "/gestion/connexion")
    before = health_views(own, AGENT[0])
    status, _, page = agent.get(f"/gestion/familles/{own}")
    text = page.decode().replace("&#39;", "'")
    assert status == 200
    assert "Données de santé réservées" in text
    assert allergies not in text
    assert "Allergies" not in text and "Médecin traitant" not in text
    assert health_views(own, AGENT[0]) == before == 0
