"""Every text field a family or staff member types, written through its form the way a user
would, and every page that shows it — to its author and to the other party. Test files iterate
FIELDS; a feature that adds a form appends its fields here.

A field's `write` stores a value and returns a handle, `pages` fetches each page that shows it
as (who sees it, body), `remove` puts the town back as it was. What a field needs around it (a
pending registration to refuse, a thread to answer) is made through the database when typing it
is not what the field is about, and removed with it."""
import datetime
import functools
import html
import json
import os
import re
import subprocess
import urllib.parse
import uuid
from dataclasses import dataclass
from typing import Callable
from xml.etree import ElementTree

from portal_live import PORT, CookieSession

DB = os.environ.get("PORTAL_DATABASE_URL", "")
ACCOUNTS = {"family": ("famille.martin@exemple.fr", "Demo-famille-2026!"), "staff": ("gestion@exemple.fr", "Demo-gestion-2026!"),
            "director": ("direction@exemple.fr", "Demo-direction-2026!")}
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def psql(sql: str, **variables: str) -> str:
    """Runs SQL with psql variables (`:'name'` in the text quotes a value safely)."""
    command = ["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", DB]
    for name, value in variables.items():
        command += ["-v", f"{name}={value}"]
    return subprocess.run(command, input=sql, check=True, capture_output=True, text=True).stdout


@functools.cache
def schema_of(tenant: str) -> str:
    return psql("SELECT schema_name FROM platform.tenants WHERE id = :'t'", t=tenant).strip()


def in_town(town: str, sql: str, **variables: str) -> str:
    return psql(f"SET search_path TO {schema_of(town)}, public;\n{sql}", **variables).strip()


class Client(CookieSession):
    """A browser on one town: keeps cookies, sends each form with the token of its page."""

    def __init__(self, town: str):
        super().__init__(f"{town}.localhost:{PORT}", timeout=60)
        self.town = town

    def page(self, path: str) -> bytes:
        status, _, body = self.request("GET", path)
        assert status == 200, f"GET {path} → {status}"
        return body

    def submit(self, page: str, action: str, fields: dict, files: tuple = ()) -> tuple[int, dict, bytes]:
        token = re.search(rb'name="csrf" value="([0-9a-f]{64})"', self.page(page)).group(1).decode()
        fields = {"csrf": token, **fields}
        if not files:
            return self.request("POST", action, urllib.parse.urlencode(fields, doseq=True), "application/x-www-form-urlencoded")
        boundary = "----portail" + uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                 for name, value in fields.items()]
        parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                  f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n" for name, filename, content_type, data in files]
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", action, b"".join(parts), f"multipart/form-data; boundary={boundary}")

    def done(self, page: str, action: str, fields: dict, files: tuple = ()) -> str:
        """Submits and expects the redirect of a success; returns its location."""
        status, headers, body = self.submit(page, action, fields, files)
        assert status == 303, f"POST {action} → {status}: {body[:3000]!r}"
        return headers["location"]


@functools.cache
def signed_in(town: str, who: str) -> Client:
    """One session per town and side for the whole run: signing in again for every field would
    trip the per-client throttle that other suites share."""
    client = Client(town)
    email, password = ACCOUNTS[who]
    page = "/connexion" if who == "family" else "/gestion/connexion"
    client.done(page, page, {"courriel": email, "mot_de_passe": password})
    return client


def family(town: str) -> Client:
    return signed_in(town, "family")


def staff(town: str) -> Client:
    """The town's administrator."""
    return signed_in(town, "staff")


def director(town: str) -> Client:
    """Reads health sheets like an administrator, but its family page does not list every
    staff view of them (a list that grows with each page this suite reads)."""
    return signed_in(town, "director")


@dataclass(frozen=True)
class TextField:
    name: str
    max_length: int
    write: Callable[[str], object]                      # stores the value, returns a handle
    pages: Callable[[object], list[tuple[str, bytes]]]  # (who sees it, the page), for each page that shows it
    remove: Callable[[object], None]


def ordinary() -> str:
    """A value of its own for the fields around the one under test, so rows can be found again."""
    return f"Valeur ordinaire {uuid.uuid4().hex[:8]}"


# Messagerie: a family writes to a service, staff answer; both read the thread.
MESSAGING = "saint-aubin-des-pres"


