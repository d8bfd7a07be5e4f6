"""The wheel round trip: build koopbericht's wheel, install it into a fresh environment, try the built-in example there.

This is what a clerk does who got only the wheel: `init --beispiel` must find the example inside
the installed package (not in a checkout), and `build` must make the Vorlage from it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from koopbericht import __version__

from .conftest import REPO

pytestmark = pytest.mark.slow


def run(command: list[str], cwd: Path, timeout: int = 600) -> str:
    environment = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    completed = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False, env=environment
    )
    assert completed.returncode == 0, f"{' '.join(command)}\n{completed.stdout}\n{completed.stderr}"
    return completed.stdout


def test_wheel_installs_and_builds_the_example(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    # The wheel and every dependency as wheels, so the fresh environment installs offline from them.
    run([sys.executable, "-m", "pip", "wheel", "-q", "-w", str(wheels), str(REPO)], cwd=tmp_path)
    [wheel] = wheels.glob("koopbericht-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "koopbericht/beispiel/koopbericht.toml" in names
    assert "koopbericht/beispiel/2023/meldungen/GB1_Meldebogen_2023.xlsx" in names
    for year in (2021, 2022, 2023):  # every year of the example, with its Vorlage data
        assert f"koopbericht/beispiel/{year}/vorlage.toml" in names
        assert f"koopbericht/beispiel/{year}/meldungen/GB5_Meldebogen_{year}.xlsx" in names
    assert not [name for name in names if "/ausgabe/" in name]

    environment = tmp_path / "umgebung"
    run([sys.executable, "-m", "venv", str(environment)], cwd=tmp_path)
    scripts = environment / ("Scripts" if os.name == "nt" else "bin")
    run([str(scripts / "python"), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(wheels),
         str(wheel)], cwd=tmp_path)  # fmt: skip
    location = run([str(scripts / "python"), "-c", "import koopbericht; print(koopbericht.__file__)"], cwd=tmp_path)
    assert Path(location.strip()).is_relative_to(environment)

    koopbericht = str(scripts / "koopbericht")
    assert run([koopbericht, "--version"], cwd=tmp_path).splitlines()[0] == f"koopbericht {__version__}"
    run([koopbericht, "init", "--beispiel", "beispiel"], cwd=tmp_path)
    example = tmp_path / "beispiel"
    assert (example / "2023" / "meldungen" / "OB_Meldebogen_2023.xlsx").is_file()
    output = run([koopbericht, "build", "2023"], cwd=example)
    assert "47 Vorhaben veröffentlicht" in output
    outputs = example / "ausgabe" / "2023"
    with zipfile.ZipFile(outputs / "Kooperationsbericht-2023.docx") as document:
        body = document.read("word/document.xml").decode("utf-8")
    assert "Kooperationsbericht" in body
    assert "Entwicklung der Kooperationsvorhaben 2021 bis 2023" in body  # the earlier years came along
    assert (outputs / "Anlage-Uebersicht-2023.xlsx").is_file()
    assert (outputs / "vorlage-2023.oparl.json").is_file()
