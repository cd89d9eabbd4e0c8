"""Faults on a private stack (its own PostgreSQL cluster and its own server, so the shared test
cluster and the suites' server are never disturbed): PostgreSQL restarted under load, the
server killed with SIGKILL mid-load and during a booking rush then restarted, and e-mail that
cannot leave (mail directory unwritable, mail command failing) while families keep booking."""
import email
import email.policy
import http.client
import queue
import re
import secrets
import shutil
import subprocess
import threading
import time
import urllib.parse
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from portal_live import CookieSession
from private_stack import BINARY, Stack, start_stack, stop_stack

POOL = 4
TOWN = "cayres-pradelles"
# The rush: generated families (portal seed-demo --families) of this town confirm their baskets
# at once; the last MAIL_FAMILIES are kept for the e-mail faults.
RUSH_TOWN = "clermontais"
RUSH_FAMILIES = 80
MAIL_FAMILIES = 2
RUSH_CLIENTS = 12


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = start_stack(tmp_path_factory.mktemp("faults"), pool=POOL)
    yield stack
    stop_stack(stack)
    shutil.rmtree(stack.root, ignore_errors=True)


class Load(threading.Thread):
    """Keeps asking for pages until stopped, counting each status."""

    def __init__(self, stack: Stack, path: str):
        super().__init__(daemon=True)
        self.stack, self.path = stack, path
        self.stop = threading.Event()
        self.statuses = []

    def run(self):
        while not self.stop.is_set():
            self.statuses.append(self.stack.get(self.path)[0])


def until(condition, attempts: int = 600):
    """Polls `condition` (about 0.1 s apart) until it holds; fails if it never does."""
    for _ in range(attempts):
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("the condition never held")


def test_postgresql_restart_under_load_heals_without_restarting_the_server(stack):
    pid = stack.server.pid
    loads = [Load(stack, "/") for _ in range(4)] + [Load(stack, "/healthz")]
    for load in loads:
        load.start()
    until(lambda: all(load.statuses for load in loads))
    stack.cluster("restart")
    until(lambda: stack.get("/healthz", host="x")[0] == 200)
    for load in loads:
        load.stop.set()
        load.join(timeout=60)
    # While the database was away, pages said so (503) rather than failing in another way.
    assert {status for load in loads for status in load.statuses} <= {200, 503}
    # Each pooled connection broken by the restart fails at most one request, then the pool
    # replaces it: within that many failures, pages come back for good.
    failures, successes = 0, 0
    while successes < 2 * POOL:
        status, body = stack.get("/")
        if status == 200 and b"Cayres" in body:
            successes += 1
        else:
            assert status == 503
            # A generic French page: nothing about the database or the error leaks.
            assert "Service momentanément indisponible".encode() in body
            assert not any(word in body.lower() for word in (b"postgres", b"libpq", b"sqlstate", b"exception"))
            failures += 1
            successes = 0
            assert failures <= POOL, "the server does not heal its connections"
    assert stack.server.poll() is None and stack.server.pid == pid


def test_server_killed_mid_load_restarts_with_every_committed_row(stack):
    schema = stack.psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{TOWN}'").strip()
    committed = []
    stop = threading.Event()

    def write():
        # Each INSERT is its own committed transaction; only ids psql returned count as committed.
        while not stop.is_set() and len(committed) < 400:
            committed.append(int(stack.psql(
                f"INSERT INTO {schema}.news_items (title, body, published_on, pinned) "
                f"VALUES ('Coupure {len(committed)}', 'texte', current_date, true) RETURNING id")))

    writer = threading.Thread(target=write, daemon=True)
    load = Load(stack, "/")
    writer.start()
    load.start()
    until(lambda: len(load.statuses) >= 5 and len(committed) >= 5)
    stack.server.kill()
    stack.server.wait(timeout=30)
    load.stop.set()
    load.join(timeout=60)
    stop.set()
    writer.join(timeout=60)
    stack.start_server()
    stored = {int(x) for x in stack.psql(f"SELECT id FROM {schema}.news_items").split()}
    assert set(committed) <= stored
    status, body = stack.get("/")
    assert status == 200
    assert f"Coupure {len(committed) - 1}".encode() in body