def _send_message(subject: str, body: str) -> int:
    location = family(MESSAGING).done("/messagerie/nouveau", "/messagerie/nouveau",
                                      {"service": "dossier-famille", "theme": "Informations", "objet": subject, "message": body})
    return int(re.search(r"/messagerie/fils/(\d+)", location).group(1))


def _thread_pages(thread: object) -> list[tuple[str, bytes]]:
    return [("family", family(MESSAGING).page(f"/messagerie/fils/{thread}")),
            ("staff", staff(MESSAGING).page(f"/gestion/messagerie/fils/{thread}"))]


def _subject_pages(thread: object) -> list[tuple[str, bytes]]:
    return _thread_pages(thread) + [("family", family(MESSAGING).page("/messagerie/envoyes")),
                                    ("staff", staff(MESSAGING).page("/gestion/messagerie/service/dossier-famille"))]


def _remove_thread(thread: object) -> None:
    in_town(MESSAGING, "DELETE FROM message_threads WHERE id = :'id'", id=str(thread))


def _staff_answer(value: str) -> int:
    thread = _send_message(ordinary(), ordinary())
    staff(MESSAGING).done(f"/gestion/messagerie/fils/{thread}", f"/gestion/messagerie/fils/{thread}", {"message": value})
    return thread


def _family_reply(value: str) -> int:
    thread = _send_message(ordinary(), ordinary())
    family(MESSAGING).done(f"/messagerie/fils/{thread}", f"/messagerie/fils/{thread}", {"message": value})
    return thread


# Actualités: staff publish, families (and anyone) read them on the home page, the list, the
# item's page and the Atom feed.
NEWS = "saint-aubin-des-pres"


def _publish(title: str, body: str) -> int:
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    staff(NEWS).done("/gestion/actualites", "/gestion/actualites/nouvelle",
                     {"titre": title, "texte": body, "publication": yesterday, "expiration": "", "epingle": "oui"})
    return int(in_town(NEWS, "SELECT max(id) FROM news_items"))


def _as_a_feed_reader_shows(feed: bytes) -> bytes:
    """Each entry's title as text and its content as the HTML the feed says it is."""
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ElementTree.fromstring(feed).iter(f"{atom}entry")
    return "".join(f"<article><h2>{html.escape(entry.findtext(f'{atom}title'))}</h2>{entry.findtext(f'{atom}content')}</article>"
                   for entry in entries).encode()


def _news_pages(item: object) -> list[tuple[str, bytes]]:
    return [("family", family(NEWS).page("/")), ("family", family(NEWS).page("/actualites")),
            ("family", family(NEWS).page(f"/actualites/{item}")),
            ("feed reader", _as_a_feed_reader_shows(family(NEWS).page("/actualites/flux.atom"))),
            ("staff", staff(NEWS).page(f"/gestion/actualites/{item}"))]


def _news_title_pages(item: object) -> list[tuple[str, bytes]]:
    return _news_pages(item) + [("staff", staff(NEWS).page("/gestion/actualites"))]


def _remove_news(item: object) -> None:
    in_town(NEWS, "DELETE FROM news_items WHERE id = :'id'", id=str(item))


# Documents: a family sends a justificatif, staff accept or refuse it with a reason the family
# reads in « Mes demandes »; staff publish the town's documents for every family.
DOCUMENTS = "cayres-pradelles"


def _send_justificatif(title: str) -> tuple[int, int]:
    family(DOCUMENTS).done("/mon-espace/documents", "/mon-espace/documents", {"titre": title},
                           files=(("fichier", "attestation.pdf", "application/pdf", PDF),))
    return int(in_town(DOCUMENTS, "SELECT max(id) FROM account_documents")), int(in_town(DOCUMENTS, "SELECT max(id) FROM requests"))


def _justificatif_pages(handle) -> list[tuple[str, bytes]]:
    _, request = handle
    return [("family", family(DOCUMENTS).page("/mon-espace/documents")), ("family", family(DOCUMENTS).page("/mon-espace/demandes")),
            ("family", family(DOCUMENTS).page(f"/mon-espace/demandes/{request}")), ("staff", staff(DOCUMENTS).page("/gestion/documents"))]


