"""Benchmark of issue 27: what the Synopse and the development table cost.

    python benchmarks/development.py [--sizes 2000,20000] [--repeats 3]

On the benchmark's working folders (benchmarks/generate.py; a 2021 is added as a copy of
2022's Meldebögen, so that 2023 has two earlier years) it prints, as whole processes
(median wall time, peak memory):
- `compare 2022 2023 --format json` against `--format docx` (the Synopse) and `--nachverfolgung`;
- `build 2023` without the placeholder `{{ entwicklung }}`, with it when the earlier years'
  `kennzahlen.json` are there (what every later build reads), and with it when they are
  missing, so that 2021 and 2022 are read from their Meldebögen.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402
from run import KOOPBERICHT, measure  # noqa: E402

TEXT = "## Entwicklung\n\nSo hat sich die Zusammenarbeit entwickelt:\n\n{{ entwicklung }}\n"


def prepare(folder: Path) -> None:
    """A 2021 (2022's Meldebögen) beside 2022 and 2023; 2021 and 2022 built, so their kennzahlen.json exist."""
    shutil.copytree(folder / "2022", folder / "2021")
    for path in (folder / "2021" / "meldungen").iterdir():
        path.rename(path.with_name(path.name.replace("2022", "2021")))
    settings = folder / "2021" / "vorlage.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("2022", "2021"), encoding="utf-8")
    for year in ("2021", "2022"):
        measure([KOOPBERICHT, "build", year, "-C", str(folder), "--trotz-fehlern"], 1)


def one_size(folder: Path, repeats: int) -> dict[str, tuple[float, float]]:
    """Seconds and peak MB of each measured command on the prepared `folder`."""
    compare = [KOOPBERICHT, "compare", "2022", "2023", "-C", str(folder), "--format"]
    build = [KOOPBERICHT, "build", "2023", "-C", str(folder)]
    text = folder / "2023" / "text" / "99-entwicklung.md"
    figures = {
        "compare json": measure([*compare, "json"], repeats),
        "compare docx (Synopse)": measure([*compare, "docx"], repeats),
        "compare docx --nachverfolgung": measure([*compare, "docx", "--nachverfolgung"], repeats),
        "build ohne {{ entwicklung }}": measure(build, repeats),
    }
    text.parent.mkdir(parents=True, exist_ok=True)
    text.write_text(TEXT, encoding="utf-8")
    figures["build mit {{ entwicklung }} (kennzahlen.json)"] = measure(build, repeats)
    stored = [folder / "ausgabe" / year / "kennzahlen.json" for year in ("2021", "2022")]
    kept = [path.read_bytes() for path in stored]
    for path in stored:
        path.unlink()
    figures["build mit {{ entwicklung }} (aus Meldebögen)"] = measure(build, repeats)
    for path, data in zip(stored, kept, strict=True):
        path.write_bytes(data)
    return figures


def main() -> None:
    """Measure every size and print one line per command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--repeats", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="koopbericht-bench-27-") as temporary:
        for size in (int(s) for s in arguments.sizes.split(",")):
            folder = generate(Path(temporary) / f"n{size}", size)
            prepare(folder)
            for label, (seconds, peak) in one_size(folder, arguments.repeats).items():
                print(f"{size:>6} Vorhaben | {label:<48} | {seconds:6.2f} s | {peak:5.0f} MB", flush=True)


if __name__ == "__main__":
    main()
