"""Write the example's Word contribution `examples/potsdam/2023/text/03-radverkehr.docx`.

Run from the repository root: `python examples/make_word_text.py`. The file is committed;
this script documents how it was made. It stands for a section a Geschäftsbereich sends
in as a Word document: a heading, paragraphs, a bullet list, a bold word, a link and a
placeholder, which Word has split over two runs as it often does. `MARKDOWN_TWIN` is the
same section written in Markdown; the Vorlage must come out the same either way
(tests/test_word_text.py builds both).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

TARGET = Path(__file__).parent / "potsdam" / "2023" / "text" / "03-radverkehr.docx"
LINK = "https://www.potsdam.de/"
PARTNERS = [
    "der Landkreis Potsdam-Mittelmark und der Bezirk Steglitz-Zehlendorf,",
    "die Berliner Senatsverwaltung für Umwelt, Verkehr und Klimaschutz,",
    "die Städte Teltow und Werder (Havel) sowie",
    "die Gemeinden Kleinmachnow, Stahnsdorf, Nuthetal und Schwielowsee.",
]

MARKDOWN_TWIN = """\
## Radschnellverbindungen Südwest

*Beitrag des Geschäftsbereichs Stadtentwicklung, Bauen, Wirtschaft und Mobilität*

Berlin plant Radschnellverbindungen bis an die Landesgrenze. Damit sie dort nicht enden, hat die
Landeshauptstadt 2023 mit ihren Nachbarn im Südwesten untersucht, wie die Trassen ins Umland
weitergeführt werden können. Beteiligt waren:

- der Landkreis Potsdam-Mittelmark und der Bezirk Steglitz-Zehlendorf,
- die Berliner Senatsverwaltung für Umwelt, Verkehr und Klimaschutz,
- die Städte Teltow und Werder (Havel) sowie
- die Gemeinden Kleinmachnow, Stahnsdorf, Nuthetal und Schwielowsee.

Das Konzept rät, **zuerst** die Verbindungen nach Wannsee und nach Teltow zu planen, weil sie die
meisten Wohn- und Arbeitsorte erschließen. Das Vorhaben ist eines von {{ anzahl_aktivitaeten }}
Vorhaben, die die Geschäftsbereiche für {{ berichtsjahr }} gemeldet haben. Über den weiteren Weg
informiert die [Landeshauptstadt Potsdam](https://www.potsdam.de/).
"""


def add_link(paragraph: Paragraph, text: str, url: str) -> None:
    """A hyperlink as Word writes it: w:hyperlink with a relationship, its run in the Hyperlink style."""
    relation = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            '<w:hyperlink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            f'r:id="{relation}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{text}</w:t></w:r>'
            "</w:hyperlink>"
        )
    )


def main() -> None:
    document = Document()
    document.core_properties.author = "GB4 (Beispieldaten)"
    document.core_properties.created = document.core_properties.modified = dt.datetime(2024, 2, 20, 9, 0, 0)
    document.add_heading("Radschnellverbindungen Südwest", 2)
    document.add_paragraph().add_run(
        "Beitrag des Geschäftsbereichs Stadtentwicklung, Bauen, Wirtschaft und Mobilität"
    ).italic = True
    document.add_paragraph(
        "Berlin plant Radschnellverbindungen bis an die Landesgrenze. Damit sie dort nicht enden, hat die "
        "Landeshauptstadt 2023 mit ihren Nachbarn im Südwesten untersucht, wie die Trassen ins Umland "
        "weitergeführt werden können. Beteiligt waren:"
    )
    for partner in PARTNERS:
        document.add_paragraph(partner, style="List Bullet")
    paragraph = document.add_paragraph("Das Konzept rät, ")
    paragraph.add_run("zuerst").bold = True
    paragraph.add_run(
        " die Verbindungen nach Wannsee und nach Teltow zu planen, weil sie die meisten Wohn- und "
        "Arbeitsorte erschließen. Das Vorhaben ist eines von {{ anzahl_"
    )
    paragraph.add_run("aktivitaeten }} Vorhaben, die die Geschäftsbereiche für {{ berichtsjahr }} gemeldet haben. ")
    paragraph.add_run("Über den weiteren Weg informiert die ")
    add_link(paragraph, "Landeshauptstadt Potsdam", LINK)
    paragraph.add_run(".")
    document.save(str(TARGET))
    print(TARGET)


if __name__ == "__main__":
    main()