def _refuse_justificatif(reason: str) -> tuple[int, int]:
    document, request = _send_justificatif(ordinary())
    status, _, body = staff(DOCUMENTS).submit("/gestion/documents", "/gestion/documents/decision",
                                              {"id": str(document), "decision": "refuser", "motif": reason})
    assert status == 200, body[:3000]
    return document, request


def _refusal_pages(handle) -> list[tuple[str, bytes]]:
    _, request = handle
    return [("family", family(DOCUMENTS).page(f"/mon-espace/demandes/{request}")), ("staff", staff(DOCUMENTS).page("/gestion/documents"))]


def _remove_justificatif(handle) -> None:
    document, request = handle
    in_town(DOCUMENTS, "DELETE FROM account_documents WHERE id = :'d'; DELETE FROM requests WHERE id = :'r';"
                       "DELETE FROM queue_decisions WHERE queue = 'documents' AND item_id = :'d'", d=str(document), r=str(request))


def _publish_town_document(title: str) -> int:
    staff(DOCUMENTS).done("/gestion/documents-publies", "/gestion/documents-publies",
                          {"categorie": "menus", "titre": title, "debut": (datetime.date.today() - datetime.timedelta(days=1)).isoformat(), "fin": ""},
                          files=(("fichier", "menus.pdf", "application/pdf", PDF),))
    return int(in_town(DOCUMENTS, "SELECT max(id) FROM town_documents"))


def _town_document_pages(_document) -> list[tuple[str, bytes]]:
    return [("family", family(DOCUMENTS).page("/documents")), ("staff", staff(DOCUMENTS).page("/gestion/documents-publies"))]


def _remove_town_document(document) -> None:
    in_town(DOCUMENTS, "DELETE FROM town_documents WHERE id = :'id'", id=str(document))


# Dossier: a family asks for a change of any text field of its file, staff accept it; both read
# the value, pending and then stored, and in the family's RGPD export. A refusal's reason is
# read by the family.
DOSSIER = "cayres-pradelles"
# (segment in the URL, table, key of field and column, maximum length)
DOSSIER_TEXT = [("responsable", "guardians", key, length) for key, length in [
    ("last_name", 100), ("first_names", 150), ("address_line1", 150), ("address_line2", 150), ("city", 100),
    ("profession", 100), ("employer", 150), ("account_holder", 150)]] + [
    ("enfant", "children", "last_name", 100), ("enfant", "children", "first_names", 150), ("enfant", "children", "school", 150)] + [
    ("sante", "child_health", key, length) for key, length in [("allergies", 1000), ("pai_details", 1000), ("doctor_name", 150), ("notes", 2000)]] + [
    ("contact", "authorized_contacts", key, length) for key, length in [("last_name", 100), ("first_names", 150), ("relation", 100)]]


@functools.cache
def _martin() -> int:
    return int(in_town(DOSSIER, "SELECT id FROM families WHERE subscriber_code = 'MARTIN-2026'"))


def _record(table: str) -> int:
    owner = "children" if table == "child_health" else table
    return int(in_town(DOSSIER, f"SELECT min(id) FROM {owner} WHERE family_id = :'f'", f=str(_martin())))


def _stored(table: str, key: str, record: int) -> str:
    column = "child_id" if table == "child_health" else "id"
    return in_town(DOSSIER, f"SELECT {key} FROM {table} WHERE {column} = :'id'", id=str(record))


def _ask_change(segment: str, table: str, key: str, value: str) -> dict:
    record = _record(table)
    path = f"/dossier/{_martin()}/{segment}/{record}"
    handle = {"table": table, "key": key, "record": record, "old": _stored(table, key, record), "path": path}
    family(DOSSIER).done(path, path, {key: value})
    handle["change"] = int(in_town(DOSSIER, "SELECT max(id) FROM dossier_change_requests"))
    handle["request"] = int(in_town(DOSSIER, "SELECT request_id FROM dossier_change_requests WHERE id = :'id'", id=str(handle["change"])))
    return handle


def _dossier_field(segment: str, table: str, key: str) -> Callable[[str], object]:
    def write(value: str) -> object:
        handle = _ask_change(segment, table, key, value)
        handle["pending"] = [("family", family(DOSSIER).page(f"/dossier/{_martin()}")), ("family", family(DOSSIER).page(handle["path"]))]
        decision = f"/gestion/dossier/demandes/{handle['change']}"
        director(DOSSIER).done(decision, decision, {"tout": "accepter"})
        return handle
    return write


