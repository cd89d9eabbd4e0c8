"""make bench: throughput, latency and memory of the portal on loopback, each next to a reference
run in the same session (nginx serving the same bytes, pgbench running the same booking SQL):
the ratios are what we judge, since absolute figures vary between machines.

Runs: the family month planning page (reused as parents reload it, and rendered each time); the
opening-day rush (families confirming baskets for the same holiday week); the staff dashboard and
attendance list; 10,000 idle keep-alive connections; start-up with 50 towns. Peak resident memory of the server is sampled during each run.
Scripts live in Tests/bench/, results in .data/bench/ (results.json, nginx and pgbench files).
Targets are printed with their verdict; a missed target does not fail `make bench`."""
import http.client
import json
import os
import pathlib
import queue
import re
import resource
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import date, datetime, timedelta, timezone

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
WORK = ROOT / ".data" / "bench"
PORTAL_PORT = int(os.environ.get("BENCH_PORTAL_PORT", "8090"))
NGINX_PORT = int(os.environ.get("BENCH_NGINX_PORT", "8091"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
DB_URL = os.environ["PORTAL_DATABASE_URL"]
# The towns run.sh filled with generated families (portal seed-demo --families N --tenant T).
RUSH_TOWN, RUSH_FAMILIES = "clermontais", int(os.environ.get("BENCH_RUSH_FAMILIES", "5000"))
STAFF_TOWN, STAFF_FAMILIES = "val-de-lauze", int(os.environ.get("BENCH_STAFF_FAMILIES", "2000"))
RUSH_ACTIVITY, RUSH_UNIT, RUSH_DAYS = "alsh-vacances", "journee", 4
RUSH_CLIENTS = 200
POOL = int(os.environ.get("PORTAL_DB_POOL", "16"))
# BENCH_ONLY=planning: only the planning page and its nginx reference (quick runs while tuning it).
ONLY = os.environ.get("BENCH_ONLY", "")


def host(town: str) -> str:
    return f"{town}.localhost"


def schema(town: str) -> str:
    return json.loads((ROOT / "tenants" / f"{town}.json").read_text())["schema"]


def psql(sql: str) -> str:
    return subprocess.run(["psql", DB_URL, "-XAtq", "-v", "ON_ERROR_STOP=1"], input=sql,
                          check=True, capture_output=True, text=True).stdout.strip()


def wait_for(url: str, host_header: str | None = None, attempts: int = 300) -> None:
    for _ in range(attempts):
        try:
            request = urllib.request.Request(url, headers={"Host": host_header} if host_header else {})
            urllib.request.urlopen(request, timeout=1).read()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"not answering: {url}")


def fetch(path: str, town: str, cookie: str | None = None) -> bytes:
    headers = {"Host": host(town)} | ({"Cookie": f"pf_session={cookie}"} if cookie else {})
    with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{PORTAL_PORT}{path}", headers=headers), timeout=10) as r:
        assert r.status == 200, (path, r.status)
        return r.read()


def wrk(url: str, town: str, cookie: str | None = None, connections: int = 64, script: pathlib.Path | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{DURATION}", "--latency", "-H", f"Host: {host(town)}"]
    if script:
        command += ["-s", str(script)]
    if cookie:
        command += ["-H", f"Cookie: pf_session={cookie}"]
    out = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout

    def latency(pct: str) -> float:
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": latency("50"), "p99_ms": latency("99"),
        "errors": (int(errors.group(1)) if errors else 0) + (sum(map(int, sock_errors.groups())) if sock_errors else 0),
    }


def vm(pid: int, field: str) -> float:
    return int(re.search(rf"{field}:\s+(\d+) kB", pathlib.Path(f"/proc/{pid}/status").read_text()).group(1)) / 1024


class PeakRSS:
    """Samples the server's resident memory every 20 ms while a run lasts."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.running = pid, 0.0, True

    def __enter__(self):
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()
        return self

    def sample(self):
        while self.running:
            self.peak = max(self.peak, vm(self.pid, "VmRSS"))
            time.sleep(0.02)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = round(max(self.peak, vm(self.pid, "VmRSS")), 1)


def sessions(town: str, kind: str, principals: list[int]) -> list[tuple[str, str]]:
    """Signed-in sessions made in the table as sign-in makes them (the token's SHA-256, a CSRF
    token): bcrypt sign-ins for thousands of families would measure password hashing instead."""
    made = [(secrets.token_hex(32), secrets.token_hex(32)) for _ in principals]
    values = ",".join(f"('{t}', {p}, '{c}')" for (t, c), p in zip(made, principals))
    psql(f"""INSERT INTO {schema(town)}.sessions (token_hash, principal_kind, principal_id, csrf_token, created_at, last_seen_at, expires_at)
             SELECT encode(sha256(convert_to(t, 'UTF8')), 'hex'), '{kind}', p, c, now(), now(), now() + interval '1 day'
             FROM (VALUES {values}) AS v(t, p, c)""")
    return made


def family_rows(town: str, count: int) -> list[tuple[int, int, list[int]]]:
    """(family id, account id, child ids) of generated families 1…count."""
    rows = psql(f"""SELECT f.id, s.account_id, string_agg(c.id::text, ',' ORDER BY c.id)
                    FROM {schema(town)}.families f JOIN {schema(town)}.subscriptions s ON s.family_id = f.id
                    JOIN {schema(town)}.children c ON c.family_id = f.id
                    WHERE f.subscriber_code ~ '^BANC-' AND substr(f.subscriber_code, 6)::int <= {count}
                    GROUP BY f.id, s.account_id ORDER BY f.subscriber_code""")
    return [(int(f), int(a), [int(c) for c in cs.split(",")]) for f, a, cs in (line.split("|") for line in rows.splitlines())]


def rush_days(binary: str, env: dict) -> list[str]:
    """The first holiday days of the rush activity open for booking now, up to RUSH_DAYS, in one period."""
    today = date.today()
    out = subprocess.run([binary, "rules", "calendar", "--tenant", RUSH_TOWN, "--activity", RUSH_ACTIVITY,
                          "--from", (today + timedelta(days=1)).isoformat(), "--to", (today + timedelta(days=200)).isoformat()],
                         env=env, check=True, capture_output=True, text=True).stdout
    now = datetime.now(timezone.utc)
    days = []
    for line in out.splitlines():
        found = re.search(rf"\| {RUSH_UNIT} \S+ ouverture (\S+) réservation ≤ (\S+)", line)
        if not found or (days and (date.fromisoformat(line[:10]) - date.fromisoformat(days[-1])).days > 4):
            if days:
                break
            continue
        opens, deadline = (datetime.fromisoformat(found.group(i)) for i in (1, 2))
        if opens <= now <= deadline:
            days.append(line[:10])
        if len(days) == RUSH_DAYS:
            break
    if len(days) < RUSH_DAYS:
        raise SystemExit(f"no {RUSH_DAYS} days of {RUSH_ACTIVITY} open for booking at {RUSH_TOWN}")
    return days


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))], 2) if ordered else 0.0


def rush(families, days, made) -> dict:
    """RUSH_CLIENTS clients, each on its keep-alive connection, take the next family: basket add
    with its CSRF token, then « Valider ». The clock runs from the first request to the last answer."""
    work = queue.Queue()
    for (family, _, children), (token, csrf) in zip(families, made):
        work.put((family, children, token, csrf))
    latencies, errors, lock = [], [], threading.Lock()

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", PORTAL_PORT, timeout=120)
        while True:
            try:
                family, children, token, csrf = work.get_nowait()
            except queue.Empty:
                return
            headers = {"Host": host(RUSH_TOWN), "Cookie": f"pf_session={token}", "Content-Type": "application/x-www-form-urlencoded"}
            lines = [("creneau", f"{d}|{c}|{RUSH_ACTIVITY}|{RUSH_UNIT}|book") for d in days for c in children]
            try:
                for path, form in (("/panier/ajouter", [("csrf", csrf), ("famille", family)] + lines),
                                   ("/panier/valider", [("csrf", csrf), ("famille", family)])):
                    started = time.monotonic()
                    connection.request("POST", path, urllib.parse.urlencode(form), headers)
                    response = connection.getresponse()
                    response.read()
                    elapsed = (time.monotonic() - started) * 1000
                    location = response.getheader("Location") or ""
                    if response.status != 303 or (path == "/panier/valider" and "/panier/confirmation/" not in location):
                        raise RuntimeError(f"{path}: {response.status} {location}")
                with lock:
                    latencies.append(elapsed)
            except (OSError, RuntimeError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORTAL_PORT, timeout=120)
                with lock:
                    errors.append(str(error))

    threads = [threading.Thread(target=client) for _ in range(RUSH_CLIENTS)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    return {"confirmations": len(latencies), "seconds": round(wall, 2), "confirmations_per_s": round(len(latencies) / wall, 1),
            "valider_p50_ms": percentile(latencies, 50), "valider_p99_ms": percentile(latencies, 99),
            "errors": len(errors), "first_errors": errors[:3]}


def rush_checks(days: list[str]) -> dict:
    s, day_list = schema(RUSH_TOWN), "ARRAY[" + ",".join(f"'{d}'" for d in days) + "]::date[]"
    overbooked = psql(f"""SELECT count(*) FROM {s}.slots sl WHERE sl.activity = '{RUSH_ACTIVITY}' AND sl.day = ANY({day_list})
                          AND (sl.booked > sl.capacity OR sl.booked <> (SELECT count(*) FROM {s}.bookings b WHERE b.slot_id = sl.id
                               AND b.status IN ('booked', 'pendingValidation', 'absent', 'cancellationRequested')))""")
    outcomes = dict(line.split("|") for line in psql(f"""SELECT outcome, count(*) FROM {s}.confirmation_lines
        WHERE activity = '{RUSH_ACTIVITY}' AND day = ANY({day_list}) GROUP BY outcome""").splitlines())
    without_reason = psql(f"""SELECT count(*) FROM {s}.confirmation_lines WHERE activity = '{RUSH_ACTIVITY}' AND day = ANY({day_list})
                              AND outcome IN ('refused', 'waitingList') AND (btrim(message) = '' OR btrim(rule) = '')""")
    return {"overbooked_slots": int(overbooked), "lines_by_outcome": {k: int(v) for k, v in outcomes.items()},
            "refused_or_waiting_without_reason": int(without_reason)}


def reset_rush(days: list[str]) -> None:
    """Back to the state before the opening: the week's bookings, confirmations and baskets gone."""
    s, day_list = schema(RUSH_TOWN), "ARRAY[" + ",".join(f"'{d}'" for d in days) + "]::date[]"
    psql(f"""BEGIN;
        DELETE FROM {s}.confirmations c WHERE EXISTS (SELECT 1 FROM {s}.confirmation_lines l WHERE l.confirmation_id = c.id
                                                       AND l.activity = '{RUSH_ACTIVITY}' AND l.day = ANY({day_list}));
        DELETE FROM {s}.bookings b USING {s}.slots sl WHERE sl.id = b.slot_id AND sl.activity = '{RUSH_ACTIVITY}' AND sl.day = ANY({day_list});
        DELETE FROM {s}.basket_lines WHERE activity = '{RUSH_ACTIVITY}' AND day = ANY({day_list});
        UPDATE {s}.slots SET booked = 0 WHERE activity = '{RUSH_ACTIVITY}' AND day = ANY({day_list});
        COMMIT;""")


def pgbench(days: list[str]) -> dict:
    """The same SQL as add-to-basket and « Valider » (Tests/bench/confirm-basket.sql), one family
    per transaction, with as many clients as the portal has database connections."""
    psql(f"DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench; CREATE SEQUENCE bench.next_family MAXVALUE {RUSH_FAMILIES}")
    clients = min(POOL, RUSH_FAMILIES)
    per_client = RUSH_FAMILIES // clients
    defines = []
    for i, d in enumerate(days, 1):
        defines += ["-D", f"d{i}={d.replace('-', '')}"]
    out = subprocess.run(["pgbench", "-n", "-f", str(HERE / "confirm-basket.sql"), "-c", str(clients), "-j", "2",
                          "-t", str(per_client), "-r", "-D", f"schema='{schema(RUSH_TOWN)}'", *defines, DB_URL],
                         capture_output=True, text=True)
    (WORK / "pgbench.log").write_text(out.stdout + out.stderr)
    if out.returncode != 0 or "tps = " not in out.stdout:
        raise SystemExit(f"pgbench failed:\n{out.stderr[-2000:]}")
    processed = int(re.search(r"number of transactions actually processed: (\d+)", out.stdout).group(1))
    failed = re.search(r"number of failed transactions: (\d+)", out.stdout)
    return {"clients": clients, "transactions": processed,
            "transactions_per_s": round(float(re.search(r"tps = ([\d.]+)", out.stdout).group(1)), 1),
            "latency_avg_ms": float(re.search(r"latency average = ([\d.]+) ms", out.stdout).group(1)),
            "errors": (int(failed.group(1)) if failed else 0) + (RUSH_FAMILIES // clients * clients - processed)}


def idle_connections(count: int) -> list[socket.socket]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1024), hard))
    request = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", PORTAL_PORT))
        s.sendall(request)
        sockets.append(s)
    for s in sockets:  # every one answered, and still open (keep-alive)
        s.settimeout(30)
        assert s.recv(4096).startswith(b"HTTP/1.1 200")
    return sockets


