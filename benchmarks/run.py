"""Benchmark: koopbericht against the floor of its libraries, side by side in one run.

    python benchmarks/run.py [--sizes 200,2000,20000,50000] [--repeats 3]

Every figure is a whole process (start-up included), the median of several runs,
with the peak memory (maximum resident set) of that process. Printed: `--help`
against `python -c "import typer"`; `validate`, `build` and `compare 2022 2023` at each
size (in 2023, 10 % of the activities have no Nr.); the floor (python-calamine reading the
workbooks of both years + writing the table XML directly, benchmarks/floor.py);
the naive python-docx table (`table.cell(r, c)` per cell) up to where it passes a
minute; pandoc converting the same table from Markdown, if pandoc is installed;
`validate` on 2,000 activities whose Meldebögen carry one stray value far away
(XFD1048576 in a data sheet, Z1048576 in a second sheet), whose peak memory must stay
that of the data; `build 2023 --pdf` on the example against `build 2023` plus one
`soffice --convert-to pdf` of the same two .docx files (a fresh profile, as a build has).
The targets of issues 7, 11, 13, 23 and 24 are checked at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

PYTHON = sys.executable
KOOPBERICHT = str(Path(sys.executable).with_name("koopbericht"))
NAIVE_LIMIT_SECONDS = 60.0


def measure(command: list[str], repeats: int, timeout: float | None = None) -> tuple[float, float]:
    """Median wall time (s) and the largest peak RSS (MB) over `repeats` runs of `command`."""
    times, peaks = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return float("inf"), float("nan")
            time.sleep(0.005)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0,):
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise SystemExit(f"{' '.join(command)} failed:\n{error}")
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def pandoc_time(rows: int, work: Path, repeats: int) -> float | None:
    """Seconds pandoc needs for the same table from Markdown, or None without pandoc."""
    if shutil.which("pandoc") is None:
        return None
    source = work / f"tabelle-{rows}.md"
    lines = ["| " + " | ".join(f"Spalte {c}" for c in range(8)) + " |", "|" + "---|" * 8]
    lines += ["| " + " | ".join(f"Zeile {r} Spalte {c}" for c in range(8)) + " |" for r in range(rows)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return measure(["pandoc", str(source), "-o", str(work / f"tabelle-{rows}.docx")], repeats)[0]


def main() -> None:
    """Run every measurement and print the table and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,2000,20000,50000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--ohne-pdf", action="store_true", help="build --pdf nicht messen (ohne LibreOffice)")
    arguments = parser.parse_args()
    sizes = [int(s) for s in arguments.sizes.split(",")]
    repeats = arguments.repeats
    results: dict[int, dict[str, float | None]] = {}
    with tempfile.TemporaryDirectory(prefix="koopbericht-bench-") as temporary:
        work = Path(temporary)
        help_time, _ = measure([KOOPBERICHT, "--help"], max(repeats, 5))
        typer_time, _ = measure([PYTHON, "-c", "import typer"], max(repeats, 5))
        print(f"--help {help_time:.3f} s, import typer {typer_time:.3f} s, ratio {help_time / typer_time:.2f}")
        naive_done = False
        for size in sizes:
            folder = generate(work / f"n{size}", size)
            row: dict[str, float | None] = {}
            row["validate"], row["validate_mb"] = measure([KOOPBERICHT, "validate", "2023", "-C", str(folder)], repeats)
            row["build"], row["build_mb"] = measure([KOOPBERICHT, "build", "2023", "-C", str(folder)], repeats)
            compare = [KOOPBERICHT, "compare", "2022", "2023", "-C", str(folder), "--format", "json"]
            row["compare"], row["compare_mb"] = measure(compare, repeats)
            row["floor"], row["floor_mb"] = measure([PYTHON, str(HERE / "floor.py"), str(folder)], repeats)
            row["naive"] = None
            if not naive_done:
                command = [PYTHON, str(HERE / "naive_docx.py"), str(size), str(work / "naive.docx")]
                row["naive"] = measure(command, 1, timeout=NAIVE_LIMIT_SECONDS)[0]
                naive_done = row["naive"] == float("inf")
            row["pandoc"] = pandoc_time(size, work, 1)
            results[size] = row
            print(_line(size, row), flush=True)
        stray = _stray_values(work, repeats)
        pdf = None if arguments.ohne_pdf else _pdf_against_one_conversion(work, repeats)
    _targets(results, help_time / typer_time, stray, pdf)


