"""ASVS.md cites its proofs as `file::test` (paths under Tests/, `::test` alone repeats the
previous file of the row). A renamed or deleted test must not leave a row claiming a proof
that no longer exists: every citation has to resolve to a test function, every cited file or
directory to something in the repository."""
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
ASVS = Path(__file__).with_name("ASVS.md")

CITATION = re.compile(r"(?P<file>(?:[\w.-]+/)*[\w.-]+\.(?:swift|py)|\b[A-Z]\w*Tests\b)?::(?P<name>\w+)")
PATH = re.compile(r"(?<![\w./-])(?P<path>(?:security|e2e|cli|operations|fuzz|bench|[A-Z]\w*Tests|deploy|sql|tenants)/[\w./@-]*[\w/])")


def rows() -> list[str]:
    return [line for line in ASVS.read_text(encoding="utf-8").splitlines() if line.startswith("|")]


def resolve(cited: str) -> Path | None:
    """A cited file: a path under Tests/ (or the repository), or a bare `XTests` name."""
    if "/" in cited or cited.endswith((".swift", ".py")):
        for base in (TESTS, REPO):
            if (base / cited).is_file():
                return base / cited
        return None
    found = sorted(TESTS.rglob(f"{cited}.swift"))
    return found[0] if len(found) == 1 else None


def defines_test(path: Path, name: str) -> bool:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return re.search(rf"^def {name}\(", text, re.MULTILINE) is not None and name.startswith("test_")
    # Swift Testing: the nearest `@Test` above the function belongs to it (no other `func` between).
    declaration = re.search(rf"\bfunc {name}\(", text)
    if declaration is None:
        return False
    before = text[:declaration.start()]
    attribute = before.rfind("@Test")
    return attribute >= 0 and "func " not in before[attribute:]


def test_every_cited_test_exists():
    missing = []
    for row in rows():
        for cell in row.split("|"):
            current = None
            for match in CITATION.finditer(cell):
                if match["file"]:
                    current = resolve(match["file"])
                    if current is None:
                        missing.append(f"{match['file']} (no such test file)")
                        continue
                if current is None:
                    missing.append(f"::{match['name']} (no file before it in the cell)")
                elif not defines_test(current, match["name"]):
                    missing.append(f"{current.relative_to(TESTS)}::{match['name']}")
    assert missing == [], "ASVS.md cites tests that do not exist:\n" + "\n".join(missing)


def test_every_cited_path_exists():
    missing = []
    for row in rows():
        for match in PATH.finditer(row):
            path = match["path"]
            if not any((base / path).exists() for base in (TESTS, REPO)):
                missing.append(path)
    assert missing == [], "ASVS.md names files that do not exist:\n" + "\n".join(missing)


def test_no_row_waits_for_an_issue_that_has_landed():
    """Only issue 10 (operations) is still to come; every other proof is in the suites."""
    stale = {row.split("|")[1].strip() for row in rows() if re.search(r"pending: issues? (?!10\b)\d", row)}
    assert stale == set(), f"rows still pending on landed issues: {sorted(stale)}"
