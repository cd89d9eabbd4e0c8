"""Hostile uploads against the live server, at each place a file is sent: the child's photo,
« Mes documents », a message's attachment and the documents staff publish. Wrong types whatever
name and type the browser claims, polyglots, zip bombs, images declaring 50 000 × 50 000
pixels and files over the limit are refused with a French message, the rest of the form shown
again as typed, and nothing stored. What is accepted is served with the type read from its
bytes, nosniff, and as an attachment (a photo: inline, as an image)."""
import gzip
import html
import io
import os
import re
import subprocess
import struct
import urllib.parse
import uuid
import zipfile
import zlib
from datetime import date

import pytest

from portal_live import PORT, CookieSession, raw_request

TOWN = "cayres-pradelles"
DB = os.environ.get("PORTAL_DATABASE_URL", "")
FAMILY = ("famille.martin@exemple.fr", "Demo-famille-2026!")
DIRECTOR = ("direction@exemple.fr", "Demo-direction-2026!")
AGENT = ("accueil@exemple.fr", "Demo-accueil-2026!")
MARK = "Essai-envoi"


def psql(sql: str) -> str:
    return subprocess.run(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", DB, "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


SCHEMA = psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{TOWN}'") if DB else ""


# Files. Each is sent under a name and a type chosen to pass for an accepted one.

def png(width: int, height: int, pixels: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def jpeg(width: int, height: int, comment: bytes = b"") -> bytes:
    segments = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    if comment:
        segments += b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    segments += b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + segments + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + bytes(200) + b"\xff\xd9"


def deflated_zeros(megabytes: int) -> bytes:
    packer, block = zlib.compressobj(9), bytes(1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


def archive(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)
    return buffer.getvalue()


SMALL_PNG = png(8, 8, zlib.compress(bytes(8 * 25)))
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ZIP_BOMB = archive({"zeros.bin": bytes(200 * 1024 * 1024)})          # ~200 KB, 200 Mo once inflated
DOCX = archive({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
GZIP_BOMB = gzip.compress(bytes(100 * 1024 * 1024), 9)
PNG_BOMB = png(50_000, 50_000, deflated_zeros(100))                  # 7,5 Go of pixels declared
JPEG_BOMB = jpeg(50_000, 50_000)

# (case, bytes, what the refusal says: "type", "hidden" or "pixels"; a photo refuses every PDF as "type")
REFUSED = [
    ("programme Windows", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(500), "type"),
    ("programme Linux", b"\x7fELF\x02\x01\x01" + bytes(500), "type"),
    ("page web", b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>", "type"),
    ("image SVG scriptée", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "type"),
    ("GIF", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "type"),
    ("polyglotte GIF et JavaScript", b"GIF89a/*\x0a\x00\x0a\x00\x00\x00\x00*/=1;alert(document.domain);//<script>", "type"),
    ("bombe ZIP", ZIP_BOMB, "type"),
    ("document Word", DOCX, "type"),
    ("bombe gzip", GZIP_BOMB, "type"),
    ("polyglotte JPEG et HTML", jpeg(16, 16, b"<html><body><script>alert(document.domain)</script></body></html>"), "hidden"),
    ("PNG suivi d'une archive ZIP", SMALL_PNG + archive({"Exploit.class": b"\xca\xfe\xba\xbe"}), "hidden"),
    ("polyglotte PDF et JavaScript", PDF.replace(b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"), "hidden"),
    ("polyglotte PDF et HTML", PDF.replace(b"%%EOF", b"%<html><script>alert(document.domain)</script>\n%%EOF"), "hidden"),
    ("bombe de pixels PNG (IDAT de 100 Mo)", PNG_BOMB, "pixels"),
    ("bombe de pixels JPEG", JPEG_BOMB, "pixels"),
]

PIXELS = "cette image mesure 50 000 × 50 000 pixels"


class Form:
    """One place that takes a file: its page, its other fields, what its refusals say, and how
    to count what it stored."""

    def __init__(self, name, session, path, fields, file_field, limit, messages, stored):
        self.name, self.session, self.path, self.fields, self.file_field = name, session, path, fields, file_field
        self.limit, self.messages, self.stored = limit, messages, stored

    def send(self, file_name: str, content_type: str, data: bytes, marker: str) -> tuple[int, str]:
        boundary = "----portail" + uuid.uuid4().hex
        fields = {"csrf": self.session.csrf(self.path), **self.fields(marker)}
        body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items())
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{self.file_field}"; filename="{file_name}"\r\n'
                 f"Content-Type: {content_type}\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        status, _, page = self.session.request("POST", self.path, body, f"multipart/form-data; boundary={boundary}")
        return status, html.unescape(page.decode("utf-8", "replace"))


class Session(CookieSession):
    def __init__(self, credentials, sign_in_path):
        super().__init__(f"{TOWN}.localhost:{PORT}", timeout=60)
        token = self.csrf(sign_in_path)
        status, _, _ = self.request("POST", sign_in_path, urllib.parse.urlencode({"csrf": token, "courriel": credentials[0],
                                                                                  "mot_de_passe": credentials[1]}),
                                    "application/x-www-form-urlencoded")
        assert status == 303

    def csrf(self, path):
        _, _, page = self.request("GET", path)
        match = re.search(rb'name="csrf" value="([^"]+)"', page)
        return match.group(1).decode() if match else ""


def count(sql: str) -> int:
    return int(psql(sql))


@pytest.fixture(scope="module")
def forms():
    family = Session(FAMILY, "/connexion")
    director = Session(DIRECTOR, "/gestion/connexion")
    own = int(psql(f"SELECT id FROM {SCHEMA}.families WHERE subscriber_code = 'MARTIN-2026'"))
    child = int(psql(f"SELECT min(id) FROM {SCHEMA}.children WHERE family_id = {own} AND removed_at IS NULL"))
    document_kinds = {"type": "ce fichier n'est ni un pdf, ni une image jpeg ou png", "hidden": "ce fichier contient autre chose qu'un document",
                      "pixels": PIXELS, "size": "le fichier dépasse 6 mo"}
    made = [
        Form("photo de l'enfant", family, f"/dossier/{own}/enfant/{child}", lambda m: {"school": m}, "photo", 2 * 1024 * 1024,
             {"type": "ce fichier n'est pas une photo jpeg ou png", "hidden": "cette photo contient autre chose qu'une image",
              "pixels": PIXELS, "size": "la photo dépasse 2 mo"},
             lambda m: count(f"SELECT count(*) FROM {SCHEMA}.child_photos WHERE family_id = {own}")),
        Form("justificatif", family, "/mon-espace/documents", lambda m: {"titre": m}, "fichier", 6 * 1024 * 1024, document_kinds,
             lambda m: count(f"SELECT count(*) FROM {SCHEMA}.account_documents WHERE title = '{m}'")),
        Form("pièce jointe", family, "/messagerie/nouveau",
             lambda m: {"service": "dossier", "theme": "Informations", "objet": m, "message": "Voici le document demandé."}, "piece_1",
             5 * 1024 * 1024, {**document_kinds, "size": "le fichier dépasse 5 mo"},
             lambda m: count(f"SELECT count(*) FROM {SCHEMA}.message_threads WHERE subject = '{m}'")),
        Form("document publié", director, "/gestion/documents-publies",
             lambda m: {"categorie": "menus", "titre": m, "debut": date.today().isoformat(), "fin": ""}, "fichier", 6 * 1024 * 1024,
             document_kinds, lambda m: count(f"SELECT count(*) FROM {SCHEMA}.town_documents WHERE title = '{m}'")),
    ]
    yield {form.name: form for form in made}
    psql(f"DELETE FROM {SCHEMA}.account_documents WHERE title LIKE '{MARK}%'; DELETE FROM {SCHEMA}.requests WHERE summary LIKE '%{MARK}%';"
         f"DELETE FROM {SCHEMA}.message_threads WHERE subject LIKE '{MARK}%'; DELETE FROM {SCHEMA}.town_documents WHERE title LIKE '{MARK}%'")
    withdraw_pending(family, own)


def withdraw_pending(session, own):
    """Leaves no dossier change pending (an accepted photo makes one), for the other suites."""
    while True:
        _, _, page = session.request("GET", f"/dossier/{own}")
        found = re.search(rf'action="(/dossier/{own}/demandes/\d+/retirer)"'.encode(), page)
        if not found:
            return
        session.request("POST", found.group(1).decode(), f"csrf={session.csrf(f'/dossier/{own}')}", "application/x-www-form-urlencoded")


FORMS = ["photo de l'enfant", "justificatif", "pièce jointe", "document publié"]


def refused_cleanly(form: Form, case: str, data: bytes, kind: str, file_name: str, content_type: str):
    marker = f"{MARK} {uuid.uuid4().hex[:8]}"
    before = form.stored(marker)
    status, page = form.send(file_name, content_type, data, marker)
    assert status == 422, (form.name, case, status)
    assert form.messages[kind] in page.lower(), (form.name, case)
    # The rest of the form is shown again as typed.
    assert f'value="{marker}"' in page, (form.name, case)
    assert form.stored(marker) == before, (form.name, case)


@pytest.mark.parametrize("form_name", FORMS)
@pytest.mark.parametrize("case,data,kind", REFUSED, ids=[case for case, _, _ in REFUSED])
def test_hostile_file_is_refused_in_french_the_form_is_kept_and_nothing_is_stored(forms, form_name, case, data, kind):
    form = forms[form_name]
    if form_name == "photo de l'enfant" and data.startswith(b"%PDF-"):
        kind = "type"
    # Named and typed as what the form expects: the bytes decide.
    name, content_type = ("envoi.jpg", "image/jpeg") if form_name == "photo de l'enfant" else ("envoi.pdf", "application/pdf")
    refused_cleanly(form, case, data, kind, name, content_type)


@pytest.mark.parametrize("form_name", FORMS)
def test_file_just_over_the_limit_is_refused_in_french_and_the_form_is_kept(forms, form_name):
    form = forms[form_name]
    head = SMALL_PNG if form_name == "photo de l'enfant" else PDF
    refused_cleanly(form, "trop gros", head + b" " * (form.limit + 1 - len(head)), "size", "gros.pdf", "application/pdf")


@pytest.mark.parametrize("path", ["/mon-espace/documents", "/gestion/documents-publies", "/messagerie/nouveau"])
def test_file_far_over_the_limit_is_refused_before_it_is_read_with_a_french_answer(path):
    head = (f"POST {path} HTTP/1.1\r\nHost: {TOWN}.localhost:{PORT}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {40 * 1024 * 1024}\r\nConnection: close\r\n\r\n")
    answer = raw_request(head.encode())
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert "Requête trop volumineuse".encode() in answer


def served(session, path):
    status, headers, body = session.request("GET", path)
    assert status == 200, path
    return headers, body


def test_png_sent_as_a_pdf_is_kept_as_a_png_and_downloaded_as_an_attachment(forms):
    form = forms["justificatif"]
    marker = f"{MARK} {uuid.uuid4().hex[:8]}"
    status, _ = form.send("attestation.pdf", "application/pdf", SMALL_PNG, marker)
    assert status == 303
    identifier = psql(f"SELECT id FROM {SCHEMA}.account_documents WHERE title = '{marker}'")
    family_copy = served(form.session, f"/mon-espace/documents/{identifier}")
    staff_copy = served(Session(AGENT, "/gestion/connexion"), f"/gestion/documents/{identifier}")
    for headers, body in (family_copy, staff_copy):
        assert body == SMALL_PNG
        assert headers["content-type"] == "image/png"
        assert headers["content-disposition"] == 'attachment; filename="attestation.png"'
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "private, no-store"


def test_attachment_and_published_document_are_downloads_of_the_type_their_bytes_show(forms):
    message = forms["pièce jointe"]
    marker = f"{MARK} {uuid.uuid4().hex[:8]}"
    status, _ = message.send("<script>x</script>.html", "text/html", PDF, marker)
    assert status == 303
    attachment = psql(f"SELECT a.id FROM {SCHEMA}.message_attachments a JOIN {SCHEMA}.messages m ON m.id = a.message_id "
                      f"JOIN {SCHEMA}.message_threads t ON t.id = m.thread_id WHERE t.subject = '{marker}'")
    headers, body = served(message.session, f"/messagerie/pieces-jointes/{attachment}")
    assert body == PDF and headers["content-type"] == "application/pdf"
    # The name keeps its last path segment, letters and digits only, and the extension of the bytes.
    assert headers["content-disposition"] == 'attachment; filename="script_.pdf"'
    assert headers["x-content-type-options"] == "nosniff"

    published = forms["document publié"]
    status, _ = published.send("menu.html", "text/html", SMALL_PNG, marker)
    assert status == 303
    identifier = psql(f"SELECT id FROM {SCHEMA}.town_documents WHERE title = '{marker}'")
    for session, path in ((published.session, f"/gestion/documents-publies/{identifier}"), (message.session, f"/documents/{identifier}")):
        headers, body = served(session, path)
        assert body == SMALL_PNG and headers["content-type"] == "image/png"
        assert headers["content-disposition"] == 'attachment; filename="menu.png"'
        assert headers["x-content-type-options"] == "nosniff"


def test_png_sent_as_a_jpeg_photo_is_shown_as_a_png_image_never_as_a_page(forms):
    form = forms["photo de l'enfant"]
    status, _ = form.send("photo.jpg", "image/jpeg", SMALL_PNG, "Ecole du Bourg")
    assert status == 303
    _, _, page = form.session.request("GET", form.path)
    path = re.search(rb'id="champ-photo-attente">.*?src="(/dossier/\d+/photos/[0-9a-f]{64})"', page, re.S).group(1).decode()
    headers, body = served(form.session, path)
    assert body == SMALL_PNG and headers["content-type"] == "image/png"
    assert headers["content-disposition"] == "inline" and headers["x-content-type-options"] == "nosniff"
