"""Throughput, latency and memory of the portal on loopback, next to nginx serving the same
bytes in the same run: the ratio is what we judge, since absolute figures vary between machines.
Prints a table and writes .data/bench/results.json."""
import json
import os
import pathlib
import re
import resource
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORK = ROOT / ".data" / "bench"
PORTAL_PORT, NGINX_PORT = 8090, 8091
TOWN = "cayres-pradelles.localhost"
DURATION = os.environ.get("BENCH_DURATION", "10s")


def wait_for(url: str, host: str | None = None) -> None:
    for _ in range(150):
        try:
            request = urllib.request.Request(url, headers={"Host": host} if host else {})
            urllib.request.urlopen(request, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"not answering: {url}")


def fetch(url: str, host: str) -> bytes:
    return urllib.request.urlopen(urllib.request.Request(url, headers={"Host": host}), timeout=5).read()


def wrk(url: str, host: str, connections: int = 64) -> dict:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{DURATION}", "--latency", "-H", f"Host: {host}", url],
                         check=True, capture_output=True, text=True).stdout
    def latency(pct: str) -> float:
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": latency("50"), "p99_ms": latency("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sum(map(int, sock_errors.groups())) if sock_errors else 0,
    }


def peak_rss_mb(pid: int) -> float:
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def rss_mb(pid: int) -> float:
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def idle_connections(count: int) -> list[socket.socket]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1024), hard))
    sockets = []
    request = f"GET /healthz HTTP/1.1\r\nHost: {TOWN}\r\n\r\n".encode()
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", PORTAL_PORT))
        s.sendall(request)
        sockets.append(s)
    for s in sockets:  # every one answered, and still open (keep-alive)
        s.settimeout(10)
        assert s.recv(4096).startswith(b"HTTP/1.1 200")
    return sockets


def main() -> None:
    binary = sys.argv[1]
    WORK.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PORTAL_LISTEN=f"127.0.0.1:{PORTAL_PORT}")
    started = time.monotonic()
    server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    nginx = None
    try:
        wait_for(f"http://127.0.0.1:{PORTAL_PORT}/healthz")
        startup_s = time.monotonic() - started

        page = fetch(f"http://127.0.0.1:{PORTAL_PORT}/", TOWN)
        (WORK / "home.html").write_bytes(page)
        (WORK / "nginx.conf").write_text(f"""
worker_processes 1;
daemon off;
pid {WORK}/nginx.pid;
error_log {WORK}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {WORK}; proxy_temp_path {WORK}; fastcgi_temp_path {WORK}; uwsgi_temp_path {WORK}; scgi_temp_path {WORK};
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        location = / {{ default_type "text/html; charset=utf-8"; root {WORK}; try_files /home.html =404; }}
    }}
}}
""")
        nginx = subprocess.Popen(["nginx", "-c", str(WORK / "nginx.conf"), "-p", str(WORK)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(f"http://127.0.0.1:{NGINX_PORT}/")
        assert fetch(f"http://127.0.0.1:{NGINX_PORT}/", TOWN) == page

        portal_home = wrk(f"http://127.0.0.1:{PORTAL_PORT}/", TOWN)
        nginx_home = wrk(f"http://127.0.0.1:{NGINX_PORT}/", TOWN)
        memory_after_load = peak_rss_mb(server.pid)

        sockets = idle_connections(10_000)
        idle_rss = rss_mb(server.pid)
        for s in sockets:
            s.close()

        results = {
            "machine": {"cores": os.cpu_count(),
                        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
            "home_page": {"portal": portal_home, "nginx": nginx_home,
                          "ratio": round(portal_home["requests_per_s"] / nginx_home["requests_per_s"], 3),
                          "bytes": len(page)},
            "memory_mb": {"peak_after_home_load": round(memory_after_load, 1),
                          "with_10000_idle_keepalive": round(idle_rss, 1)},
            "startup_s": round(startup_s, 3),
        }
    finally:
        for process in (nginx, server):
            if process:
                process.terminate()
                process.wait(timeout=30)

    (WORK / "results.json").write_text(json.dumps(results, indent=2))
    m = results["machine"]
    h = results["home_page"]
    print(f"\nMachine : {m['cores']} cœurs, {m['memory_gb']} Gio — wrk 64 connexions, {DURATION}")
    print(f"{'mesure':<44}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'erreurs':>9}")
    for name, r in (("page d'accueil — portail", h["portal"]), ("page d'accueil — nginx (fichier statique)", h["nginx"])):
        print(f"{name:<44}{r['requests_per_s']:>10.0f}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}{r['non_2xx'] + r['socket_errors']:>9}")
    print(f"rapport portail / nginx : {h['ratio']:.0%} (objectif ≥ 30 %, p99 < 20 ms)")
    print(f"mémoire résidente max après la charge : {results['memory_mb']['peak_after_home_load']} Mo")
    print(f"mémoire avec 10 000 connexions keep-alive inactives : {results['memory_mb']['with_10000_idle_keepalive']} Mo (objectif < 150 Mo)")
    print(f"démarrage jusqu'au premier /healthz : {results['startup_s']} s")
    print(f"résultats : {WORK / 'results.json'}")


if __name__ == "__main__":
    main()
