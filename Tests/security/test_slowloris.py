"""Slow clients with Debian's slowhttptest (slow headers a.k.a. slowloris, slow body a.k.a.
R-U-Dead-Yet, slow read) holding hundreds of connections, while a normal client keeps asking
for the home page: every one of its requests is answered."""
import csv
import subprocess
import threading

import pytest

from portal_live import HOST, PORT, http_get

TOWN = f"cayres-pradelles.localhost:{PORT}"
CONNECTIONS = 400

MODES = {
    "slow headers": ["-H", "-i", "1"],
    "slow body": ["-B", "-i", "1", "-s", "65536"],
    "slow read": ["-X", "-k", "4", "-n", "1", "-w", "1", "-y", "32", "-z", "16"],
}


class NormalClient(threading.Thread):
    """Asks for the home page over and over until told to stop, recording every outcome."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.outcomes = []

    def run(self):
        while not self.stop.is_set():
            try:
                status, _, body = http_get(TOWN, "/")
                self.outcomes.append(status if b"Cayres" in body else f"{status} sans la page")
            except OSError as error:
                self.outcomes.append(repr(error))


@pytest.mark.parametrize("mode", MODES)
def test_slow_clients_hold_connections_while_a_normal_client_is_served(mode, tmp_path):
    client = NormalClient()
    client.start()
    try:
        run = subprocess.run(
            ["slowhttptest", *MODES[mode], "-c", str(CONNECTIONS), "-r", "400", "-l", "5", "-p", "5",
             "-u", f"http://{HOST}:{PORT}/", "-g", "-o", str(tmp_path / "report")],
            capture_output=True, text=True, timeout=120)
    finally:
        client.stop.set()
        client.join(timeout=60)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    with open(tmp_path / "report.csv", newline="") as report:
        connected = max(int(row["Connected"]) for row in csv.DictReader(report))
    # The attack really happened: most of its connections were open at once.
    assert connected >= CONNECTIONS // 2, f"slowhttptest only held {connected} connections"
    assert client.outcomes, "the normal client never got an answer"
    assert set(client.outcomes) == {200}, client.outcomes
