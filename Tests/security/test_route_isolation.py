"""Adversarial tenant isolation over every route of the router (`portal routes`), on a stack of
its own where town B's ids never collide with town A's (B's sequences start at 100001), so a
B id on A's host can only name B's rows.

The ids come from crawling each town as its own demo family and staff: every link and form
action that matches a route pattern gives real ids. Then the family and the staff member of
A try B's URLs on A's host, B's and A's URLs on B's host with A's cookies, and B's family and
staff try A's URLs on B's host: nothing answers with the other town's data, and B's tables are
byte for byte the same afterwards. A route taking an id that neither crawl reaches must be
explained in UNREACHED, so a new route cannot slip past the sweep."""
import re
import shutil
import subprocess
import urllib.parse
from html.parser import HTMLParser

import pytest

from portal_live import CookieSession
from private_stack import BINARY, Stack, stop_stack

# Two towns with the family tabs of messaging and the dossier; B has every tab.
A, B = "saint-aubin-des-pres", "cayres-pradelles"
CANARY = {A: "CanariSaintAubin", B: "CanariCayres"}
FAMILY = ("/connexion", "famille.martin@exemple.fr", "Demo-famille-2026!")
STAFF = ("/gestion/connexion", "gestion@exemple.fr", "Demo-gestion-2026!")

# Routes taking an id that no page of the demo data links to, and why. The sweep still tries
# each of them with B's first ids (100001) in place of every parameter.
UNREACHED = {
    "GET /actualites/:id": "B has no « actualites » tab: its news are on the home page only",
    "GET /dossier/:famille/photos/:photo": "no demo photo; another family's photo: test_dossier_photos_and_health.py",
    "GET /gestion/familles/:id/photos/:photo": "no demo photo; staff photo access: test_dossier_photos_and_health.py",
    "GET /gestion/dossier/demandes/:id": "no pending change request in the demo data",
    "POST /gestion/dossier/demandes/:id": "no pending change request in the demo data",
    "POST /dossier/:famille/demandes/:id/retirer": "no pending change request; guessed ids: test_dossier_isolation.py",
    "GET /gestion/listes-attente/:slot": "no full slot with a waiting list in the demo data",
    "POST /gestion/listes-attente/:slot/promouvoir": "no full slot with a waiting list in the demo data",
    "GET /messagerie/pieces-jointes/:id": "no demo attachment; other families and towns: test_messaging_isolation.py",
    "GET /gestion/messagerie/pieces-jointes/:id": "no demo attachment; other towns: test_messaging_isolation.py",
    "GET /tirages/:id": "no opening draw is held in the demo data; a draw read in its own town: DrawPageTests",
    "GET /panier/confirmation/:id": "the demo bookings were not made through the basket",
    "POST /reservations/:id/absence": "the demo bookings are outside the weeks the planning opens on",
    "POST /reservations/:id/retirer": "the demo bookings are outside the weeks the planning opens on",
    "POST /gestion/equipe/:id/reactiver": "the demo team has no deactivated member",
    "GET /agenda/:jeton": "a secret token, not an id: a wrong token is a 404 for everyone (BookingPageTests)",
    "GET /gestion/invitation/:lien": "a secret invitation link, not an id (AccountFlow tests)",
    "POST /gestion/invitation/:lien": "a secret invitation link, not an id (AccountFlow tests)",
    "GET /_dev/mail/:name": "development mailbox, absent in production (test_production_mode.py)",
    "GET /facturation/:famille/paiement/:refdet": "the PayFiP return page: refdet is checked against the family's own payments (InvoicingPageTests)",
}

# Tables the server writes whoever asks (sessions, throttles, the security journal): a foreign
# cookie or a refused request may touch them; nothing else in B may change.
VOLATILE = {"sessions", "throttle", "security_events", "staff_audit", "health_access_log"}