def test_database_down_gives_a_generic_french_page_then_service_resumes(stack):
    stack.cluster("stop")
    try:
        status, body = stack.get("/")
        assert status == 503
        assert "Service momentanément indisponible".encode() in body
        assert not any(word in body.lower() for word in (b"postgres", b"libpq", b"sqlstate", b"exception", b"5432"))
        assert stack.get("/healthz", host="x")[0] == 503
    finally:
        stack.cluster("start")
    until(lambda: stack.get("/healthz", host="x")[0] == 200)
    until(lambda: stack.get("/")[0] == 200, attempts=4 * POOL)


class Family:
    """A generated family, signed in through a session row made as sign-in makes them (bcrypt
    sign-ins for a hundred families would measure password hashing)."""

    def __init__(self, stack: Stack, row: str):
        family, account, children, address = row.split("|")
        self.stack, self.id, self.account, self.email = stack, int(family), int(account), address
        self.children = [int(c) for c in children.split(",")]
        self.token, self.csrf = secrets.token_hex(32), secrets.token_hex(32)

    def post(self, path: str, form: list, cookie: str = "pf_session") -> tuple[int, str]:
        """(status, Location) of a form post; raises OSError when the server is gone."""
        session = CookieSession(f"{RUSH_TOWN}.localhost:{self.stack.port}", timeout=60, port=self.stack.port)
        session.cookies[cookie] = self.token
        status, headers, _ = session.request("POST", path, urllib.parse.urlencode([("csrf", self.csrf), ("famille", self.id)] + form),
                                             "application/x-www-form-urlencoded")
        return status, headers.get("location", "")

    def get(self, path: str, cookie: str = "pf_session") -> tuple[int, str]:
        session = CookieSession(f"{RUSH_TOWN}.localhost:{self.stack.port}", timeout=60, port=self.stack.port)
        session.cookies[cookie] = self.token
        status, _, body = session.request("GET", path)
        return status, body.decode()

    def fill_basket(self, lines: list, cookie: str = "pf_session"):
        form = [("creneau", f"{day}|{child}|{activity}|{unit}|book") for activity, unit, day in lines for child in self.children]
        assert self.post("/panier/ajouter", form, cookie)[0] == 303

    def confirm(self, cookie: str = "pf_session") -> int:
        """« Valider »: the booking number the summary page is at."""
        status, location = self.post("/panier/valider", [], cookie)
        found = re.search(r"/panier/confirmation/(\d+)", location)
        assert status == 303 and found, (status, location)
        return int(found.group(1))


def rush_schema(stack: Stack) -> str:
    return stack.psql(f"SELECT schema_name FROM platform.tenants WHERE id = '{RUSH_TOWN}'").strip()


def open_lines(stack: Stack, schema: str) -> list[tuple[str, str, str]]:
    """Up to four (activity, unit, day) the generated families may book now: days of the next
    two months or so (the current month's are booked already) whose booking window is open, of
    the first activity they are registered to that has some."""
    today, now = date.today(), datetime.now(timezone.utc)
    start = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    registered = stack.psql(f"""SELECT DISTINCT r.activity FROM {schema}.registrations r JOIN {schema}.families f ON f.id = r.family_id
                                WHERE f.subscriber_code ~ '^BANC-' ORDER BY r.activity""")
    for activity in registered.split():
        calendar = subprocess.run([BINARY, "rules", "calendar", "--tenant", RUSH_TOWN, "--activity", activity,
                                   "--from", start.isoformat(), "--to", (start + timedelta(days=75)).isoformat()],
                                  env=stack.env, check=True, capture_output=True, text=True, timeout=60).stdout
        lines = []
        for line in calendar.splitlines():
            for unit_text in line.split(" | ")[1:]:
                found = re.match(r"(\S+) \S+ (?:ouverture (\S+) )?réservation ≤ (\S+)", unit_text)
                if found and (not found.group(2) or datetime.fromisoformat(found.group(2)) <= now) \
                        and now < datetime.fromisoformat(found.group(3)) - timedelta(hours=1):
                    lines.append((activity, found.group(1), line[:10]))
                    break
            if len(lines) == 4:
                return lines
        if lines:
            return lines
    raise AssertionError(f"no day the generated families of {RUSH_TOWN} may book now")


