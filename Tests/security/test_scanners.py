"""Debian's scanners against a server of their own (private_stack: the scans sign up, reset
and fail sign-ins by the hundred, which would throttle 127.0.0.1 for the suites that share the
live server): sqlmap on every query parameter and form, wapiti on the whole site — as a visitor,
and signed in as the demo family and as the town's administrator, with the session's cookie and
CSRF token and without the sign-out URLs (a scan that signed itself out would go on as a visitor,
which the end of each signed-in scan checks did not happen). A finding fails the test unless
`ASVS.md` explains it in its "Scanner findings explained" table. `make test` runs a bounded pass;
`make test-security` sets PORTAL_SECURITY_SCAN=full (every module, higher levels, every town)."""
import csv
import json
import os
import re
import shutil
import subprocess
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from portal_live import TENANTS, CookieSession
from private_stack import start_stack, stop_stack

FULL = os.environ.get("PORTAL_SECURITY_SCAN") == "full"
SCANNED = TENANTS if FULL else TENANTS[:1]
ASVS = Path(__file__).with_name("ASVS.md")

# Who scans: (sign-in page, e-mail, password, first page); a visitor has no session.
ROLES = {
    "visitor": None,
    "family": ("/connexion", "famille.martin@exemple.fr", "Demo-famille-2026!", "/mon-espace"),
    "staff": ("/gestion/connexion", "gestion@exemple.fr", "Demo-gestion-2026!", "/gestion"),
}
SIGN_OUT = ("/deconnexion", "/gestion/deconnexion")
# The scans' own sign-in attempts throttle 127.0.0.1: the suite signs in from another address,
# which the private server reads from X-Forwarded-For (PORTAL_TRUST_PROXY=1).
OWN_ADDRESS = {"X-Forwarded-For": "192.0.2.77"}


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    stack = start_stack(tmp_path_factory.mktemp("scanned"), settings={"PORTAL_TRUST_PROXY": "1"})
    yield stack
    stop_stack(stack)
    shutil.rmtree(stack.root, ignore_errors=True)


def explained(scanner: str) -> set[tuple[str, str]]:
    """(category, detail) pairs of the ASVS.md table rows for `scanner`."""
    text = ASVS.read_text(encoding="utf-8")
    section = text.split("## Scanner findings explained", 1)[1].split("\n## ", 1)[0]
    rows = set()
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] == scanner:
            rows.add((cells[1].strip("`"), cells[2].strip("`")))
    return rows


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)


class Links(HTMLParser):
    """A page's same-site links and its forms with the values a browser would send untouched."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.links, self.forms = [], []
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self.forms.append(Form(urljoin(self.path, attrs.get("action") or self.path), (attrs.get("method") or "get").upper()))
        elif self.forms and tag in ("input", "textarea") and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind == "file" or (kind in ("checkbox", "radio") and "checked" not in attrs):
                return
            self.forms[-1].fields.setdefault(attrs["name"], attrs.get("value") or ("1" if kind != "hidden" else ""))
        elif self.forms and tag == "select" and attrs.get("name"):
            self.select = attrs["name"]
        elif tag == "option" and self.select:
            self.forms[-1].fields.setdefault(self.select, attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def browser(target, town: str, who: str) -> CookieSession:
    """A visitor with the anonymous forms' cookie, or a signed-in family or staff session."""
    client = CookieSession(f"{town}.localhost:{target.port}", port=target.port, headers=OWN_ADDRESS)
    if ROLES[who] is None:
        client.request("GET", "/connexion")
        return client
    page, email, password, first = ROLES[who]
    _, _, body = client.request("GET", page)
    token = re.search(rb'name="csrf" value="([0-9a-f]{64})"', body).group(1).decode()
    status, _, _ = client.request("POST", page, urllib.parse.urlencode({"csrf": token, "courriel": email, "mot_de_passe": password}),
                                  "application/x-www-form-urlencoded")
    assert status == 303, f"{who} could not sign in ({status})"
    assert client.request("GET", first)[0] == 200
    return client


def still_signed_in(client: CookieSession, who: str) -> bool:
    return ROLES[who] is None or client.request("GET", ROLES[who][3])[0] == 200


