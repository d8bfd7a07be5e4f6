"""The yearly round with the replies coming back as mails: erinnerung → replies → eingang → status → build."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from koopbericht.actions.status import year_status
from koopbericht.project.folder import Project

from ..conftest import run
from ..mails import reply, save, when
from .test_yearly_round import last_year, send_back


def filled(root: Path, code: str, **values: str) -> bytes:
    """The form `template` wrote for `code`, filled in by the department, as the bytes it attaches to its reply."""
    saved = send_back(root, code, **values)  # as the department fills it; it comes back by mail, not into meldungen/
    data = saved.read_bytes()
    saved.unlink()
    return data


def test_the_yearly_round_by_mail(tmp_path: Path, runner: CliRunner) -> None:
    root = last_year(tmp_path)
    project = ("-C", str(root))
    for command in (("jahr", "2024"), ("template", "2024")):
        code, output = run(runner, *command, *project)
        assert code == 0, output
    post = tmp_path / "postfach"
    # What the departments will send, filled in before anything is taken in (send_back works in meldungen/).
    gb1, gb2, gb2_corrected, gb3 = (
        filled(root, c, **v)
        for c, v in (("GB1", {}), ("GB2", {"Status": "erl?"}), ("GB2", {"Status": "laufend"}), ("GB3", {}))
    )
    save(
        reply("Erika Muster <e.muster@example.org>", "GB1", when(2), [("GB1_Meldebogen_2024.xlsx", gb1)]),
        post / "1.eml",
    )
    save(
        reply("m.probe@example.org", "AW: Meldebogen", when(3), [("Meldebogen.xlsx", gb2)], outlook=True),
        post / "2.eml",
    )
    code, output = run(runner, "eingang", "2024", str(post), *project)
    assert code == 0 and output.count(".xlsx – neu") == 2, output

    code, output = run(runner, "erinnerung", "2024", *project)
    assert code == 0, output
    drafts = root / "ausgabe" / "2024" / "erinnerungen"
    assert sorted(p.name for p in drafts.glob("*.eml")) == ["Erinnerung-2024-GB2.eml", "Erinnerung-2024-GB3.eml"]
    reminder_time = when(10).timestamp()  # the drafts went out on 10 April
    for draft in drafts.glob("*.eml"):
        os.utime(draft, (reminder_time, reminder_time))

    corrected = [("GB2_Meldebogen_2024.xlsx", gb2_corrected)]
    save(reply("Max Probe <m.probe@example.org>", "AW: Erinnerung", when(12), corrected), post / "3.eml")
    late = [("GB3.xlsx", gb3)]
    save(reply("soziales@example.org", "Meldebogen Soziales", when(15), late), post / "4.eml")
    shutil.copy(drafts / "Erinnerung-2024-GB3.eml", post)  # a draft dragged along: the office's own mail
    code, output = run(runner, "eingang", "2024", str(post), *project)
    assert code == 0, output
    assert "GB2: GB2_Meldebogen_2024.xlsx → GB2_Meldebogen_2024.xlsx – ersetzt (frühere Fassung aufbewahrt)" in output
    assert "Erinnerung-2024-GB3.eml – eigene E-Mail (Entwurf oder Erinnerung), nicht übernommen" in output
    assert output.count(".xlsx – unverändert") == 2 and "GB3: GB3.xlsx → GB3_Meldebogen_2024.xlsx – neu" in output
    assert len(list((root / "2024" / "meldungen" / "fruehere").iterdir())) == 1

    code, output = run(runner, "status", "2024", "--format", "json", *project)
    assert code == 0, output
    rows = {d["kuerzel"]: d for d in json.loads(output)["geschaeftsbereiche"]}
    assert [rows[c]["eingang"] for c in ("GB1", "GB2", "GB3")] == ["2024-04-02", "2024-04-12", "2024-04-15"]
    senders = {d.code: d.sender for d in year_status(Project.open(root), 2024).departments}
    assert senders == {"GB1": "Erika Muster <e.muster@example.org>", "GB2": "Max Probe <m.probe@example.org>",
                       "GB3": "soziales@example.org"}  # fmt: skip

    code, output = run(runner, "validate", "2024", *project)
    assert code == 0, output
    assert "2024/meldungen/GB2_Meldebogen_2024.xlsx kam mit der E-Mail von Max Probe <m.probe@example.org> vom " \
           "12.04.2024 („AW: Erinnerung“)." in output  # fmt: skip

    code, output = run(runner, "erinnerung", "2024", *project)
    assert code == 0 and "Keine Erinnerung nötig" in output, output

    vorlage = root / "2024" / "vorlage.toml"
    vorlage.write_text(vorlage.read_text(encoding="utf-8").replace("25/SVV/0000", "25/SVV/0042"), encoding="utf-8")
    (root / "2024" / "text" / "01-bericht.md").write_text("# Bericht 2024\n\nSie wuchs weiter.\n", "utf-8")
    code, output = run(runner, "build", "2024", "--endfassung", *project)
    assert code == 0 and "Endfassung" in output, output