@pytest.fixture(scope="module")
def rush(stack):
    """(schema, lines, families): generated families of the rush town, signed in, and the
    lines each will put in its basket."""
    subprocess.run([BINARY, "seed-demo", "--families", str(RUSH_FAMILIES + MAIL_FAMILIES), "--tenant", RUSH_TOWN],
                   env=stack.env, check=True, capture_output=True, timeout=300)
    schema = rush_schema(stack)
    rows = stack.psql(f"""SELECT f.id || '|' || s.account_id || '|' || string_agg(c.id::text, ',' ORDER BY c.id) || '|' || a.email
                          FROM {schema}.families f JOIN {schema}.subscriptions s ON s.family_id = f.id
                          JOIN {schema}.accounts a ON a.id = s.account_id JOIN {schema}.children c ON c.family_id = f.id
                          WHERE f.subscriber_code ~ '^BANC-' GROUP BY f.id, s.account_id, a.email ORDER BY f.subscriber_code""").split()
    families = [Family(stack, row) for row in rows]
    # Next school year's registrations too, as families renew them, so that the days after the
    # current month can be booked whatever the date (in August this year's end with the month).
    stack.psql(f"""INSERT INTO {schema}.registrations (family_id, child_id, activity, first_day, last_day, status, created_at, answered_at)
                   SELECT r.family_id, r.child_id, r.activity, r.last_day + 1, r.last_day + 365, 'accepted', now(), now()
                   FROM {schema}.registrations r JOIN {schema}.families f ON f.id = r.family_id WHERE f.subscriber_code ~ '^BANC-'""")
    values = ",".join(f"('{f.token}', {f.account}, '{f.csrf}')" for f in families)
    stack.psql(f"""INSERT INTO {schema}.sessions (token_hash, principal_kind, principal_id, csrf_token, created_at, last_seen_at, expires_at)
                   SELECT encode(sha256(convert_to(t, 'UTF8')), 'hex'), 'family', p, c, now(), now(), now() + interval '1 day'
                   FROM (VALUES {values}) AS v(t, p, c)""")
    return schema, open_lines(stack, schema), families


def in_parallel(families: list, action, clients: int = RUSH_CLIENTS) -> dict:
    """Runs `action(family)` for every family from `clients` threads; {family id: result or the
    exception it raised}."""
    work, results = queue.Queue(), {}
    for family in families:
        work.put(family)

    def client():
        while True:
            try:
                family = work.get_nowait()
            except queue.Empty:
                return
            try:
                results[family.id] = action(family)
            except (OSError, http.client.HTTPException, AssertionError) as error:
                results[family.id] = error

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return results


RECAP = "Récapitulatif de votre réservation n° "


def delivered_recaps(mail_dir: Path) -> set[int]:
    """Booking numbers of the recaps among the messages in `mail_dir`."""
    numbers = set()
    for path in mail_dir.glob("*.eml"):
        subject = str(email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["subject"])
        if RECAP in subject:
            numbers.add(int(subject.rsplit(" ", 1)[1]))
    return numbers