def _pdf_against_one_conversion(work: Path, repeats: int) -> float:
    """`build --pdf` on the example divided by `build` plus one LibreOffice call converting both .docx files."""
    from koopbericht.render.pdf.libreoffice import PDF_TARGET
    from koopbericht.render.pdf.soffice import find_soffice

    program = find_soffice()
    if program is None:
        raise SystemExit("build --pdf: LibreOffice fehlt (oder --ohne-pdf angeben).")
    folder = work / "beispiel"
    shutil.copytree(HERE.parent / "examples" / "potsdam", folder, ignore=shutil.ignore_patterns("ausgabe"))
    build, _ = measure([KOOPBERICHT, "build", "2023", "-C", str(folder)], repeats)
    documents = [str(folder / "ausgabe" / "2023" / name)
                 for name in ("Kooperationsbericht-2023.docx", "Anlage-1-Kooperationsvorhaben-2023.docx")]  # fmt: skip
    profiles = work / "profile"
    times = []
    for run in range(repeats):  # a fresh profile each time, as a build has
        command = [program, f"-env:UserInstallation={(profiles / str(run)).as_uri()}", "--headless", "--norestore",
                   "--convert-to", PDF_TARGET, "--outdir", str(work / "einzeln"), *documents]  # fmt: skip
        times.append(measure(command, 1)[0])
    convert = statistics.median(times)
    with_pdf, _ = measure([KOOPBERICHT, "build", "2023", "-C", str(folder), "--pdf"], repeats)
    ratio = with_pdf / (build + convert)
    print(f"Beispiel | build {build:.2f} s | soffice --convert-to pdf (beide .docx) {convert:.2f} s | "
          f"build --pdf {with_pdf:.2f} s | Verhältnis {ratio:.2f}")  # fmt: skip
    return ratio


def _stray_values(work: Path, repeats: int) -> tuple[float, float]:
    """Peak MB of validate on 2,000 activities, without and with far stray values."""
    from openpyxl import load_workbook

    folder = generate(work / "streuwert", 2000)
    command = [KOOPBERICHT, "validate", "2023", "-C", str(folder)]
    _, clean_mb = measure(command, repeats)
    first, second = sorted((folder / "2023" / "meldungen").glob("*.xlsx"))[:2]
    for path, sheet, ref in ((first, "Meldebogen", "XFD1048576"), (second, "Notizen", "Z1048576")):
        workbook = load_workbook(path)
        if sheet not in workbook.sheetnames:
            workbook.create_sheet(sheet)["A1"] = "Notizen"
        workbook[sheet][ref] = "x"
        workbook.save(path)
    seconds, stray_mb = measure(command, repeats)
    print(
        f"Streuwerte XFD1048576/Z1048576, 2000 Vorhaben | validate {seconds:.2f} s ({stray_mb:.0f} MB, "
        f"ohne Streuwerte {clean_mb:.0f} MB)"
    )
    return clean_mb, stray_mb


def _line(size: int, row: dict[str, float | None]) -> str:
    def seconds(value: float | None) -> str:
        if value is None:
            return "–"
        return "> 60 s" if value == float("inf") else f"{value:.2f} s"

    build, compare, floor = row["build"] or 0.0, row["compare"] or 0.0, row["floor"] or 1.0
    return (
        f"{size:>6} Vorhaben | validate {seconds(row['validate'])} ({row['validate_mb']:.0f} MB) | "
        f"build {seconds(row['build'])} ({row['build_mb']:.0f} MB) | "
        f"compare {seconds(row['compare'])} ({row['compare_mb']:.0f} MB) | floor {seconds(row['floor'])} | "
        f"build/floor {build / floor:.2f} | compare/floor {compare / floor:.2f} | "
        f"naive python-docx {seconds(row['naive'])} | pandoc {seconds(row['pandoc'])}"
    )


def _targets(
    results: dict[int, dict[str, float | None]], help_ratio: float, stray: tuple[float, float], pdf: float | None
) -> None:
    print("\nZiele:")

    def check(label: str, ok: bool, detail: str) -> None:
        print(f"  {'✓' if ok else '✗'} {label}: {detail}")

    if 20000 in results:
        row = results[20000]
        ratio = (row["build"] or 0) / (row["floor"] or 1)
        check("build 20.000 (200 Geschäftsbereiche) ≤ 2,5× floor (calamine)", ratio <= 2.5, f"{ratio:.2f}×")
        ratio = (row["compare"] or 0) / (row["floor"] or 1)
        check("compare 20.000 (200 Geschäftsbereiche) ≤ 2× floor (calamine)", ratio <= 2, f"{ratio:.2f}×")
        peak = max(row["build_mb"] or 0, row["compare_mb"] or 0)
        check("Speicher build und compare 20.000 ≤ 300 MB", peak <= 300, f"{peak:.0f} MB")
    if 2000 in results and 20000 in results:
        growth = (results[20000]["build"] or 0) / (results[2000]["build"] or 1)
        check("Wachstum build 2.000 → 20.000 ≤ 12×", growth <= 12, f"{growth:.1f}×")
    if 2000 in results:
        check("validate 2.000 < 1 s", (results[2000]["validate"] or 9) < 1, f"{results[2000]['validate']:.2f} s")
    check("--help ≤ 2× import typer", help_ratio <= 2, f"{help_ratio:.2f}×")
    clean_mb, stray_mb = stray
    check("Speicher mit fernen Streuwerten ≤ ohne + 50 MB", stray_mb <= clean_mb + 50, f"{stray_mb:.0f} MB")
    if pdf is not None:
        check("build --pdf ≤ 1,3× (build + ein soffice-Aufruf)", pdf <= 1.3, f"{pdf:.2f}×")


if __name__ == "__main__":
    main()