def route(path: str) -> str:
    """`/gestion/familles/5?q=1` and `/gestion/familles/7?q=2` are the same route to a scanner."""
    url = urlsplit(path)
    return re.sub(r"/\d+(?=/|$)", "/:id", url.path) + "?" + ",".join(sorted(urllib.parse.parse_qs(url.query, keep_blank_values=True)))


def crawl(town: str, who: str, client: CookieSession) -> tuple[list[str], list[Form]]:
    """Same-site pages reachable from the home page (and the role's first page), one per route,
    and their forms, one per route, sign-out excepted."""
    start = ["/"] + ([] if ROLES[who] is None else [ROLES[who][3]])
    seen, routes, queue, forms = [], set(), start, {}
    while queue and len(seen) < 120:
        path = queue.pop(0)
        if path in seen or route(path) in routes:
            continue
        seen.append(path)
        routes.add(route(path))
        status, headers, body = client.request("GET", path)
        if status != 200 or "text/html" not in headers.get("content-type", ""):
            continue
        page = Links(path)
        page.feed(body.decode("utf-8", "replace"))
        for form in page.forms:
            if urlsplit(form.action).path not in SIGN_OUT:
                forms.setdefault((form.method, route(form.action)), form)
        for href in page.links:
            url = urlsplit(urljoin(f"http://{client.host}{path}", href))
            if url.netloc == client.host and url.path not in seen and url.path not in SIGN_OUT:
                queue.append(url.path + (f"?{url.query}" if url.query else ""))
    return seen, list(forms.values())


def with_parameter(path: str) -> str:
    """Pages that take no parameter still get one, so sqlmap tries the query string too."""
    return path if "?" in path else f"{path}?q=1"


def burp_log(base: str, host: str, cookie: str, pages: list[str], forms: list[Form]) -> str:
    """The requests for sqlmap's `-l`: the pages with a query parameter, and each form with the
    CSRF token of its page — the session's, or the anonymous forms' cookie's — which stays valid
    as long as that cookie does."""
    separator = "=" * 54
    requests = [f"GET {base}{with_parameter(path)} HTTP/1.1\nHost: {host}\nCookie: {cookie}\n" for path in pages]
    for form in forms:
        data = urllib.parse.urlencode(form.fields)
        if form.method == "GET":
            requests.append(f"GET {base}{urlsplit(form.action).path}?{data} HTTP/1.1\nHost: {host}\nCookie: {cookie}\n")
        else:
            requests.append(f"POST {base}{urlsplit(form.action).path} HTTP/1.1\nHost: {host}\nCookie: {cookie}\n"
                            f"Content-Type: application/x-www-form-urlencoded\nContent-Length: {len(data.encode())}\n\n{data}\n")
    return "".join(f"{separator}\n{request}{separator}\n\n" for request in requests)


@pytest.mark.parametrize("who", list(ROLES))
@pytest.mark.parametrize("town", SCANNED)
def test_sqlmap_finds_no_injection(target, town, who, tmp_path):
    """Every query parameter (one is added where a page takes none) and every form field, sent
    with the cookies and the CSRF token of the page it came from."""
    client = browser(target, town, who)
    pages, forms = crawl(town, who, client)
    cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
    (tmp_path / "requests.log").write_text(burp_log(f"http://127.0.0.1:{target.port}", client.host, cookie, pages, forms))
    # Bounded: --smart tests in depth only the parameters whose first, heuristic answers look injectable.
    level = ["--level", "3", "--risk", "2"] if FULL else ["--level", "1", "--risk", "1", "--technique", "BEU", "--smart"]
    results = tmp_path / "results.csv"
    # --ignore-stdin: sqlmap reads targets from a standard input that is not a terminal, in place of -l.
    run = subprocess.run(["sqlmap", "--batch", "--ignore-stdin", "--flush-session", "--disable-coloring", "--output-dir", str(tmp_path / "out"),
                          "--headers", f"Host: {client.host}", "--timeout", "10", *level, "-l", str(tmp_path / "requests.log"),
                          "--skip", "csrf", "--results-file", str(results)], capture_output=True, text=True, timeout=3600)
    assert "[CRITICAL]" not in run.stdout, run.stdout[-3000:]
    tested = len(re.findall(r"\[INFO\] testing URL", run.stdout))
    assert tested >= len(pages), f"sqlmap tested {tested} of {len(pages) + len(forms)} requests: {run.stdout[-3000:]}"
    findings = {}
    if results.exists():
        with open(results, newline="") as rows:
            for row in csv.DictReader(rows):
                if row.get("Parameter"):
                    # sqlmap's own note ("false positive or unexploitable") is part of what is explained.
                    technique = row["Technique(s)"] + (f" ({row['Note(s)']})" if row.get("Note(s)") else "")
                    findings[(row["Place"] + " " + row["Parameter"], technique)] = row["Target URL"]
    assert still_signed_in(client, who), "the scan ended its own session"
    assert {f: url for f, url in findings.items() if f not in explained("sqlmap")} == {}