def start_nginx(files: dict[str, bytes]) -> subprocess.Popen:
    """nginx on NGINX_PORT serving each path's bytes as a static file."""
    root = WORK / "static"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    locations = ""
    for i, (path, body) in enumerate(files.items()):
        (root / f"{i}.html").write_bytes(body)
        locations += f'location = {path} {{ default_type "text/html; charset=utf-8"; root {root}; try_files /{i}.html =404; }}\n'
    (WORK / "nginx.conf").write_text(f"""
worker_processes 1;
daemon off;
pid {WORK}/nginx.pid;
error_log {WORK}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {WORK}; proxy_temp_path {WORK}; fastcgi_temp_path {WORK}; uwsgi_temp_path {WORK}; scgi_temp_path {WORK};
    server {{ listen 127.0.0.1:{NGINX_PORT}; {locations} }}
}}
""")
    nginx = subprocess.Popen(["nginx", "-c", str(WORK / "nginx.conf"), "-p", str(WORK)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(f"http://127.0.0.1:{NGINX_PORT}{next(iter(files))}")
    return nginx


def startup_with_towns(binary: str, env: dict, count: int = 50) -> dict:
    """`count` towns made from one shipped file, migrated, then the time from launch until
    /healthz answers and until every town's home page has answered once."""
    template = json.loads((ROOT / "tenants" / f"{STAFF_TOWN}.json").read_text())
    with tempfile.TemporaryDirectory() as directory:
        towns = []
        for i in range(1, count + 1):
            town = dict(template, id=f"banc-{i:02d}", schema=f"t_banc_{i:02d}", name=f"Commune de banc {i}", shortName=f"Banc {i}",
                        hosts={"subdomain": f"banc-{i:02d}", "extraDomains": []})
            (pathlib.Path(directory) / f"banc-{i:02d}.json").write_text(json.dumps(town, ensure_ascii=False))
            towns.append(town["id"])
        town_env = dict(env, PORTAL_TENANTS_DIR=directory)
        started = time.monotonic()
        subprocess.run([binary, "migrate"], env=town_env, check=True, capture_output=True)
        migrate_s = time.monotonic() - started
        started = time.monotonic()
        server = subprocess.Popen([binary, "serve"], env=town_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(f"http://127.0.0.1:{PORTAL_PORT}/healthz", attempts=2000)
            healthz_s = time.monotonic() - started
            for town in towns:
                fetch("/", town)
            all_s = time.monotonic() - started
            rss = vm(server.pid, "VmRSS")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {"towns": count, "migrate_s": round(migrate_s, 2), "healthz_s": round(healthz_s, 3),
            "every_town_answered_s": round(all_s, 3), "rss_mb": round(rss, 1)}


def main() -> None:
    binary = sys.argv[1]
    WORK.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PORTAL_LISTEN=f"127.0.0.1:{PORTAL_PORT}")
    results = {"machine": {"cores": os.cpu_count(),
                           "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
               "duration": DURATION}

    if ONLY != "planning":
        # pgbench first, on the week the portal's rush will book, then everything put back.
        days = rush_days(binary, env)
        results["rush_pgbench"] = pgbench(days)
        reset_rush(days)

    started = time.monotonic()
    server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    nginx = None
    try:
        wait_for(f"http://127.0.0.1:{PORTAL_PORT}/healthz")
        results["startup_s"] = round(time.monotonic() - started, 3)

        family, account, children = family_rows(RUSH_TOWN, 1)[0]
        (token, _), = sessions(RUSH_TOWN, "family", [account])
        planning_path = f"/planning?famille={family}&vue=mois"
        staff_id = int(psql(f"SELECT id FROM {schema(STAFF_TOWN)}.staff_accounts WHERE email = 'gestion@exemple.fr'"))
        (staff_token, _), = sessions(STAFF_TOWN, "staff", [staff_id])
        attendance_day = psql(f"""SELECT day FROM {schema(STAFF_TOWN)}.slots WHERE activity = 'restauration' AND booked > 0
                                  ORDER BY abs(day - current_date), day LIMIT 1""")
        attendance_path = f"/gestion/pointage?jour={attendance_day}&activite=restauration&unite=repas"
        planning = fetch(planning_path, RUSH_TOWN, token)
        nginx = start_nginx({"/planning": planning})

        with PeakRSS(server.pid) as rss:
            portal_planning = wrk(f"http://127.0.0.1:{PORTAL_PORT}{planning_path}", RUSH_TOWN, token)
            # Every request a target of its own: the page is judged and rendered each time, as
            # after a change to the town's data (what PageCache saves, measured apart).
            rendered = wrk(f"http://127.0.0.1:{PORTAL_PORT}{planning_path}", RUSH_TOWN, token, script=HERE / "distinct-targets.lua")
        nginx_planning = wrk(f"http://127.0.0.1:{NGINX_PORT}/planning", RUSH_TOWN)
        results["planning"] = {"portal": portal_planning, "rendered": rendered, "nginx": nginx_planning, "bytes": len(planning),
                               "ratio": round(portal_planning["requests_per_s"] / nginx_planning["requests_per_s"], 3),
                               "peak_rss_mb": rss.peak}
        if ONLY == "planning":
            return report_planning(results)

        for name, path in (("dashboard", "/gestion"), ("attendance", attendance_path)):
            fetch(path, STAFF_TOWN, staff_token)
            with PeakRSS(server.pid) as rss:
                results[name] = wrk(f"http://127.0.0.1:{PORTAL_PORT}{path}", STAFF_TOWN, staff_token)
            results[name] |= {"peak_rss_mb": rss.peak, "path": path}

        families = family_rows(RUSH_TOWN, RUSH_FAMILIES)
        made = sessions(RUSH_TOWN, "family", [a for _, a, _ in families])
        with PeakRSS(server.pid) as rss:
            results["rush"] = rush(families, days, made)
        results["rush"] |= {"peak_rss_mb": rss.peak, "days": days, "clients": RUSH_CLIENTS}
        results["rush"] |= rush_checks(days)
        results["rush"]["ratio_to_pgbench"] = round(results["rush"]["confirmations_per_s"] / results["rush_pgbench"]["transactions_per_s"], 3)

        sockets = idle_connections(10_000)
        results["idle_10000_rss_mb"] = round(vm(server.pid, "VmRSS"), 1)
        for s in sockets:
            s.close()
        results["peak_rss_mb"] = round(vm(server.pid, "VmHWM"), 1)
    finally:
        for process in (nginx, server):
            if process:
                process.terminate()
                process.wait(timeout=30)
    results["startup_50_towns"] = startup_with_towns(binary, env)
    (WORK / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    report(results)


def verdict(ok: bool) -> str:
    return "atteint" if ok else "MANQUÉ"


def report_planning(r: dict) -> None:
    p = r["planning"]
    (WORK / "results-planning.json").write_text(json.dumps(r, indent=2, ensure_ascii=False))
    print(f"\nMachine : {r['machine']['cores']} cœurs — wrk 64 connexions, {r['duration']} par mesure, {p['bytes']} octets")
    for name, x in (("portail", p["portal"]), ("rendu", p["rendered"]), ("nginx", p["nginx"])):
        print(f"planning du mois — {name:<8}{x['requests_per_s']:>9.0f} req/s  p50 {x['p50_ms']:.2f} ms  p99 {x['p99_ms']:.2f} ms  erreurs {x['errors']}")
    print(f"planning : portail / nginx = {p['ratio']:.1%} (objectif ≥ 30 % : {verdict(p['ratio'] >= 0.3)}), "
          f"p99 {p['portal']['p99_ms']} ms (objectif < 20 ms : {verdict(p['portal']['p99_ms'] < 20)}), RSS {p['peak_rss_mb']} Mo")


def report(r: dict) -> None:
    m, p, rush_, pg = r["machine"], r["planning"], r["rush"], r["rush_pgbench"]
    print(f"\nMachine : {m['cores']} cœurs, {m['memory_gb']} Gio — wrk 64 connexions, {r['duration']} par mesure")
    print(f"{'mesure':<52}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'erreurs':>9}{'RSS Mo':>8}")
    rows = [("planning du mois (famille) — portail", p["portal"], p["peak_rss_mb"]),
            ("planning du mois — rendu à chaque requête", p["rendered"], None),
            ("planning du mois — nginx, mêmes octets (statique)", p["nginx"], None),
            (f"tableau de bord gestion ({STAFF_FAMILIES} familles)", r["dashboard"], r["dashboard"]["peak_rss_mb"]),
            ("liste de pointage (restauration)", r["attendance"], r["attendance"]["peak_rss_mb"])]
    for name, x, rss in rows:
        print(f"{name:<52}{x['requests_per_s']:>9.0f}{x['p50_ms']:>9.2f}{x['p99_ms']:>9.2f}{x['errors']:>9}{rss or '':>8}")
    print(f"{'ouverture : ' + str(RUSH_FAMILIES) + ' paniers validés, ' + str(rush_['clients']) + ' clients':<52}"
          f"{rush_['confirmations_per_s']:>9.0f}{rush_['valider_p50_ms']:>9.2f}{rush_['valider_p99_ms']:>9.2f}{rush_['errors']:>9}{rush_['peak_rss_mb']:>8.1f}")
    print(f"{'ouverture — pgbench, même SQL, ' + str(pg['clients']) + ' connexions':<52}{pg['transactions_per_s']:>9.0f}"
          f"{pg['latency_avg_ms']:>9.2f}{'':>9}{pg['errors']:>9}")
    print(f"planning : portail / nginx = {p['ratio']:.0%} (objectif ≥ 30 % : {verdict(p['ratio'] >= 0.3)}), "
          f"p99 {p['portal']['p99_ms']} ms (objectif < 20 ms : {verdict(p['portal']['p99_ms'] < 20)})")
    ok = rush_["errors"] == 0 and rush_["overbooked_slots"] == 0 and rush_["refused_or_waiting_without_reason"] == 0
    print(f"ouverture : portail / pgbench = {rush_['ratio_to_pgbench']:.0%} (objectif ≥ 50 % : {verdict(rush_['ratio_to_pgbench'] >= 0.5)}), "
          f"jours {', '.join(rush_['days'])}, lignes {rush_['lines_by_outcome']}")
    print(f"  erreurs {rush_['errors']}, créneaux en surréservation {rush_['overbooked_slots']}, lignes refusées ou en attente "
          f"sans motif {rush_['refused_or_waiting_without_reason']} (objectif 0 partout : {verdict(ok)})")
    print(f"mémoire : 10 000 connexions keep-alive inactives {r['idle_10000_rss_mb']} Mo (objectif < 150 Mo : "
          f"{verdict(r['idle_10000_rss_mb'] < 150)}), pic de la session {r['peak_rss_mb']} Mo (objectif < 150 Mo : {verdict(r['peak_rss_mb'] < 150)})")
    s = r["startup_50_towns"]
    print(f"démarrage : {r['startup_s']} s jusqu'au premier /healthz ; avec {s['towns']} communes (migrées en {s['migrate_s']} s) : "
          f"/healthz en {s['healthz_s']} s, toutes les communes ont répondu en {s['every_town_answered_s']} s")
    print(f"résultats : {WORK / 'results.json'} (scripts dans Tests/bench/)")


if __name__ == "__main__":
    main()
