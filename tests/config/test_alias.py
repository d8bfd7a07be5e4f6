"""`koopbericht alias`: a spelling added to the partner register, the clerk's comments and layout kept."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from koopbericht.config.aliases import with_alias

from ..conftest import EXAMPLE, run
from ..workbooks import CONFIG, make_project

REGISTER = """\
[koerperschaft]
name = "Stadt Musterhausen"  # wie im Briefkopf

# Partnerverzeichnis
[[partner]]
name = "Landkreis Havelland"
aliase = ["LK HVL", "HVL"]   # so schreiben es die Fachbereiche
art = "Landkreis"

[[partner]]
# ohne Aliase bisher
name = "Gemeinde Kleinmachnow"
art = "Gemeinde"

[[partner]]
name = "Stadt Teltow"
aliase = [
    "Teltow",  # kurz
    "Teltow (Kreis PM)",
]
"""


def test_the_alias_is_appended_on_its_line_and_nothing_else_changes() -> None:
    edited = with_alias(REGISTER, 0, "Havelland")
    assert edited is not None
    expected = REGISTER.replace('["LK HVL", "HVL"]   #', '["LK HVL", "HVL", "Havelland"]   #')
    assert edited == expected


def test_a_partner_without_aliases_gets_the_line_below_its_name() -> None:
    edited = with_alias(REGISTER, 1, 'Klein-Machnow "alt"')
    assert edited is not None
    assert edited.replace('aliase = ["Klein-Machnow \\"alt\\""]\n', "", 1) == REGISTER
    assert tomllib.loads(edited)["partner"][1]["aliase"] == ['Klein-Machnow "alt"']
    assert '# ohne Aliase bisher\nname = "Gemeinde Kleinmachnow"\naliase = [' in edited


def test_an_array_over_several_lines_gets_a_line_of_its_own() -> None:
    edited = with_alias(REGISTER, 2, "Stadt Teltow (TF)")
    assert edited == REGISTER.replace('"Teltow (Kreis PM)",\n]', '"Teltow (Kreis PM)",\n    "Stadt Teltow (TF)",\n]')
    without_comma = REGISTER.replace('"Teltow (Kreis PM)",', '"Teltow (Kreis PM)"  # lang')
    edited = with_alias(without_comma, 2, "Stadt Teltow (TF)")
    assert edited is not None and '    "Teltow (Kreis PM)",  # lang\n    "Stadt Teltow (TF)",\n]' in edited


def test_a_layout_that_cannot_be_edited_line_by_line_is_left_alone() -> None:
    inline = 'partner = [{ name = "Stadt Teltow" }]\n'
    assert with_alias(inline, 0, "Teltow") is None


def test_alias_command_keeps_the_example_file_but_for_one_line(runner: CliRunner, example_copy: Path) -> None:
    code, output = run(runner, "alias", "Schwielow-See", "Gemeinde Schwielowsee", "-C", str(example_copy))
    assert code == 0, output
    before = (EXAMPLE / "koopbericht.toml").read_text(encoding="utf-8").splitlines()
    after = (example_copy / "koopbericht.toml").read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [('aliase = ["Schwielowsee"]', 'aliase = ["Schwielowsee", "Schwielow-See"]')]
    code, output = run(runner, "validate", "2023", "-C", str(example_copy))
    assert "Schwielow-See" not in output and "partner-unbekannt" not in output
    code, output = run(runner, "alias", "schwielow-see", "Gemeinde Schwielowsee", "-C", str(example_copy))
    assert code == 0 and "schon ein Alias" in output
    assert (example_copy / "koopbericht.toml").read_text(encoding="utf-8").splitlines() == after


def test_alias_refuses_an_unknown_partner_and_a_spelling_of_another(runner: CliRunner, tmp_path: Path) -> None:
    root = make_project(tmp_path / "projekt")
    project = ("-C", str(root))
    code, output = run(runner, "alias", "Schwielow-See", "Gemeinde Schwielowse", *project)
    assert code == 2 and "„Gemeinde Schwielowse“ steht nicht im Partnerverzeichnis" in output
    code, output = run(runner, "alias", "LK PM", "Stadt Werder (Havel)", *project)
    flat = " ".join(output.split())
    assert code == 2 and "„LK PM“ ist schon Name oder Alias von „Landkreis Potsdam-Mittelmark“" in flat
    code, output = run(runner, "alias", "Werder an der Havel", "Werder", *project)  # an alias names its partner
    assert code == 0 and "Alias von „Stadt Werder (Havel)“" in output
    assert (root / "koopbericht.toml").read_text(encoding="utf-8") == CONFIG.replace(
        'aliase = ["Werder"]', 'aliase = ["Werder", "Werder an der Havel"]'
    )


def test_alias_keeps_the_line_ends_of_a_crlf_file(runner: CliRunner, example_copy: Path) -> None:
    config = example_copy / "koopbericht.toml"
    before = (EXAMPLE / "koopbericht.toml").read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    config.write_bytes(before)
    code, output = run(runner, "alias", "Schwielow-See", "Gemeinde Schwielowsee", "-C", str(example_copy))
    assert code == 0, output
    after = config.read_bytes()
    assert after.count(b"\n") == after.count(b"\r\n") == before.count(b"\r\n")  # every line still ends in CRLF
    changed = [(old, new) for old, new in zip(before.split(b"\r\n"), after.split(b"\r\n"), strict=True) if old != new]
    assert changed == [(b'aliase = ["Schwielowsee"]', b'aliase = ["Schwielowsee", "Schwielow-See"]')]