class Links(HTMLParser):
    """Every link target and every form (action, method, fields with their default values)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.links, self.forms = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag in ("img", "iframe") and attrs.get("src"):
            self.links.append(attrs["src"])
        elif tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").upper(), "fields": {}})
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            if attrs.get("type") == "file" or attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.select = attrs["name"] if tag == "select" else None
            self.forms[-1]["fields"].setdefault(attrs["name"], None if self.select else attrs.get("value", ""))
        elif tag == "option" and attrs.get("value") and self.forms and getattr(self, "select", None) and self.forms[-1]["fields"][self.select] is None:
            self.forms[-1]["fields"][self.select] = attrs.get("value", "")


def routes():
    output = subprocess.run([BINARY, "routes"], check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in output.splitlines()]


def matcher(pattern: str):
    regex = "".join(r"[^/]+" if part.startswith(":") else re.escape(part) for part in re.split(r"(:[a-z]+)", pattern))
    return re.compile(f"^{regex}$")


def sign_in(stack: Stack, town: str, who) -> CookieSession:
    path, email, password = who
    session = CookieSession(f"{town}.localhost:{stack.port}", port=stack.port)
    status, _, body = request(session, "GET", path)
    token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
    status, _, _ = request(session, "POST", path, {"csrf": token, "courriel": email, "mot_de_passe": password})
    assert status == 303, (town, email)
    return session


def request(session: CookieSession, method: str, path: str, fields: dict | None = None, host: str | None = None):
    """A form request, on the session's own host or, with its cookies, on another one."""
    own = session.host
    session.host = host or own
    try:
        body = urllib.parse.urlencode(fields).encode() if fields is not None else None
        return session.request(method, path, body=body, content_type="application/x-www-form-urlencoded" if body else None)
    finally:
        session.host = own


def csrf_of(session: CookieSession, page: str) -> str:
    _, _, body = request(session, "GET", page)
    match = re.search(rb'name="csrf" value="([^"]+)"', body)
    return match.group(1).decode() if match else ""


def route_of(method: str, path: str, table):
    return next((key for key, regex in table if key.startswith(method + " ") and regex.match(path)), None)


def crawl(session: CookieSession, starts, table, per_route: int = 3):
    """Follows same-site links from `starts`, at most `per_route` pages of one route (a week's
    planning links to the next, and so on); returns {route key: {path: form fields or None}}."""
    found, seen, visits, queue = {}, set(), {}, list(starts)
    while queue:
        path = queue.pop(0)
        key = route_of("GET", urllib.parse.urlsplit(path).path, table)
        if path in seen or visits.get(key, 0) >= per_route:
            continue
        seen.add(path)
        visits[key] = visits.get(key, 0) + 1
        status, headers, body = request(session, "GET", path)
        if status == 303 and headers.get("location", "").startswith("/"):
            queue.append(headers["location"])
        if status != 200 or not headers.get("content-type", "").startswith("text/html"):
            continue
        page = Links(body.decode("utf-8", "replace"))
        targets = [("GET", urllib.parse.urljoin(path, link), None) for link in page.links]
        targets += [(form["method"], urllib.parse.urljoin(path, form["action"] or path), form["fields"]) for form in page.forms]
        for method, target, fields in targets:
            parsed = urllib.parse.urlsplit(target)
            if parsed.netloc or parsed.scheme:
                continue
            if key := route_of(method, parsed.path, table):
                found.setdefault(key, {})[parsed.path] = fields
            if method == "GET" and not parsed.path.startswith(("/_dev", "/agenda")) and "deconnexion" not in parsed.path:
                queue.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return found


