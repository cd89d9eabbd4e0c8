"""What every response exposes (ASVS V14): content types, versions, CORS, methods, files that
must not be served, and the TLS front's configuration shipped in deploy/."""
import re
from pathlib import Path

import pytest

from portal_live import PORT, exchange, http_get, split_responses

TOWN = f"cayres-pradelles.localhost:{PORT}"
SAMPLES = [(TOWN, "/"), (TOWN, "/actualites"), (TOWN, "/nulle-part"), ("evil.example", "/"),
           ("x", "/healthz"), (TOWN, "/static/portail.css")]


def request(method: str, host: str, path: str, extra: str = ""):
    answer, _ = exchange(f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n".encode())
    return split_responses(answer)[0]


@pytest.mark.parametrize("host,path", SAMPLES)
def test_every_response_names_its_type_and_charset_and_no_software_version(host, path):
    status, headers, _ = request("GET", host, path, "Origin: http://evil.example\r\n")
    content_type = headers.get("content-type", [""])[0]
    assert content_type, f"{status} without Content-Type"
    if content_type.startswith("text/"):
        assert "charset=utf-8" in content_type.lower()
    assert "x-powered-by" not in headers
    assert not re.search(r"\d", " ".join(headers.get("server", []))), headers.get("server")
    # No CORS: no origin, "null" included, may read these answers from a script.
    assert "access-control-allow-origin" not in headers


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "PROPFIND", "FOO"])
def test_methods_the_portal_does_not_use_are_refused(method):
    status, _, body = request(method, TOWN, "/")
    assert status in (400, 405, 501)
    assert b"Cayres" not in body or status == 405


@pytest.mark.parametrize("path", ["/.git/config", "/.env", "/Package.swift", "/sql/tenant/001_news.sql", "/tenants/cayres-pradelles.json",
                                  "/index.bak", "/.DS_Store", "/static/", "/static/../Package.swift", "/%2e%2e/%2e%2e/etc/passwd",
                                  "/_dev/", "/server-status"])
def test_source_configuration_and_backup_files_are_never_served(path):
    status, _, body = http_get(TOWN, path)
    assert status in (400, 404)
    for leak in (b"[core]", b"PORTAL_", b"swift-tools-version", b"CREATE TABLE", b"\"schema\"", b"root:"):
        assert leak not in body


def test_tls_front_sends_hsts_and_allows_only_tls_1_2_and_1_3():
    conf = (Path(__file__).resolve().parents[2] / "deploy" / "nginx-portail-famille.conf").read_text()
    assert re.search(r'add_header Strict-Transport-Security "max-age=(\d+); includeSubDomains" always;', conf)
    assert int(re.search(r"max-age=(\d+)", conf).group(1)) >= 15724800
    assert re.search(r"ssl_protocols TLSv1\.2 TLSv1\.3;", conf)
    assert "return 301 https://$host$request_uri;" in conf
