"""Hostile cookies against the live server: forged, tampered and cross-tenant session cookies
open nothing; state-changing requests without the form's token are refused."""
import re
import socket

import pytest

from portal_live import HOST, PORT, http_get

TOWN, OTHER = "cayres-pradelles", "clermontais"


def request(method: str, host: str, path: str, headers: dict | None = None, body: str = ""):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close", f"Content-Length: {len(body.encode())}"]
    if body:
        lines.append("Content-Type: application/x-www-form-urlencoded")
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    with socket.create_connection((HOST, int(PORT)), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n" + body).encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, content = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parsed = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        parsed.setdefault(name.strip().lower(), []).append(value.strip())
    return int(status_line.split(" ")[1]), parsed, content


def cookies_of(headers) -> dict:
    return dict(c.split(";")[0].split("=", 1) for c in headers.get("set-cookie", []))


def demo_session(town: str) -> str:
    host = f"{town}.localhost:{PORT}"
    _, headers, body = request("GET", host, "/connexion")
    form_cookie = cookies_of(headers)["pf_form"]
    csrf = re.search(rb'name="csrf" value="([0-9a-f]{64})"', body).group(1).decode()
    status, headers, _ = request("POST", host, "/connexion", {"Cookie": f"pf_form={form_cookie}"},
                                 f"csrf={csrf}&courriel=famille.martin%40exemple.fr&mot_de_passe=Demo-famille-2026%21")
    assert status == 303
    return cookies_of(headers)["pf_session"]


@pytest.mark.parametrize("forged", ["0" * 64, "f" * 64, "x" * 64, "abc", "'; DROP TABLE sessions; --", "a" * 3000])
def test_forged_session_cookies_open_no_family_or_staff_page(forged):
    for path in ("/mon-espace", "/gestion"):
        status, headers, _ = http_get(f"{TOWN}.localhost:{PORT}", path, {"Cookie": f"pf_session={forged}"})
        assert status == 303
        assert "connexion" in headers["location"][0]


def test_a_towns_session_cookie_is_worthless_on_another_town_and_on_the_operator_host():
    session = demo_session(TOWN)
    status, _, body = http_get(f"{TOWN}.localhost:{PORT}", "/mon-espace", {"Cookie": f"pf_session={session}"})
    assert status == 200 and "Bonjour Camille".encode() in body
    status, headers, _ = http_get(f"{OTHER}.localhost:{PORT}", "/mon-espace", {"Cookie": f"pf_session={session}"})
    assert status == 303 and headers["location"][0].startswith("/connexion")
    status, headers, _ = http_get(f"operateur.localhost:{PORT}", "/console", {"Cookie": f"pf_session={session}"})
    assert status == 303 and headers["location"][0] == "/console/connexion"
    # A tampered copy (one hex digit changed) is worthless on its own town too.
    tampered = ("1" if session[0] == "0" else "0") + session[1:]
    status, _, _ = http_get(f"{TOWN}.localhost:{PORT}", "/mon-espace", {"Cookie": f"pf_session={tampered}"})
    assert status == 303


def test_a_family_cookie_opens_no_staff_page():
    session = demo_session(TOWN)
    for path in ("/gestion", "/gestion/documents", "/gestion/equipe"):
        status, _, _ = http_get(f"{TOWN}.localhost:{PORT}", path, {"Cookie": f"pf_session={session}"})
        assert status == 403


def test_state_changing_requests_without_the_token_or_from_elsewhere_are_refused():
    session = demo_session(TOWN)
    host = f"{TOWN}.localhost:{PORT}"
    _, _, page = http_get(host, "/mon-espace/abonnements", {"Cookie": f"pf_session={session}"})
    csrf = re.search(rb'name="csrf" value="([0-9a-f]{64})"', page).group(1).decode()
    cookie = {"Cookie": f"pf_session={session}"}
    assert request("POST", host, "/mon-espace/abonnements", cookie, "code_abonne=DURAND-2026")[0] == 403
    assert request("POST", host, "/mon-espace/abonnements", cookie, f"csrf={'0' * 64}&code_abonne=DURAND-2026")[0] == 403
    assert request("POST", host, "/mon-espace/abonnements", {**cookie, "Origin": "http://evil.example"},
                   f"csrf={csrf}&code_abonne=DURAND-2026")[0] == 403
    assert request("POST", host, "/deconnexion", cookie, "")[0] == 403
    # The session survived all of that.
    assert http_get(host, "/mon-espace", cookie)[0] == 200


def test_operator_pages_do_not_exist_on_town_hosts():
    for path in ("/console", "/console/connexion"):
        assert http_get(f"{TOWN}.localhost:{PORT}", path)[0] == 404
    status, headers, _ = http_get(f"operateur.localhost:{PORT}", "/console")
    assert status == 303 and headers["location"][0] == "/console/connexion"


def test_session_cookie_attributes():
    """Both cookies, the anonymous forms' and the signed-in session's: HttpOnly, SameSite=Lax,
    the whole site (Path=/) of this host only (no Domain); no lifetime, so the session cookie
    goes with the browser (its server-side end is the session's own)."""
    host = f"{TOWN}.localhost:{PORT}"
    _, headers, body = request("GET", host, "/connexion")
    form = [c for c in headers["set-cookie"] if c.startswith("pf_form=")][0]
    csrf = re.search(rb'name="csrf" value="([0-9a-f]{64})"', body).group(1).decode()
    status, headers, _ = request("POST", host, "/connexion", {"Cookie": form.split(";")[0]},
                                 f"csrf={csrf}&courriel=famille.martin%40exemple.fr&mot_de_passe=Demo-famille-2026%21")
    assert status == 303
    session = [c for c in headers["set-cookie"] if c.startswith("pf_session=")][0]
    assert re.fullmatch(r"pf_session=[0-9a-f]{64}(; .*)?", session)
    for cookie in (form, session):
        attributes = {part.strip() for part in cookie.split(";")[1:]}
        assert {"HttpOnly", "SameSite=Lax", "Path=/"} <= attributes, cookie
        assert not any(a.lower().startswith(("domain", "expires", "max-age")) for a in attributes), cookie


def test_a_reused_planning_page_opens_for_its_own_session_only_and_not_after_sign_out():
    """The planning is kept per session while the town's data is unchanged (PageCache): a copy
    of the cookie with one digit changed, another town, or the same cookie once signed out get
    the sign-in page, never the kept one."""
    session = demo_session(TOWN)
    host = f"{TOWN}.localhost:{PORT}"
    cookie = {"Cookie": f"pf_session={session}"}
    pages = [http_get(host, "/planning", cookie) for _ in range(3)]
    assert all(status == 200 and "Voir mon panier".encode() in body for status, _, body in pages)
    tampered = ("1" if session[-1] == "0" else "0")
    for other_host, sent in ((host, session[:-1] + tampered), (f"{OTHER}.localhost:{PORT}", session)):
        status, headers, body = http_get(other_host, "/planning", {"Cookie": f"pf_session={sent}"})
        assert status == 303 and headers["location"][0].startswith("/connexion")
        assert b"Voir mon panier" not in body
    csrf = re.search(rb'name="csrf" value="([0-9a-f]{64})"', pages[-1][2]).group(1).decode()
    assert request("POST", host, "/deconnexion", cookie, f"csrf={csrf}")[0] == 303
    status, headers, body = http_get(host, "/planning", cookie)
    assert status == 303 and headers["location"][0].startswith("/connexion")
    assert b"Voir mon panier" not in body