def _as_text(export: bytes) -> bytes:
    """The strings of a JSON document, one paragraph each: what a reader of the export sees."""
    def strings(node):
        if isinstance(node, dict):
            for item in node.values():
                yield from strings(item)
        elif isinstance(node, list):
            for item in node:
                yield from strings(item)
        elif isinstance(node, str):
            yield node
    return "".join(f"<p>{html.escape(text)}</p>" for text in strings(json.loads(export))).encode()


def _dossier_pages(handle) -> list[tuple[str, bytes]]:
    fam = _martin()
    return handle["pending"] + [
        ("family", family(DOSSIER).page(f"/dossier/{fam}")), ("family", family(DOSSIER).page(handle["path"])),
        ("family", family(DOSSIER).page(f"/dossier/{fam}/mes-donnees")), ("family", _as_text(family(DOSSIER).page(f"/dossier/{fam}/mes-donnees.json"))),
        ("staff", director(DOSSIER).page(f"/gestion/dossier/demandes/{handle['change']}")), ("staff", director(DOSSIER).page(f"/gestion/familles/{fam}"))]


def _remove_change(handle) -> None:
    column = "child_id" if handle["table"] == "child_health" else "id"
    in_town(DOSSIER, f"UPDATE {handle['table']} SET {handle['key']} = :'old' WHERE {column} = :'id';"
                     "DELETE FROM requests WHERE id = :'request'; DELETE FROM queue_decisions WHERE queue = 'dossier' AND item_id = :'change'",
            old=handle["old"], id=str(handle["record"]), request=str(handle["request"]), change=str(handle["change"]))


def _refuse_change(reason: str) -> dict:
    handle = _ask_change("responsable", "guardians", "employer", ordinary())
    decision = f"/gestion/dossier/demandes/{handle['change']}"
    director(DOSSIER).done(decision, decision, {"tout": "refuser", "motif": reason})
    return handle


def _change_refusal_pages(handle) -> list[tuple[str, bytes]]:
    return [("family", family(DOSSIER).page(f"/dossier/{_martin()}")), ("family", family(DOSSIER).page(f"/mon-espace/demandes/{handle['request']}")),
            ("staff", director(DOSSIER).page(f"/gestion/dossier/demandes/{handle['change']}"))]


# Names: a family member's own (every page greets them; staff read it on the justificatif it
# sends), a staff member's as an administrator types it in the team.
def _rename(last: str, first: str) -> tuple[int, int]:
    family(DOCUMENTS).done("/mon-espace/compte", "/mon-espace/compte/identite", {"nom": last, "prenoms": first})
    return _send_justificatif(ordinary())


def _name_pages(_handle) -> list[tuple[str, bytes]]:
    return [("family", family(DOCUMENTS).page("/mon-espace")), ("family", family(DOCUMENTS).page("/mon-espace/compte")),
            ("staff", staff(DOCUMENTS).page("/gestion/documents"))]


def _remove_rename(handle) -> None:
    in_town(DOCUMENTS, "UPDATE accounts SET last_name = 'Martin', first_names = 'Camille' WHERE email = :'e'", e=ACCOUNTS["family"][0])
    _remove_justificatif(handle)


def _invite(name: str) -> int:
    email = f"agent.{uuid.uuid4().hex[:12]}@exemple.fr"
    staff(DOCUMENTS).done("/gestion/equipe", "/gestion/equipe", {"nom": name, "courriel": email, "role": "agent"})
    return int(in_town(DOCUMENTS, "SELECT id FROM staff_accounts WHERE email = :'e'", e=email))


def _remove_staff(member) -> None:
    in_town(DOCUMENTS, "DELETE FROM account_tokens WHERE principal_kind = 'staff' AND principal_id = :'id';"
                       "DELETE FROM staff_accounts WHERE id = :'id'", id=str(member))


