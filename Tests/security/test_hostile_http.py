"""Hostile input against the running server: malformed HTTP, smuggling attempts, oversized
parts, unknown hosts. Every error closes the connection and the server goes on serving."""
import socket

import pytest

from portal_live import HOST, PORT, http_get, raw_request

TOWN = f"cayres-pradelles.localhost:{PORT}"

MALFORMED = [
    ("content-length with transfer-encoding", f"POST / HTTP/1.1\r\nHost: {TOWN}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    ("two different content-lengths", f"POST / HTTP/1.1\r\nHost: {TOWN}\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\nabcde", 400),
    ("content-length list", f"POST / HTTP/1.1\r\nHost: {TOWN}\r\nContent-Length: 4, 4\r\n\r\nabcd", 400),
    ("negative content-length", f"POST / HTTP/1.1\r\nHost: {TOWN}\r\nContent-Length: -1\r\n\r\n", 400),
    ("non-digit content-length", f"POST / HTTP/1.1\r\nHost: {TOWN}\r\nContent-Length: 1e3\r\n\r\n", 400),
    ("transfer-encoding not chunked", f"POST / HTTP/1.1\r\nHost: {TOWN}\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
    ("transfer-encoding in HTTP/1.0", f"POST / HTTP/1.0\r\nHost: {TOWN}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    ("obs-fold", f"GET / HTTP/1.1\r\nHost: {TOWN}\r\nX-A: a\r\n b\r\n\r\n", 400),
    ("space before colon", f"GET / HTTP/1.1\r\nHost : {TOWN}\r\n\r\n", 400),
    ("bare LF", f"GET / HTTP/1.1\nHost: {TOWN}\n\n", 400),
    ("NUL in header value", f"GET / HTTP/1.1\r\nHost: {TOWN}\r\nX-A: a\x00b\r\n\r\n", 400),
    ("missing host", "GET / HTTP/1.1\r\n\r\n", 400),
    ("non-hex chunk size", f"POST / HTTP/1.1\r\nHost: {TOWN}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400),
    ("garbage request line", "HELLO\r\n\r\n", 400),
    ("unsupported version", f"GET / HTTP/2.0\r\nHost: {TOWN}\r\n\r\n", 505),
    ("request line too long", f"GET /{'a' * 20000} HTTP/1.1\r\nHost: {TOWN}\r\n\r\n", 414),
    ("too many headers", f"GET / HTTP/1.1\r\nHost: {TOWN}\r\n" + "".join(f"X-{i}: v\r\n" for i in range(300)) + "\r\n", 431),
    ("huge header", f"GET / HTTP/1.1\r\nHost: {TOWN}\r\nX-Big: {'b' * 40000}\r\n\r\n", 431),
    ("body over the limit", f"POST / HTTP/1.1\r\nHost: {TOWN}\r\nContent-Length: 999999999\r\n\r\n", 413),
]


def status_of(answer: bytes) -> int:
    assert answer.startswith(b"HTTP/1.1 "), answer[:80]
    return int(answer.split(b" ")[1])


@pytest.mark.parametrize("name,request_text,expected", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_request_is_refused_and_the_connection_closed(name, request_text, expected):
    # raw_request reads until the server closes: a server that kept the connection open
    # would leave it waiting for the timeout and return a single answer anyway, so check
    # that exactly one response came back and it closed.
    answer = raw_request(request_text.encode("latin-1"), timeout=15)
    assert status_of(answer) == expected
    assert answer.count(b"HTTP/1.1 ") == 1, "the smuggled part must not be answered"


def test_server_still_serves_after_the_hostile_corpus():
    status, _, body = http_get(TOWN, "/")
    assert status == 200
    assert "Cayres".encode() in body


def test_security_headers_are_on_pages_and_on_errors():
    for answer in (raw_request(f"GET / HTTP/1.1\r\nHost: {TOWN}\r\nConnection: close\r\n\r\n".encode()),
                   raw_request(b"GET / HTTP/1.1\r\n\r\n")):
        head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
        assert "content-security-policy: default-src 'self'" in head
        assert "x-content-type-options: nosniff" in head
        assert "frame-ancestors 'none'" in head
        assert "referrer-policy: same-origin" in head


@pytest.mark.parametrize("host", ["evil.example", "localhost", f"127.0.0.1:{PORT}", "cayres-pradelles.localhost.evil.example",
                                  "x.cayres-pradelles.localhost", "CAYRES-PRADELLES.evil"])
def test_unknown_host_gets_404_without_naming_any_town(host):
    status, _, body = http_get(host, "/")
    assert status == 404
    assert b"Portail introuvable" in body
    assert b"Cayres" not in body and b"Clermont" not in body


def test_host_is_case_insensitive_and_port_tolerant():
    status, _, body = http_get(f"Cayres-Pradelles.LOCALHOST:{PORT}", "/")
    assert status == 200


def test_healthz_answers_on_any_host():
    status, _, body = http_get("whatever", "/healthz")
    assert status == 200


def test_unknown_path_on_a_town_is_a_french_404():
    status, _, body = http_get(TOWN, "/nulle-part")
    assert status == 404
    assert "Page introuvable".encode() in body


def test_slow_client_does_not_block_others():
    slow = socket.create_connection((HOST, int(PORT)))
    slow.sendall(f"GET / HTTP/1.1\r\nHost: {TOWN}\r\n".encode())  # never finishes its headers
    try:
        status, _, _ = http_get(TOWN, "/")
        assert status == 200
    finally:
        slow.close()