def test_server_killed_during_a_booking_rush_loses_no_confirmed_basket_and_no_e_mail(stack, rush):
    schema, lines, everyone = rush
    families = everyone[:RUSH_FAMILIES]
    by_id = {family.id: family for family in families}
    family_list = "(" + ",".join(str(f.id) for f in families) + ")"
    in_parallel(families, lambda family: family.fill_basket(lines))
    basket_size = len(lines) * len(families[0].children)
    assert stack.psql(f"SELECT count(*) FROM {schema}.basket_lines WHERE family_id IN {family_list}").strip() == str(basket_size * len(families))

    answered = {}
    rushing = threading.Thread(target=lambda: answered.update(in_parallel(families, lambda family: family.confirm())), daemon=True)
    rushing.start()
    until(lambda: int(stack.psql(f"SELECT count(*) FROM {schema}.confirmations WHERE family_id IN {family_list}")) >= len(families) // 4)
    stack.server.kill()
    stack.server.wait(timeout=30)
    rushing.join(timeout=600)
    confirmed = {family: number for family, number in answered.items() if isinstance(number, int)}
    # The rush was cut: some families got their booking number, others no answer at all.
    assert confirmed and len(confirmed) < len(families)
    stack.start_server()

    # Every booking number a family was shown is there, for that family.
    stored = dict(tuple(map(int, line.split("|"))) for line in stack.psql(
        f"SELECT id || '|' || family_id FROM {schema}.confirmations WHERE family_id IN {family_list}").split())
    assert all(stored.get(number) == family for family, number in confirmed.items())
    # Each « Valider » is whole or absent: a confirmation has all its lines, its line in « Mes
    # demandes », its recap e-mail queued, the bookings its lines name, and an empty basket; a
    # family without one has its basket as it was and no booking on those days.
    for number, family in stored.items():
        lines_stored, bookings, request, recaps, left = stack.psql(f"""SELECT
            (SELECT count(*) FROM {schema}.confirmation_lines WHERE confirmation_id = {number}),
            (SELECT count(*) FROM {schema}.confirmation_lines l JOIN {schema}.bookings b ON b.id = l.booking_id
             WHERE l.confirmation_id = {number} AND b.family_id = {family}) = (SELECT count(*) FROM {schema}.confirmation_lines
             WHERE confirmation_id = {number} AND outcome <> 'refused'),
            (SELECT count(*) FROM {schema}.confirmations c JOIN {schema}.requests r ON r.id = c.request_id WHERE c.id = {number}),
            (SELECT count(*) FROM platform.outbox WHERE recipient = '{by_id[family].email}' AND subject LIKE '%{RECAP}{number}'),
            (SELECT count(*) FROM {schema}.basket_lines WHERE family_id = {family})""").strip().split("|")
        assert (lines_stored, bookings, request, recaps, left) == (str(basket_size), "t", "1", "1", "0"), number
    days = "ARRAY[" + ",".join(f"'{day}'::date" for _, _, day in lines) + "]"
    for family in set(by_id) - set(stored.values()):
        basket, booked = stack.psql(f"""SELECT (SELECT count(*) FROM {schema}.basket_lines WHERE family_id = {family}),
            (SELECT count(*) FROM {schema}.bookings b JOIN {schema}.slots s ON s.id = b.slot_id
             WHERE b.family_id = {family} AND s.day = ANY({days}))""").strip().split("|")
        assert (basket, booked) == (str(basket_size), "0"), family
    assert len(set(stored.values())) == len(stored)
    # Not a vacuous rush: the lines booked places (or joined a waiting list) rather than being refused.
    assert int(stack.psql(f"SELECT count(*) FROM {schema}.confirmation_lines WHERE confirmation_id IN ({','.join(map(str, stored))}) "
                          f"AND outcome <> 'refused'")) > 0

    # The families left without an answer confirm again on the restarted server.
    waiting = [by_id[family] for family in set(by_id) - set(stored.values())]
    retried = in_parallel(waiting, lambda family: family.confirm())
    assert all(isinstance(number, int) for number in retried.values()), retried
    # Places are counted right: no slot holds more or fewer than its bookings.
    miscounted = stack.psql(f"""SELECT count(*) FROM {schema}.slots s WHERE s.day = ANY({days})
        AND (s.booked > s.capacity OR s.booked <> (SELECT count(*) FROM {schema}.bookings b WHERE b.slot_id = s.id
             AND b.status IN ('booked', 'pendingValidation', 'absent', 'cancellationRequested')))""")
    assert miscounted.strip() == "0"
    # Every recap, queued before or after the kill, leaves once the server is back.
    numbers = set(stored) | set(retried.values())
    assert len(numbers) == len(families)
    until(lambda: numbers <= delivered_recaps(stack.root / "mail"), attempts=1200)
    # And the summary page a family was sent to before the kill shows its booking number.
    family, number = next(iter(confirmed.items()))
    status, page = by_id[family].get(f"/panier/confirmation/{number}?famille={family}")
    assert status == 200 and f"n° {number}" in page


@contextmanager
def server_with(stack: Stack, **changes: str):
    """The server restarted with other settings, then as it was."""
    saved = {name: stack.env.get(name) for name in changes}
    stack.server.terminate()
    stack.server.wait(timeout=30)
    stack.env.update(changes)
    stack.start_server()
    try:
        yield
    finally:
        stack.server.terminate()
        stack.server.wait(timeout=30)
        for name, value in saved.items():
            if value is None:
                stack.env.pop(name, None)
            else:
                stack.env[name] = value
        stack.start_server()


def recap_row(stack: Stack, family: Family, number: int) -> tuple[int, int, str, bool]:
    """(id, attempts, last error, sent) of the recap in the outbox."""
    row = stack.psql(f"SELECT id, attempts, sent_at IS NOT NULL, coalesce(last_error, '') "
                     f"FROM platform.outbox WHERE recipient = '{family.email}' AND subject LIKE '%{RECAP}{number}'").strip()
    assert row, f"no recap of booking {number} in the outbox"
    identifier, attempts, sent, error = row.split("|", 3)
    return int(identifier), int(attempts), error, sent == "t"


def booking_survives_a_mail_failure(stack: Stack, family: Family, lines: list, cookie: str) -> tuple[int, int]:
    """The family books while e-mail cannot leave: the booking is made and shown, the recap waits
    in the outbox after a failed attempt. Returns (booking number, outbox id)."""
    family.fill_basket(lines, cookie)
    number = family.confirm(cookie)
    status, page = family.get(f"/panier/confirmation/{number}?famille={family.id}", cookie)
    assert status == 200 and f"n° {number}" in page
    until(lambda: recap_row(stack, family, number)[1] >= 1)
    identifier, _, error, sent = recap_row(stack, family, number)
    assert error and not sent
    # The failure is the outbox's business only: pages are served as before.
    assert stack.get("/", host=f"{RUSH_TOWN}.localhost")[0] == 200
    return number, identifier


def retry_now(stack: Stack, identifier: int):
    """The worker retries a failed row after a backoff of a minute or more; bring it forward,
    as if that time had passed."""
    stack.psql(f"UPDATE platform.outbox SET next_attempt_at = now() WHERE id = {identifier}")


def test_booking_goes_through_while_the_mail_directory_cannot_be_written_and_the_recap_leaves_later(stack, rush):
    _, lines, families = rush
    family = families[RUSH_FAMILIES]
    # A file where the directory's parent should be: no one, root included, can create it.
    blocker = stack.root / "mail-blocked"
    blocker.write_text("")
    with server_with(stack, PORTAL_MAIL_DIR=str(blocker / "mail")):
        number, identifier = booking_survives_a_mail_failure(stack, family, lines, "pf_session")
        assert not (blocker / "mail").exists()
        blocker.unlink()
        retry_now(stack, identifier)
        until(lambda: recap_row(stack, family, number)[3])
        assert number in delivered_recaps(blocker / "mail")


def test_booking_goes_through_while_the_mail_command_fails_and_the_recap_leaves_once_it_works(stack, rush):
    _, lines, families = rush
    family = families[RUSH_FAMILIES + 1]
    down, sent = stack.root / "relay-down", stack.root / "sendmail-out"
    sent.mkdir()
    down.write_text("")
    command = stack.root / "sendmail"
    command.write_text("#!/bin/sh\n"
                       f"if [ -e {down} ]; then echo 'sendmail: relais injoignable' >&2; exit 75; fi\n"
                       f"cat > {sent}/$$.eml\n")
    command.chmod(0o755)
    # Production hands mail to the command, and names its cookies with the __Host- prefix.
    with server_with(stack, PORTAL_ENVIRONMENT="production", PORTAL_SENDMAIL=f"{command} -t -i"):
        number, identifier = booking_survives_a_mail_failure(stack, family, lines, "__Host-pf_session")
        assert "relais injoignable" in recap_row(stack, family, number)[2]
        assert not any(sent.iterdir())
        down.unlink()
        retry_now(stack, identifier)
        until(lambda: recap_row(stack, family, number)[3])
        assert number in delivered_recaps(sent)