# Pré-inscriptions: staff refuse one with a reason the family reads. The request itself (a
# child, an activity, next year) is put in the database: choosing them is not what is tested.
def _refuse_registration(reason: str) -> tuple[int, int]:
    next_year = datetime.date.today().year + 1
    registration, request = in_town(DOSSIER, """
        WITH request AS (
            INSERT INTO requests (account_id, family_id, kind, kind_label, status, summary, created_at, updated_at)
            SELECT a.id, :'f', 'registration', 'Pré-inscription', 'pending', 'Pré-inscription aux vacances', now(), now()
            FROM accounts a WHERE a.email = :'e' RETURNING id)
        INSERT INTO registrations (family_id, child_id, activity, first_day, last_day, status, created_at, request_id)
        SELECT :'f', (SELECT min(id) FROM children WHERE family_id = :'f'), 'alsh-vacances', :'first', :'last', 'pending', now(), request.id
        FROM request RETURNING id, request_id""", f=str(_martin()), e=ACCOUNTS["family"][0],
                                    first=f"{next_year}-01-01", last=f"{next_year}-12-31").split("|")
    status, _, body = staff(DOSSIER).submit("/gestion/inscriptions", "/gestion/inscriptions/decision",
                                            {"id": registration, "decision": "refuser", "motif": reason})
    assert status == 200, body[:3000]
    return int(registration), int(request)


def _registration_refusal_pages(handle) -> list[tuple[str, bytes]]:
    _, request = handle
    return [("family", family(DOSSIER).page("/inscriptions")), ("family", family(DOSSIER).page(f"/mon-espace/demandes/{request}")),
            ("staff", staff(DOSSIER).page("/gestion/inscriptions"))]


def _remove_registration(handle) -> None:
    registration, request = handle
    in_town(DOSSIER, "DELETE FROM registrations WHERE id = :'g'; DELETE FROM requests WHERE id = :'r';"
                     "DELETE FROM queue_decisions WHERE queue = 'registrations' AND item_id = :'g'", g=str(registration), r=str(request))


# Avoirs: staff credit a cent of the demo invoice with a reason the family reads on the credit
# note. A credit note is a legal document, immutable in the database: each one stays.
def _credit(reason: str) -> int:
    invoice = in_town(DOSSIER, "SELECT min(id) FROM invoices WHERE family_id = :'f' AND kind = 'invoice'", f=str(_martin()))
    page = f"/gestion/facturation/factures/{invoice}"
    staff(DOSSIER).done(page, f"{page}/avoir", {"ligne": "1", "montant_avoir": "0,01", "motif": reason})
    return int(in_town(DOSSIER, "SELECT max(id) FROM invoices WHERE kind = 'creditNote'"))


def _credit_pages(note) -> list[tuple[str, bytes]]:
    return [("family", family(DOSSIER).page(f"/facturation/{_martin()}/factures/{note}")),
            ("staff", staff(DOSSIER).page(f"/gestion/facturation/factures/{note}"))]


FIELDS = [
    TextField("message subject", 200, lambda value: _send_message(value, ordinary()), _subject_pages, _remove_thread),
    TextField("message body", 10_000, lambda value: _send_message(ordinary(), value), _thread_pages, _remove_thread),
    TextField("family reply in a thread", 10_000, _family_reply, _thread_pages, _remove_thread),
    TextField("staff answer", 10_000, _staff_answer, _thread_pages, _remove_thread),
    TextField("news title", 200, lambda value: _publish(value, ordinary()), _news_title_pages, _remove_news),
    TextField("news text", 20_000, lambda value: _publish(ordinary(), value), _news_pages, _remove_news),
    TextField("justificatif title", 200, _send_justificatif, _justificatif_pages, _remove_justificatif),
    TextField("justificatif refusal reason", 1000, _refuse_justificatif, _refusal_pages, _remove_justificatif),
    TextField("town document title", 200, _publish_town_document, _town_document_pages, _remove_town_document),
    TextField("dossier change refusal reason", 1000, _refuse_change, _change_refusal_pages, _remove_change),
    TextField("family last name", 100, lambda value: _rename(value, "Camille"), _name_pages, _remove_rename),
    TextField("family first names", 150, lambda value: _rename("Martin", value), _name_pages, _remove_rename),
    TextField("staff member name", 150, _invite, lambda _member: [("staff", staff(DOCUMENTS).page("/gestion/equipe"))], _remove_staff),
    TextField("pré-inscription refusal reason", 1000, _refuse_registration, _registration_refusal_pages, _remove_registration),
    TextField("credit note reason", 500, _credit, _credit_pages, lambda _note: None),
] + [
    TextField(f"dossier {segment} {key}", length, _dossier_field(segment, table, key), _dossier_pages, _remove_change)
    for segment, table, key, length in DOSSIER_TEXT
]