# Debian's wapiti 3.0.4 compiles each -x pattern as `…\Z(?ms)`, which Python 3.11 refuses
# ("global flags not at the start"): the same function with the flags first, then wapiti.
WAPITI = ["/usr/bin/python3", "-c", "\n".join([
    "import re, sys",
    "import wapitiCore.net.crawler as crawler",
    "crawler.wildcard_translate = lambda pattern: re.compile('(?ms)' + ''.join('.*' if c == '*' else re.escape(c) for c in pattern) + r'\\Z')",
    "from wapitiCore.main.wapiti import wapiti_main",
    "sys.argv[0] = 'wapiti'",
    "sys.exit(wapiti_main())"])]
WAPITI_BOUNDED = "sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,ssrf,xxe,http_headers,csp,cookieflags,csrf,methods,backup"


@pytest.mark.parametrize("who", list(ROLES))
@pytest.mark.parametrize("town", SCANNED)
def test_wapiti_findings_are_all_explained(target, town, who, tmp_path):
    base = f"http://127.0.0.1:{target.port}"
    client = browser(target, town, who)
    signed_in = ROLES[who] is not None
    report = tmp_path / "wapiti.json"
    limits = ["-m", "all", "--max-scan-time", "1500", "--max-attack-time", "300"] if FULL else \
        ["-m", WAPITI_BOUNDED, "--max-scan-time", "40" if signed_in else "150", "--max-attack-time", "3" if signed_in else "8"]
    session = [] if not signed_in else ["-H", f"Cookie: pf_session={client.cookies['pf_session']}", "-s", f"{base}{ROLES[who][3]}",
                                         *[option for path in SIGN_OUT for option in ("-x", f"{base}{path}")]]
    # The endpoints wapiti uses for SSRF/XXE callbacks are on the Internet by default: point
    # them at the server under test (which knows nothing of them) so the scan stays local.
    local = f"{base}/"
    command = [*WAPITI, "-u", f"{base}/", "-H", f"Host: {town}.localhost:{target.port}", *session, "--scope", "domain", *limits,
               "--flush-session", "--store-session", str(tmp_path / "session"), "--store-config", str(tmp_path / "config"),
               "--external-endpoint", local, "--internal-endpoint", local, "--endpoint", local,
               "--no-bugreport", "-v", "1", "-f", "json", "-o", str(report)]
    # wapiti 3.0.4 now and then stalls in its own event loop while the server sits idle (its
    # log shows every request answered); such a run is abandoned and started once more.
    watchdog = 3600 if FULL else 300
    for attempt in (1, 2):
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=watchdog)
            break
        except subprocess.TimeoutExpired as stalled:
            assert attempt == 1, f"wapiti stalled twice: {(stalled.stdout or b'')[-2000:]!r}"
    assert report.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    data = json.loads(report.read_text())
    # wapiti 3.0.4 sends every field of a multipart form as a file part (with a filename), so
    # the token too; such findings are told apart in the table.
    findings = {(category, item["info"] + (" (multipart form)" if "multipart/form-data" in item.get("http_request", "") else ""))
                for kind in ("vulnerabilities", "anomalies") for category, items in data[kind].items() for item in items}
    crawled = len(re.findall(r"^\[\+\] GET ", run.stdout, re.MULTILINE))
    assert crawled > 0, "wapiti attacked nothing"
    assert still_signed_in(client, who), "the scan ended its own session"
    if signed_in:
        assert ROLES[who][3] in run.stdout, "wapiti did not reach the signed-in pages"
    assert {f for f in findings if f not in explained("wapiti")} == set(), findings
