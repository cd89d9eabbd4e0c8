"""Helpers shared by the suites that run against the live server (make test starts it)."""
import http.client
import os
import socket

ADDRESS = os.environ.get("PORTAL_E2E_ADDRESS", "127.0.0.1:8089")
HOST, PORT = ADDRESS.rsplit(":", 1)
TENANTS = ["cayres-pradelles", "clermontais"]


def tenant_url(tenant: str, path: str = "/") -> str:
    # Chromium resolves every *.localhost name to loopback by itself.
    return f"http://{tenant}.localhost:{PORT}{path}"


def raw_request(data: bytes, timeout: float = 5.0) -> bytes:
    """Sends bytes as they are and returns everything the server answers until it closes."""
    with socket.create_connection((HOST, int(PORT)), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except socket.timeout:
            pass
        return b"".join(chunks)


def exchange(data: bytes, timeout: float = 15.0) -> tuple[bytes, bool]:
    """Sends bytes as they are; returns what came back and whether the server closed the
    connection (False: it was still open when `timeout` passed without a byte)."""
    with socket.create_connection((HOST, int(PORT)), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    return b"".join(chunks), True
                chunks.append(chunk)
        except socket.timeout:
            return b"".join(chunks), False
        except ConnectionResetError:
            return b"".join(chunks), True


def split_responses(stream: bytes) -> list[tuple[int, dict, bytes]]:
    """Cuts a stream of HTTP/1.1 responses (framed by Content-Length, as the server sends
    them) into (status, headers, body); trailing bytes that are no response raise."""
    responses = []
    while stream:
        head, separator, rest = stream.partition(b"\r\n\r\n")
        assert separator, f"incomplete response: {stream[:120]!r}"
        status_line, *lines = head.decode("latin-1").split("\r\n")
        assert status_line.startswith("HTTP/1.1 "), status_line
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers.setdefault(name.strip().lower(), []).append(value.strip())
        length = int(headers.get("content-length", ["0"])[0])
        responses.append((int(status_line.split(" ")[1]), headers, rest[:length]))
        stream = rest[length:]
    return responses


def http_get(host: str, path: str = "/", headers: dict | None = None):
    """A plain GET with an explicit Host header; returns (status, headers, body)."""
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    answer = raw_request(("\r\n".join(lines) + "\r\n\r\n").encode())
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parsed = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        parsed.setdefault(name.strip().lower(), []).append(value.strip())
    return int(status_line.split(" ")[1]), parsed, body


class CookieSession:
    """A client on one host that keeps the cookies the server sets (and drops those it expires);
    `request` answers (status, lower-cased headers, body bytes)."""

    def __init__(self, host: str, timeout: float = 20, port: int | None = None, headers: dict | None = None):
        self.host = host
        self.timeout = timeout
        self.port = port or int(PORT)
        self.headers = headers or {}
        self.cookies: dict = {}

    def request(self, method, path, body=None, content_type=None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        headers = {"Host": self.host, **self.headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = rest.split(";")[0]
        data = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
