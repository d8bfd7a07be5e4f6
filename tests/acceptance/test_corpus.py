"""Every real spreadsheet of the shared corpus is read right or refused with one file-level finding.

The corpus (../shared/corpus, 1,574 files from public libraries' test suites, many saved
by Excel itself; see its SOURCES.md) sits beside the checkout in CI. The library is
called in-process, in two worker processes (the machine has two cores), so a file
that aborted the process would break the pool and name itself.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from ..conftest import REPO
from ..corpus import CONFIG, FILE_LEVEL, Outcome, examine

CORPUS = REPO.parent / "shared" / "corpus"
LIMIT_SECONDS = 60
LIMIT_MB = 1024

# Files whose outcome is fixed here because they are known to be odd; every other file
# must be readable or refused with one file-level finding, and never called damaged
# when openpyxl reads it.
KNOWN = {
    # A member's CRC is wrong (calamine's test of exactly that); openpyxl refuses it too.
    "calamine__tests__issue252.xlsx": "datei-beschaedigt",
    # Zero bytes under an .ods name.
    "python-calamine__tests__data__empty_file.ods": "datei-beschaedigt",
    # workbook.xml names a sheet whose relationship part is missing: no sheet can be found.
    "xlsx__testdocs__badfile_noWorkbookRels.xlsx": "datei-beschaedigt",
    # workbook.xml names a sheet whose part is missing (openpyxl opens it with no sheets at all).
    "xlsx__testdocs__badfile_noWorksheets.xlsx": "datei-beschaedigt",
}

# Files whose cells cannot be compared with openpyxl's, and why.
NOT_COMPARABLE = {
    # openpyxl resolves the escape _x005F_ ("_") but leaves every other _xHHHH_ escape in the
    # text, so its "_x000a_" for the stored "_x005F_x000a_" looks like an escaped line break.
    "rust_xlsxwriter__tests__input__shared_strings02.xlsx",
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    if not CORPUS.is_dir():
        pytest.skip(f"Der Korpus {CORPUS} fehlt (../shared liegt nicht neben dem Checkout); CI hat ihn.")
    project = tmp_path_factory.mktemp("korpus")
    (project / "koopbericht.toml").write_text(CONFIG, encoding="utf-8")
    files = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "SOURCES.md")
    assert len(files) > 1500
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = {path.name: pool.submit(examine, project, path) for path in files}
        return {name: future.result(timeout=LIMIT_SECONDS * 5) for name, future in futures.items()}


def test_nothing_escapes_and_nothing_runs_away(outcomes: dict[str, Outcome]) -> None:
    escaped = {name: o.escaped for name, o in outcomes.items() if o.escaped}
    assert not escaped, "\n\n".join(f"{name}:\n{trace}" for name, trace in escaped.items())
    slow = {name: round(o.seconds, 1) for name, o in outcomes.items() if o.seconds > LIMIT_SECONDS}
    assert not slow
    assert max(o.peak_mb for o in outcomes.values()) < LIMIT_MB


def test_every_file_is_read_or_refused_with_one_file_level_finding(outcomes: dict[str, Outcome]) -> None:
    for name, outcome in outcomes.items():
        codes = [code for code, _ in outcome.file_findings if code in FILE_LEVEL]
        if outcome.readable:
            assert codes == [], name
        else:
            assert len(codes) == 1, (name, outcome.file_findings)
            assert all(message.strip() for _, message in outcome.file_findings), name


def test_known_odd_files_keep_their_outcome(outcomes: dict[str, Outcome]) -> None:
    for name, code in KNOWN.items():
        assert [c for c, _ in outcomes[name].file_findings] == [code], (name, outcomes[name].file_findings)


def test_nothing_openpyxl_reads_is_called_damaged(outcomes: dict[str, Outcome]) -> None:
    damaged = [
        name
        for name, o in outcomes.items()
        if o.openpyxl_reads and name not in KNOWN and any(c == "datei-beschaedigt" for c, _ in o.file_findings)
    ]
    assert damaged == []


def test_every_cell_is_where_openpyxl_finds_it(outcomes: dict[str, Outcome]) -> None:
    compared = [o for o in outcomes.values() if o.openpyxl_reads]
    assert len(compared) > 1300
    differences = {
        o.name: o.cell_differences[:5]
        for o in compared
        if o.cell_differences and o.name not in KNOWN.keys() | NOT_COMPARABLE
    }
    assert not differences, "\n".join(f"{name}: {diff}" for name, diff in differences.items())