def snapshot(stack: Stack, schema: str) -> dict:
    tables = stack.psql(f"SELECT tablename FROM pg_tables WHERE schemaname = '{schema}' ORDER BY 1").split()
    return {table: stack.psql(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {schema}.{table} t").strip()
            for table in tables if table not in VOLATILE}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("isolation")
    stack = Stack(root)
    stack.cluster("start")
    try:
        stack.cluster("createdb", "portal_private")
        subprocess.run([BINARY, "migrate"], env=stack.env, check=True, capture_output=True, timeout=120)
        schema = {town: stack.psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{town}'").strip() for town in (A, B)}
        stack.psql(f"SELECT setval(s.oid, 100000) FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace "
                   f"WHERE s.relkind = 'S' AND n.nspname = '{schema[B]}'")
        subprocess.run([BINARY, "seed-demo"], env=stack.env, check=True, capture_output=True, timeout=120)
        for town in (A, B):
            canary = CANARY[town]
            stack.psql(f"UPDATE {schema[town]}.families SET name = name || ' {canary}'; "
                       f"UPDATE {schema[town]}.children SET first_names = first_names || ' {canary}'; "
                       f"UPDATE {schema[town]}.guardians SET first_names = first_names || ' {canary}'; "
                       f"UPDATE {schema[town]}.message_threads SET subject = subject || ' {canary}'; "
                       f"UPDATE {schema[town]}.messages SET body = body || ' {canary}'")
        stack.start_server()
        yield stack, schema
    finally:
        stop_stack(stack)
        shutil.rmtree(root, ignore_errors=True)


def test_no_route_taking_an_id_lets_one_town_reach_the_others_rows(world):
    stack, schema = world
    table = [(f"{method} {pattern}", matcher(pattern)) for host, method, pattern, _ in routes() if host == "town"]
    with_ids = {key for key, _ in table if ":" in key}
    callers = {(town, who): sign_in(stack, town, creds) for town in (A, B) for who, creds in (("family", FAMILY), ("staff", STAFF))}
    starts = {"family": ["/mon-espace", "/dossier", "/planning", "/inscriptions", "/messagerie", "/messagerie/envoyes",
                         "/documents", "/facturation", "/mon-espace/demandes", "/mon-espace/documents", "/actualites"],
              "staff": ["/gestion", "/gestion/familles", "/gestion/dossier/demandes", "/gestion/documents", "/gestion/equipe",
                        "/gestion/messagerie", "/gestion/listes-attente", "/gestion/facturation", "/gestion/facturation/impayes",
                        "/gestion/actualites", "/gestion/documents-publies", "/gestion/reservations"]}
    for town in (A, B):
        # A thread of each town's family, so that the messaging routes have ids to try.
        family = callers[(town, "family")]
        _, _, page = request(family, "GET", "/messagerie/nouveau")
        form = next(f for f in Links(page.decode()).forms if f["method"] == "POST" and f["action"] in ("", "/messagerie/nouveau"))
        fields = {name: value or "" for name, value in form["fields"].items()}
        status, _, body = request(family, "POST", "/messagerie/nouveau", dict(fields, objet=f"Question {CANARY[town]}", message=f"Bonjour {CANARY[town]}"))
        assert status == 303, (town, status, fields, re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)', body.decode()))
    urls = {town: {} for town in (A, B)}
    for (town, who), session in callers.items():
        for key, paths in crawl(session, starts[who], table).items():
            urls[town].setdefault(key, {}).update(paths)
    # The canaries are on the pages their own town shows, so a leak could not go unseen.
    _, _, own = request(callers[(B, "family")], "GET", next(iter(urls[B]["GET /dossier/:famille"])))
    assert CANARY[B].encode() in own
    missing = sorted(key for key in with_ids - set(urls[B]) - set(UNREACHED))
    assert not missing, f"routes with ids the sweep never reached in {B}, explain them in UNREACHED: {missing}"

    for key in with_ids - set(urls[B]):
        method, pattern = key.split(" ", 1)
        urls[B][key] = {re.sub(r":[a-z]+", "100001", pattern): {}}

    before = snapshot(stack, schema[B])
    problems = []

    def attempt(session, method, path, fields, host, label, foreign_canary):
        sent = None
        if method == "POST":
            sent = dict(fields or {}, csrf=session.csrf_token)
        status, headers, body = request(session, method, path, sent, host=host)
        if foreign_canary.encode() in body:
            problems.append(f"{label}: {method} {path} → {status} shows {foreign_canary}")
        if status >= 500 or status == 200 and method == "POST":
            problems.append(f"{label}: {method} {path} → {status}")
        location = headers.get("location", "")
        if status == 303 and not location.startswith(("/connexion", "/gestion/connexion")):
            # A refusal may redirect (a form's error, asking to confirm): where it leads must not exist either.
            followed, _, body = request(session, "GET", location, host=host)
            if followed not in (403, 404) or foreign_canary.encode() in body:
                problems.append(f"{label}: {method} {path} → 303 {location} → {followed}")

    host = {town: f"{town}.localhost:{stack.port}" for town in (A, B)}
    for (town, who), session in callers.items():
        session.csrf_token = csrf_of(session, "/mon-espace" if who == "family" else "/gestion")
    for who in ("family", "staff"):
        a_session, b_session = callers[(A, who)], callers[(B, who)]
        for key, paths in urls[B].items():
            method = key.split(" ")[0]
            if key not in with_ids:
                continue
            for path, fields in paths.items():
                # B's ids on A's host, with A's cookie.
                attempt(a_session, method, path, fields, host[A], f"{A} {who} on {A}", CANARY[B])
                # A's cookie on B's host: it signs nobody in there.
                attempt(a_session, method, path, fields, host[B], f"{A} {who} on {B}", CANARY[B])
        for key, paths in urls[A].items():
            method = key.split(" ")[0]
            if key not in with_ids:
                continue
            for path, fields in paths.items():
                # A's ids on B's host, with B's own cookie.
                attempt(b_session, method, path, fields, host[B], f"{B} {who} on {B}", CANARY[A])
                # A's ids on B's host, with A's cookie.
                attempt(a_session, method, path, fields, host[B], f"{A} {who} on {B}", CANARY[A])
    assert not problems, "\n".join(problems[:40])
    after = snapshot(stack, schema[B])
    assert before == after, f"tables of {B} changed: {sorted(t for t in before if before[t] != after.get(t))}"
    reached = sum(len(urls[B].get(key, {})) for key in with_ids)
    assert reached >= len(with_ids - set(UNREACHED))
