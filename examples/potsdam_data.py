"""Illustrative activities of the example working folder `examples/potsdam/`.

Facts (partners, bodies, projects, dates) follow the public Vorlage 24/SVV/1155 of the
Landeshauptstadt Potsdam; every sentence is our own, the assignment to departments
and all contact persons are invented. Not official figures.

Each activity is the 2023 version; `y2022` holds what differed in 2022 (None: not yet
reported in 2022), `only_2022` marks activities that were no longer reported in 2023.
`IN_2021` holds, by Nr., what differed in 2021 from the 2022 version (an activity not in it
was not reported in 2021); `ONLY_2021` are the activities that ended in 2021.
Every activity reported in two consecutive years has its own Beschreibung/Sachstand in each:
a Sachstand is rewritten every year, and an unchanged one is a `sachstand-unveraendert`
warning in `koopbericht validate`.
The planted differences and imperfections are listed in examples/potsdam/LIESMICH.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.datetime

GREMIEN = "Gremien und Verbandsarbeit"
REGION = "Regionalentwicklung und Wirtschaft"
MOBIL = "Mobilität und Verkehr"
DIGITAL = "Digitalisierung und Smart City"
DASEIN = "Daseinsvorsorge und Gesundheit"
MIGRATION = "Migration und Integration"
BILDUNG = "Bildung, Kultur und Sport"
KLIMA = "Klima, Umwelt und Wasser"
SICHER = "Sicherheit und Ordnung"

Activity = dict[str, Any]

ACTIVITIES: dict[str, list[Activity]] = {
    "OB": [
        {
            "nr": "OB-001", "handlungsfeld": GREMIEN,
            "vorhaben": "Mitarbeit im Präsidium des Städte- und Gemeindebundes Brandenburg",
            "partner": "Städte- und Gemeindebund Brandenburg",
            "form": "Mitgliedschaft", "status": "laufend", "beginn": "2018",
            "beschreibung": "Der Oberbürgermeister vertritt die Landeshauptstadt im Präsidium und in den "
            "Arbeitsgemeinschaften des Verbandes und bringt dort die Sicht einer großen kreisfreien Stadt ein.",
            "ergebnis": "Gemeinsame Positionen zur Finanzausstattung der Kommunen und zur Digitalisierung.",
            "finanzierung": "Mitgliedsbeitrag aus dem Haushalt",
            "ansprechpartner": "Jana Beispiel, j.beispiel@example.org",
            "y2022": {"beschreibung": "Der Oberbürgermeister arbeitet im Präsidium des Verbandes mit; Schwerpunkte "
                      "2022 waren die Energiepreise und die Unterbringung von Geflüchteten aus der Ukraine."},
        },
        {
            "nr": "OB-002", "handlungsfeld": GREMIEN,
            "vorhaben": "Präsidium und Sportausschuss des Deutschen Städtetages",
            "partner": "Deutscher Städtetag",
            "form": "Mitgliedschaft", "status": "laufend", "beginn": "2018",
            "beschreibung": "Mitwirkung im Präsidium, im Sportausschuss und in der Konferenz der "
            "Oberbürgermeister ostdeutscher Städte; Themen 2023 waren unter anderem die Fernwärme, die "
            "Lage kommunaler Unternehmen und die Finanzierung der Krankenhäuser.",
            "ergebnis": "Vorschläge zur Sportinfrastruktur im Hinblick auf die Olympischen Spiele 2024.",
            "finanzierung": "Mitgliedsbeitrag aus dem Haushalt",
            "ansprechpartner": "Jana Beispiel, j.beispiel@example.org",
            "y2022": {"beschreibung": "Mitwirkung im Präsidium und im Sportausschuss; 2022 standen die Folgen der "
                      "Energiekrise für die Städte und die Aufnahme von Geflüchteten im Vordergrund."},
        },
        {
            "nr": "OB-003", "handlungsfeld": REGION,
            "vorhaben": "Kommunales Nachbarschaftsforum Berlin-Brandenburg",
            "partner": "KNF; Land Berlin; Landkreis Potsdam-Mittelmark",
            "form": "Mitgliedschaft", "status": "laufend", "beginn": D(2020, 5, 1),
            "beschreibung": "Die Stadt ist Gründungsmitglied des Vereins und arbeitet in den Arbeitsgruppen "
            "West und Süd mit. Die Jahreskonferenz 2023 stand unter dem Thema eines klimaneutralen KNF-Raums.",
            "ergebnis": "2024 soll ein gemeinsames Leitbild für die Arbeit des Forums entstehen.",
            "finanzierung": "Mitgliedsbeitrag",
            "ansprechpartner": "Tom Muster, t.muster@example.org",
            "y2022": {"ergebnis": "Vorbereitung der Jahreskonferenz 2023.",
                      "beschreibung": "Die Stadt ist Gründungsmitglied des Vereins und arbeitet in den "
                      "Arbeitsgruppen West und Süd mit. 2022 wurden Themen für die nächste Jahreskonferenz "
                      "gesammelt."},
        },
        {
            "nr": "OB-004", "handlungsfeld": REGION,
            "vorhaben": "Regionalgespräch mit den Nachbarn Potsdams",
            "partner": "LK PM; Landkreis Havelland; Ketzin; Kleinmachnow; Michendorf; Nuthetal; "
            "Stahnsdorf; Wustermark; Falkensee; Teltow; Werder; Bezirk Spandau; Bezirk Steglitz-Zehlendorf",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": "2016",
            "beschreibung": "Jährliches Treffen der Landräte, Bürgermeisterinnen und Bürgermeister sowie der "
            "Berliner Bezirke. Am 19. Juni 2023 ging es um Smart Region, den Umgang mit Geflüchteten "
            "(Modellprojekt Spurwechsel) und Cyberangriffe auf kommunale Einrichtungen.",
            "ergebnis": "Erfahrungen zu Cyberangriffen werden künftig enger geteilt.",
            "ansprechpartner": "Tom Muster, t.muster@example.org",
            "bemerkung": "Einladungsliste bitte mit Protokoll abgleichen.",
            "y2022": {"beschreibung": "Jährliches Treffen der Landräte, Bürgermeisterinnen und Bürgermeister sowie "
                      "der Berliner Bezirke. 2022 ging es vor allem um die Aufnahme von Geflüchteten aus der "
                      "Ukraine und die Energieversorgung."},
        },
        {
            "nr": "OB-005", "handlungsfeld": DASEIN,
            "vorhaben": "Gemeinsame Sitzung von Hauptausschuss und Kreisausschuss Potsdam-Mittelmark",
            "partner": "Landkreis Potsdam-Mittelmark",
            "form": "Gremium / Arbeitskreis", "status": "laufend", "beginn": D(2023, 10, 17),
            "beschreibung": "Die Sitzung am 17. Oktober 2023 im Potsdam Museum befasste sich mit einer "
            "gemeinsamen Wasserstrategie, der Schulentwicklungsplanung und dem Klinikum in Bad Belzig.",
            "ergebnis": "Die nächste gemeinsame Sitzung findet 2024 in Potsdam-Mittelmark statt.",
            "ansprechpartner": "Jana Beispiel, j.beispiel@example.org",
            "y2022": None,
        },
        {
            "nr": "OB-006", "handlungsfeld": GREMIEN,
            "vorhaben": "Konferenzen des Ministeriums des Innern und für Kommunales  ",
            "partner": "MIK; Land Brandenburg",
            "form": "Gremium / Arbeitskreis", "status": "laufend", "beginn": "2019",
            "beschreibung": "Die Oberbürgermeister und Landrätinnen beraten mit der Landesregierung über "
            "Flucht und Einbürgerung, den Rettungsdienst, Kita und Schule sowie die kommunalen Haushalte.",
            "ansprechpartner": "Jana Beispiel, j.beispiel@example.org",
            "y2022": {"beschreibung": "Regelmäßige Beratungen mit der Landesregierung, 2022 vor allem zur Aufnahme "
                      "von Geflüchteten und zu den Folgen der Energiekrise für die Kommunen."},
        },
        {
            "nr": "OB-007", "handlungsfeld": REGION,
            "vorhaben": "Regionale Planungsgemeinschaft Havelland-Fläming",
            "partner": "RPG Havelland-Fläming; Landkreis Havelland; Landkreis Teltow-Fläming; "
            "Landkreis Potsdam-Mittelmark; Stadt Brandenburg an der Havel",
            "form": "Gremium / Arbeitskreis", "status": "laufend", "beginn": "2010",
            "beschreibung": "Der Oberbürgermeister vertritt die Stadt in den Gremien der "
            "Planungsgemeinschaft und ist erster Stellvertreter des Vorsitzenden.",
            "finanzierung": "Umlage",
            "ansprechpartner": "Tom Muster, t.muster@example.org",
            "y2022": {"beschreibung": "Der Oberbürgermeister arbeitet in der Regionalversammlung mit; beraten wurde "
                      "2022 unter anderem die Fortschreibung des Regionalplans."},
        },
        {
            "nr": "OB-008", "handlungsfeld": MIGRATION,
            "vorhaben": "Koordination des Bündnisses Städte Sicherer Häfen",
            "partner": "Bündnis Städte Sicherer Häfen",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": D(2019, 6, 1),
            "beschreibung": "Potsdam koordiniert das Netzwerk mit inzwischen 125 Mitgliedern. 2023 trafen "
            "sich die Länderkoordinatorinnen und -koordinatoren sechsmal; ein bundesweites Online-Treffen "
            "brachte 34 Städte zusammen.",
            "ergebnis": "Eine Reihe von Web-Seminaren zu guten Beispielen ist geplant.",
            "ansprechpartner": "Lea Probe, l.probe@example.org",
            "y2022": {"beschreibung": "Potsdam koordiniert das Netzwerk der Bündnisstädte und bereitet die "
                      "Treffen der Länderkoordinatorinnen und -koordinatoren vor."},
        },
        {
            "nr": "OB-009", "handlungsfeld": SICHER,
            "vorhaben": "Austausch der Krisenstäbe zur Pandemielage",
            "partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland",
            "form": "Erfahrungsaustausch", "status": "abgeschlossen", "beginn": D(2020, 3, 16),
            "ende": D(2022, 6, 30),
            "beschreibung": "Regelmäßige Abstimmung der Krisenstäbe zu Schutzmaßnahmen und Impfangeboten.",
            "ansprechpartner": "Lea Probe, l.probe@example.org",
            "only_2022": True,
        },
    ],
    "GB1": [
        {
            "nr": "GB1-001", "handlungsfeld": DIGITAL,
            "vorhaben": "Aufbau des Regio.hub als Partnernetzwerk für eine Smart Region",
            "partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland; Landkreis Teltow-Fläming; "
            "Stadt Brandenburg an der Havel; Luckenwalde; Ludwigsfelde; Bad Belzig; Wiesenburg/Mark",
            "form": "Gemeinsames Projekt", "status": "laufend", "beginn": "03/2022",
            "beschreibung": "Der Regio.hub soll digitale Projekte bündeln, die eine Kommune allein kaum "
            "stemmen kann, etwa zu Gesundheit, Mobilität und Wasser. 2023 wurde das Konzept geschärft und "
            "eine Absichtserklärung für die Gründungspartner vorbereitet.",
            "ergebnis": "Workshop aller interessierten Partner im Dezember 2023 im PotsdamLab.",
            "finanzierung": "Modellprojekte Smart Cities (Bundesförderung)",
            "ansprechpartner": "Max Mustermann, m.mustermann@example.org",
            "y2022": {
                "partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland",
                "status": "geplant",
                "beschreibung": "Erste Gespräche mit den Nachbarkreisen über ein gemeinsames Netzwerk für "
                "digitale Lösungen in der Region.",
                "ergebnis": "",
            },
        },
        {
            "nr": "GB1-002", "handlungsfeld": DIGITAL,
            "vorhaben": "Vorstellung des Regio.hub bei Land und Wirtschaftsförderung",
            "partner": "DigitalAgentur Brandenburg; WFBB; MIL; Staatskanzlei Brandenburg; Berlin Partner; "
            "Senatskanzlei Berlin",
            "form": "Erfahrungsaustausch", "status": "abgeschlossen", "beginn": "2023", "ende": D(2023, 11, 30),
            "beschreibung": "Das Vorhaben wurde bei Landesstellen und Wirtschaftsförderern beider Länder "
            "vorgestellt, um Unterstützer zu gewinnen.",
            "ansprechpartner": "Max Mustermann, m.mustermann@example.org",
            "y2022": None,
        },
        {
            "nr": "GB1-003", "handlungsfeld": DIGITAL,
            "vorhaben": "Regionale Datenplattform mit Potsdam-Mittelmark",
            "partner": "Landkreis Potsdam-Mittelmark",
            "form": "Studie / Konzept", "status": "geplant", "beginn": "2024",
            "beschreibung": "Gemeinsam soll geprüft werden, wie offene Daten beider Verwaltungen auf einer "
            "Plattform bereitgestellt werden können.",
            "ansprechpartner": "Max Mustermann, m.mustermann@example.org",
            "y2022": None,
        },
        {
            "nr": "GB1-004", "handlungsfeld": DIGITAL,
            "vorhaben": "Mitgliedschaft im Zweckverband Digitale Kommunen Brandenburg",
            "partner": "Zweckverband Digitale Kommunen Brandenburg",
            "form": "Zweckverband", "status": "laufend", "beginn": D(2021, 1, 1),
            "beschreibung": "Gemeinsame Beschaffung und Nutzung von Fachverfahren und Online-Diensten.",
            "finanzierung": "Verbandsumlage",
            "ansprechpartner": "Sven Test, s.test@example.org",
            "y2022": {"beschreibung": "Nutzung gemeinsam beschaffter Fachverfahren; 2022 kamen erste Online-Dienste "
                      "nach dem Onlinezugangsgesetz hinzu."},
        },
        {
            "nr": "GB1-005", "handlungsfeld": SICHER,
            "vorhaben": "Arbeitskreis Informationssicherheit der Kommunen",
            "partner": "Städte- und Gemeindebund Brandenburg; Landkreis Potsdam-Mittelmark; "
            "Stadt Brandenburg an der Havel",
            "form": "Arbeitskreis", "status": "in Arbeit", "beginn": "1.3.2022",
            "beschreibung": "Austausch über Vorfälle, Notfallpläne und Schulungen nach den Cyberangriffen "
            "auf Verwaltungen in der Region.",
            "ansprechpartner": "Sven Test, s.test@example.org",
            "y2022": {"form": "Gremium / Arbeitskreis", "status": "laufend", "beginn": D(2022, 3, 1),
                      "beschreibung": "Der Arbeitskreis hat sich im März 2022 gegründet; die ersten Treffen "
                      "dienten dem Austausch über Notfallpläne."},
        },
        {
            "nr": "GB1-006", "handlungsfeld": REGION,
            "vorhaben": "Erfahrungsaustausch zu kommunalen Finanzen",
            "partner": "Stadt Brandenburg an der Havel; Stadt Cottbus; Stadt Frankfurt (Oder)",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": "2019",
            "beschreibung": "Die Kämmereien der kreisfreien Städte vergleichen Haushaltsplanung, "
            "Kennzahlen und Erfahrungen mit dem Finanzausgleich.",
            "ansprechpartner": "Sven Test, s.test@example.org",
            "y2022": {"beschreibung": "Die Kämmereien der kreisfreien Städte tauschen sich zur Haushaltsplanung und "
                      "zu den Folgen steigender Energiekosten aus."},
        },
        {
            "nr": "GB1-007", "handlungsfeld": DIGITAL,
            "vorhaben": "Smart City Convention und PotsdamLab als Ort für Partner",
            "partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": "2022",
            "beschreibung": "Das PotsdamLab dient als Treffpunkt für regionale Partner; bei der Eröffnung und "
            "auf der Smart City Convention wurden Kontakte für den Regio.hub geknüpft.",
            "ansprechpartner": "Max Mustermann, m.mustermann@example.org",
            "y2022": {"beschreibung": "Vorbereitung des PotsdamLab als Treffpunkt für Partner aus Stadt und Region; "
                      "erste Kontakte auf der Smart City Convention."},
        },
        {
            "nr": "GB1-008", "handlungsfeld": REGION,
            "vorhaben": "Einkaufskooperation für Büromaterial und IT-Zubehör",
            "partner": "Stadt Werder (Havel); Gemeinde Schwielowsee; Gemeinde Michendorf",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2020",
            "beschreibung": "Gemeinsame Ausschreibungen senken Preise und Aufwand für die kleineren Partner.",
            "ansprechpartner": "Sven Test, s.test@example.org",
            "y2022": {"beschreibung": "Gemeinsame Ausschreibung für Büromaterial; die Erweiterung auf IT-Zubehör "
                      "wird vorbereitet."},
        },
    ],
    "GB2": [
        {
            "nr": "GB2-008", "handlungsfeld": BILDUNG,
            "vorhaben": "Volkshochschule: gemeinsames Kursangebot",
            "partner": "Landkreis Potsdam-Mittelmark; Stadt Werder (Havel)",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2016",
            "beschreibung": "Abgestimmtes Programm, gegenseitige Anerkennung von Kursen und gemeinsame Werbung.",
            "ansprechpartner": "Eva Beispiel, e.beispiel@example.org",
            "y2022": {"beschreibung": "Abgestimmtes Kursprogramm; 2022 wurde die gegenseitige Anerkennung von "
                      "Kursen vereinbart."},
        },
        {
            "nr": "GB2-001", "handlungsfeld": BILDUNG,
            "vorhaben": "Abstimmung der Schulentwicklungsplanung",
            "partner": "Landkreis Potsdam-Mittelmark",
            "form": "Gremium / Arbeitskreis", "status": "laufend", "beginn": "2019",
            "beschreibung": "Stadt und Landkreis stimmen Schülerzahlen, Einzugsbereiche und neue "
            "Schulstandorte ab, da viele Kinder aus dem Umland Potsdamer Schulen besuchen.",
            "ergebnis": "Thema der gemeinsamen Sitzung der Ausschüsse im Oktober 2023.",
            "ansprechpartner": "Eva Beispiel, e.beispiel@example.org",
            "y2022": {"beschreibung": "Stadt und Landkreis gleichen die erwarteten Schülerzahlen ab und beraten "
                      "über Einzugsbereiche an der Stadtgrenze."},
        },
        {
            "nr": "GB2-002", "handlungsfeld": BILDUNG,
            "vorhaben": "Gastschulbeiträge mit den Umlandgemeinden",
            "partner": "Gemeinde Michendorf; Gemeinde Nuthetal; Gemeinde Schwielowsee; Stadt Werder (Havel)",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": D(2017, 8, 1),
            "beschreibung": "Vereinbarungen über die Kostenerstattung für Schülerinnen und Schüler, die "
            "eine Schule in einer anderen Kommune besuchen.",
            "finanzierung": "Erstattungen nach Schulgesetz",
            "ansprechpartner": "Eva Beispiel, e.beispiel@example.org",
            "y2022": {"beschreibung": "Vereinbarungen zur Kostenerstattung für Schülerinnen und Schüler aus dem "
                      "Umland; 2022 wurden die Sätze an die gestiegenen Kosten angepasst."},
        },
        {
            "nr": "GB2-003", "handlungsfeld": BILDUNG,
            "vorhaben": "Sportentwicklung und Sportstätten in der Region",
            "partner": "Deutscher Städtetag; Landkreis Potsdam-Mittelmark",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": "2021",
            "beschreibung": "Abstimmung über die Nutzung von Hallen und Plätzen durch Vereine aus Stadt und "
            "Umland sowie über Sanierungsbedarfe.",
            "ansprechpartner": "Paul Probe, p.probe@example.org",
            "y2022": {"beschreibung": "Abstimmung über die Belegung von Hallen und Plätzen durch Vereine aus Stadt "
                      "und Umland."},
        },
        {
            "nr": "GB2-004", "handlungsfeld": BILDUNG,
            "vorhaben": "Verbund der öffentlichen Bibliotheken",
            "partner": "Stadt Brandenburg an der Havel; Stadt Werder (Havel); Stadt Teltow",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2015",
            "beschreibung": "Gemeinsamer Katalog und gegenseitige Fernleihe der beteiligten Bibliotheken.",
            "finanzierung": "anteilig nach Einwohnerzahl",
            "ansprechpartner": "Paul Probe, p.probe@example.org",
            "y2022": {"beschreibung": "Gemeinsamer Katalog und Fernleihe; 2022 wurde der Katalog auf ein neues "
                      "Bibliothekssystem umgestellt."},
        },
        {
            "nr": "GB2-005", "handlungsfeld": BILDUNG,
            "vorhaben": "Musikschulkooperation mit Potsdam-Mittelmark",
            "partner": "PM",
            "y2022": {"nr": "", "vorhaben": "Musikschulkooperation mit dem Landkreis Potsdam-Mittelmark",
                      "partner": "Landkreis Potsdam-Mittelmark",
                      "beschreibung": "Kinder aus dem Landkreis können die städtische Musikschule besuchen; "
                      "die Bedingungen werden neu verhandelt."},
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2020",
            "beschreibung": "Kinder aus den Nachbargemeinden können Angebote der städtischen Musikschule "
            "zu gleichen Bedingungen nutzen.",
            "ansprechpartner": "Paul Probe, p.probe@example.org",
        },
        {
            "nr": "GB2-006", "handlungsfeld": BILDUNG,
            "vorhaben": "Kulturland Brandenburg: gemeinsames Themenjahr",
            "partner": "Land Brandenburg; Stadt Brandenburg an der Havel; Landkreis Havelland",
            "form": "Gemeinsames Projekt", "status": "abgeschlossen", "beginn": D(2022, 1, 1),
            "ende": D(2022, 12, 31),
            "beschreibung": "Abgestimmtes Veranstaltungsprogramm der beteiligten Kultureinrichtungen.",
            "ansprechpartner": "Paul Probe, p.probe@example.org",
            "only_2022": True,
        },
        {
            "nr": "GB2-007", "handlungsfeld": BILDUNG,
            "vorhaben": "Jugendhilfeplanung an den Stadtgrenzen",
            "partner": "Landkreis Potsdam-Mittelmark; Gemeinde Kleinmachnow; Gemeinde Stahnsdorf",
            "form": "Gremium / Arbeitskreis", "status": "laufend", "beginn": "2021",
            "beschreibung": "Abstimmung über Angebote der Jugendarbeit, die von Jugendlichen beiderseits "
            "der Stadtgrenze genutzt werden.",
            "ansprechpartner": "Eva Beispiel, e.beispiel@example.org",
            "y2022": {"beschreibung": "Erste Abstimmungen über Jugendclubs und Streetwork an der Grenze zu "
                      "Kleinmachnow und Stahnsdorf."},
        },
    ],
    "GB3": [
        {
            "nr": "GB3-001", "handlungsfeld": DASEIN,
            "vorhaben": "Klinikum Ernst von Bergmann Bad Belzig",
            "partner": "Klinikum Bad Belzig; Landkreis Potsdam-Mittelmark",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2019",
            "beschreibung": "Stadt und Landkreis tragen gemeinsam Verantwortung für die stationäre "
            "Versorgung im Fläming; 2023 wurde über die künftige Ausrichtung des Standorts beraten.",
            "ergebnis": "Bericht zum Sachstand in der gemeinsamen Ausschusssitzung.",
            "ansprechpartner": "Nora Muster, n.muster@example.org",
            "y2022": {"beschreibung": "Stadt und Landkreis tragen gemeinsam Verantwortung für das Krankenhaus in "
                      "Bad Belzig; 2022 ging es um die Folgen der Pandemie für den Betrieb."},
        },
        {
            "nr": "GB3-002", "handlungsfeld": DASEIN,
            "vorhaben": "Gebührenfinanzierung im Rettungsdienst",
            "partner": "Land Brandenburg; Landkreis Potsdam-Mittelmark; Landkreis Havelland",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": "2022",
            "beschreibung": "Gemeinsame Haltung der Träger des Rettungsdienstes gegenüber den "
            "Krankenkassen und dem Land zur Kostendeckung.",
            "ansprechpartner": "Nora Muster, n.muster@example.org",
            "y2022": {"beschreibung": "Erste Abstimmungen der Träger des Rettungsdienstes über die "
                      "Gebührenbescheide und die Verhandlungen mit den Krankenkassen."},
        },
        {
            "nr": "GB3-003", "handlungsfeld": MIGRATION,
            "vorhaben": "Modellprojekt Spurwechsel",
            "partner": "Landkreis Potsdam-Mittelmark; Land Brandenburg",
            "form": "Gemeinsames Projekt", "status": "laufend", "beginn": "2023",
            "beschreibung": "Geflüchtete mit Duldung werden beim Wechsel in Ausbildung und Beschäftigung "
            "begleitet; Erfahrungen wurden im Regionalgespräch vorgestellt.",
            "finanzierung": "Landesmittel",
            "ansprechpartner": "Omar Beispiel, o.beispiel@example.org",
            "y2022": None,
        },
        {
            "nr": "GB3-004", "handlungsfeld": MIGRATION,
            "vorhaben": "Unterbringung von Geflüchteten in der Region",
            "partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland; MIK",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": D(2022, 3, 1),
            "beschreibung": "Abstimmung über Aufnahmequoten, Unterkünfte und Integrationsangebote.",
            "ansprechpartner": "Omar Beispiel, o.beispiel@example.org",
            "y2022": {"beschreibung": "Abstimmung über die Aufnahme von Menschen aus der Ukraine."},
        },
        {
            "nr": "GB3-005", "handlungsfeld": SICHER,
            "vorhaben": "Integrierte Regionalleitstelle Nordwest",
            "partner": "Stadt Brandenburg an der Havel; Landkreis Havelland; Landkreis Potsdam-Mittelmark",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2012",
            "beschreibung": "Gemeinsame Leitstelle für Brandschutz und Rettungsdienst.",
            "finanzierung": "Kostenteilung nach Einsatzaufkommen",
            "ansprechpartner": "Nora Muster, n.muster@example.org",
            "y2022": {"beschreibung": "Gemeinsamer Betrieb der Leitstelle; 2022 wurde die Kostenteilung zwischen "
                      "den Trägern überprüft."},
        },
        {
            "nr": "GB3-006", "handlungsfeld": SICHER,
            "vorhaben": "Katastrophenschutzübung mit den Nachbarkreisen",
            "partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland",
            "form": "Gemeinsames Projekt", "status": "abgeschlossen", "beginn": D(2023, 4, 1),
            "beschreibung": "Gemeinsame Übung zum Ausfall der Stromversorgung.",
            "ergebnis": "Auswertung mit Empfehlungen für die Alarmierung.",
            "ansprechpartner": "Nora Muster, n.muster@example.org",
            "y2022": None,
        },
        {
            "nr": "GB3-007", "handlungsfeld": DASEIN,
            "vorhaben": "Gesundheitsregion Havelland-Fläming",
            "partner": "Landkreis Teltow-Fläming; Landkreis Potsdam-Mittelmark; Stadt Brandenburg an der Havel",
            "form": "Gremium / Arbeitskreis", "status": "ruhend", "beginn": "2020",
            "beschreibung": "Arbeitskreis zur ambulanten Versorgung; ruht, bis die Landesplanung vorliegt.",
            "ansprechpartner": "Nora Muster, n.muster@example.org",
            "y2022": {"status": "laufend",
                      "beschreibung": "Arbeitskreis zur ambulanten Versorgung in der Region."},
        },
        {
            "nr": "GB3-008", "handlungsfeld": SICHER,
            "vorhaben": "Gemeinsame Ausbildung im Brandschutz",
            "partner": "Stadt Brandenburg an der Havel; Landkreis Potsdam-Mittelmark",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2017",
            "beschreibung": "Lehrgänge der Berufsfeuerwehr stehen auch Einsatzkräften der Nachbarn offen.",
            "ansprechpartner": "Nora Muster, n.muster@example.org",
            "y2022": {"beschreibung": "Einsatzkräfte der Nachbarn können an einzelnen Lehrgängen der "
                      "Berufsfeuerwehr teilnehmen."},
        },
    ],
    "GB4": [
        {
            "nr": "GB4-001", "handlungsfeld": MOBIL,
            "vorhaben": "Studie zur Optimierung des Regionalbusverkehrs",
            "partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland; regiobus; Havelbus",
            "form": "Studie / Konzept", "status": "laufend", "beginn": "2022",
            "beschreibung": "Untersucht wird, wie Regionalbusse Stadt und Umland besser verbinden, den "
            "Pendlerverkehr mit dem Auto verringern und zugleich wirtschaftlich betrieben werden können.",
            "ergebnis": "Erste Linienvorschläge liegen vor.",
            "finanzierung": "Eigenmittel der Partner",
            "ansprechpartner": "Karl Probe, k.probe@example.org",
            "y2022": {"partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland; regiobus",
                      "ergebnis": "Ausschreibung der Studie.",
                      "beschreibung": "Vorbereitung einer Studie, wie Regionalbusse Stadt und Umland besser "
                      "verbinden können."},
        },
        {
            "nr": "GB4-002", "handlungsfeld": MOBIL,
            "vorhaben": "Netzweites regionales Verkehrsmanagement (NRVM)",
            "partner": "Landkreis Potsdam-Mittelmark; Landesbetrieb Straßenwesen; Kleinmachnow; Michendorf; "
            "Nuthetal; Schwielowsee; Werder (Havel)",
            "form": "Gemeinsames Projekt", "status": "laufend", "beginn": "2021",
            "beschreibung": "Das städtische Verkehrsmanagement wird zu einem regionalen System mit "
            "Qualitätsmanagement erweitert, das die Pendlerströme aus dem Umland einbezieht. Ein Arbeitskreis "
            "hat das Umsetzungskonzept bestätigt.",
            "ergebnis": "Teilprojekte werden je nach Finanzierung schrittweise umgesetzt.",
            "finanzierung": "Landesförderung beantragt",
            "ansprechpartner": "Karl Probe, k.probe@example.org",
            "y2022": {"beschreibung": "Das städtische Verkehrsmanagement soll zu einem regionalen System erweitert "
                      "werden; 2022 wurde das Umsetzungskonzept erarbeitet."},
        },
        {
            "nr": "GB4-003", "handlungsfeld": MOBIL,
            "vorhaben": "Fuß- und Radbrücke über den Zernsee",
            "partner": "Stadt Werder (Havel); Gemeinde Schwielowsee",
            "form": "Gemeinsames Projekt", "status": "abgeschlossen", "beginn": "2019", "ende": "2023",
            "beschreibung": "Die Brücke aus dem Stadt-Umland-Wettbewerb verbindet Werder, Schwielowsee und "
            "Potsdam für den Fuß- und Radverkehr und wurde fertiggestellt.",
            "finanzierung": "Stadt-Umland-Wettbewerb (EFRE)",
            "ansprechpartner": "Karl Probe, k.probe@example.org",
            "y2022": {"status": "laufend", "ende": None,
                      "beschreibung": "Bau der Brücke aus dem Stadt-Umland-Wettbewerb."},
        },
        {
            "nr": "GB4-004", "handlungsfeld": MOBIL,
            "vorhaben": "Radschnellverbindungen Südwest",
            "partner": "LK PM; Bezirk Steglitz-Zehlendorf; Land Berlin; Teltow; Werder (Havel); "
            "Kleinmachnow; Stahnsdorf; Nuthetal; Schwielow-See",
            "form": "Studie / Konzept", "status": "abgeschlossen", "beginn": "2021", "ende": "9/2023",
            "beschreibung": "Ein gemeinsames Konzept zeigt, wie die Berliner Radschnellverbindungen nach "
            "Südwesten verlängert werden können. Empfohlen werden die Verbindungen Potsdam–Wannsee und "
            "Potsdam–Teltow; nach Werder soll wegen enger Straßen eine Radvorrangroute entstehen.",
            "ergebnis": "Die Planung soll von Potsdam aus beginnen.",
            "ansprechpartner": "Karl Probe, k.probe@example.org",
            "y2022": {"status": "laufend", "ende": None, "partner": "LK PM; Bezirk Steglitz-Zehlendorf; Land Berlin; "
                      "Teltow; Werder (Havel); Kleinmachnow; Stahnsdorf; Nuthetal",
                      "ergebnis": "",
                      "beschreibung": "Stadt, Landkreis und Berlin untersuchen gemeinsam mögliche Trassen für "
                      "Radschnellverbindungen zwischen Berlin, Potsdam und dem Umland."},
        },
        {
            "nr": "GB4-005", "handlungsfeld": REGION,
            "vorhaben": "REGIONALE: nachhaltige Mobilität in der Region Potsdam/Mittelmark",
            "partner": "Landkreis Potsdam-Mittelmark; Land Brandenburg",
            "form": "Gemeinsames Projekt", "status": "laufend", "beginn": "2022",
            "beschreibung": "Als Regionaler Wachstumskern hat die Stadt mit dem Landkreis ein "
            "Schlüsselprojekt eingereicht, das im Herbst 2023 vom Kabinett bestätigt wurde: regionales "
            "Verkehrsmanagement, Mobilstationen in Stadt und Landkreis und die Zukunftslinie RE 7.",
            "finanzierung": "Regionalentwicklungsstrategie des Landes",
            "ansprechpartner": "Karl Probe, k.probe@example.org",
            "y2022": {"status": "geplant",
                      "beschreibung": "Vorbereitung gemeinsamer Vorschläge für die Regionalentwicklungsstrategie."},
        },
        {
            "nr": "GB4-006", "handlungsfeld": REGION,
            "vorhaben": "Arbeitstreffen der Regionalen Wachstumskerne Havelland-Fläming",
            "partner": "Stadt Brandenburg an der Havel; Ludwigsfelde; Luckenwalde; Landkreis Havelland; "
            "Landkreis Teltow-Fläming; Landkreis Potsdam-Mittelmark; LAG Havelland; LAG Fläming-Havel",
            "form": "Gremium / Arbeitskreis", "status": "laufend", "beginn": D(2021, 8, 31),
            "beschreibung": "Mehrere Arbeitstreffen und Werkstätten, in denen Handlungsfelder und gemeinsame "
            "Projekte für die Planungsregion erarbeitet wurden.",
            "ansprechpartner": "Rita Test, r.test@example.org",
            "y2022": {"beschreibung": "Auftakt der Zusammenarbeit mit ersten Arbeitstreffen zur Abgrenzung der "
                      "Handlungsfelder."},
        },
        {
            "nr": "GB4-007", "handlungsfeld": MOBIL,
            "vorhaben": "Verknüpfung der Bahnstrecken am Berliner Außenring",
            "partner": "KNF; Land Berlin; Land Brandenburg",
            "form": "Studie / Konzept", "status": "geplant", "beginn": "2024",
            "beschreibung": "Mitarbeit an der Aufgabenstellung für eine Untersuchung, wie radiale und "
            "tangentiale Bahnstrecken am Außenring besser verknüpft werden können.",
            "ansprechpartner": "Karl Probe, k.probe@example.org",
            "y2022": None,
        },
        {
            "nr": "GB4-008", "handlungsfeld": MOBIL,
            "vorhaben": "Gremienarbeit im Verkehrsverbund Berlin-Brandenburg",
            "partner": "VBB",
            "form": "Mitgliedschaft", "status": "laufend", "beginn": "1999",
            "beschreibung": "Mitwirkung in den Gremien des Verbundes zu Tarif und Angebot.",
            "finanzierung": "Gesellschafterbeitrag",
            "ansprechpartner": "Karl Probe, k.probe@example.org",
            "y2022": {"beschreibung": "Mitwirkung in den Gremien des Verbundes; 2022 prägte das 9-Euro-Ticket die "
                      "Arbeit."},
        },
        {
            "nr": "", "handlungsfeld": MOBIL,
            "vorhaben": "Mobilstationen in Potsdam und Potsdam-Mittelmark",
            "partner": "Landkreis Potsdam-Mittelmark",
            "form": "Gemeinsames Projekt", "status": "geplant", "beginn": "2024",
            "beschreibung": "Gemeinsame Gestaltung von Umsteigepunkten zwischen Bus, Bahn, Rad und "
            "Carsharing an den Pendlerachsen.",
            "ansprechpartner": "Karl Probe, k.probe@example.org",
            "y2022": None,
        },
    ],
    "GB5": [
        {
            "nr": "GB5-008", "handlungsfeld": KLIMA,
            "vorhaben": "Landschaftsschutz an der Stadtgrenze: Ravensberge",
            "partner": "Landkreis Potsdam-Mittelmark; Gemeinde Michendorf",
            "form": "Gremium / Arbeitskreis", "status": "laufend", "beginn": "2014",
            "beschreibung": "Abgestimmte Pflege- und Entwicklungsziele für das Waldgebiet beiderseits der Grenze.",
            "ansprechpartner": "Ina Muster, i.muster@example.org",
            "y2022": {"beschreibung": "Abstimmung über die Pflege des Waldgebiets; 2022 stand der Schutz vor "
                      "Waldbränden im Vordergrund."},
        },
        {
            "nr": "GB5-001", "handlungsfeld": KLIMA,
            "vorhaben": "Gemeinsame Wasserstrategie für die Region",
            "partner": "Landkreis Potsdam-Mittelmark; WBV Nuthe-Nieplitz",
            "form": "Studie / Konzept", "status": "laufend", "beginn": "2023",
            "beschreibung": "Grundwasser, Niederschlag und Trinkwasserbedarf werden über die Stadtgrenze "
            "hinweg betrachtet; ein smartes Wassermanagement ist Teil der Überlegungen.",
            "ergebnis": "Thema der gemeinsamen Ausschusssitzung im Oktober 2023.",
            "ansprechpartner": "Ina Muster, i.muster@example.org",
            "y2022": None,
        },
        {
            "nr": "GB5-002", "handlungsfeld": KLIMA,
            "vorhaben": "Klimaneutraler KNF-Raum",
            "partner": "KNF",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": "2022",
            "beschreibung": "Beiträge zur Jahreskonferenz 2023 über Strategien und Handlungsfelder für "
            "einen klimaneutralen Verflechtungsraum.",
            "ansprechpartner": "Ina Muster, i.muster@example.org",
            "y2022": {"beschreibung": "Mitarbeit in der Arbeitsgruppe des Forums, die eine Jahreskonferenz zum "
                      "klimaneutralen Verflechtungsraum vorbereitet."},
        },
        {
            "nr": "GB5-003", "handlungsfeld": KLIMA,
            "vorhaben": "Hochwasser- und Starkregenvorsorge an der Nuthe",
            "partner": "Wasser- und Bodenverband Nuthe-Nieplitz; Gemeinde Nuthetal",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2018",
            "beschreibung": "Abgestimmte Unterhaltung der Gewässer und gemeinsame Gefahrenkarten.",
            "ansprechpartner": "Ina Muster, i.muster@example.org",
            "y2022": {"beschreibung": "Abgestimmte Unterhaltung der Gewässer; gemeinsame Gefahrenkarten für "
                      "Starkregen sind in Arbeit."},
        },
        {
            "nr": "GB5-004", "handlungsfeld": KLIMA,
            "vorhaben": "Grünzug Havelseen: Pflege der Uferwege",
            "partner": "Stadt Werder (Havel); Gemeinde Schwielowsee",
            "form": "Gemeinsames Projekt", "status": "laufend", "beginn": "2020",
            "beschreibung": "Einheitliche Beschilderung und abgestimmte Pflege der Uferwege an der "
            "Stadtgrenze.",
            "ansprechpartner": "Ina Muster, i.muster@example.org",
            "y2022": {"beschreibung": "Abstimmung über die Pflege der Uferwege; eine einheitliche Beschilderung "
                      "wird vorbereitet."},
        },
        {
            "nr": "GB5-005", "handlungsfeld": KLIMA,
            "vorhaben": "Wärmeplanung im Austausch mit den Nachbarn",
            "partner": "Deutscher Städtetag; Stadt Teltow; Gemeinde Kleinmachnow",
            "form": "Erfahrungsaustausch", "status": "laufend", "beginn": "2023",
            "beschreibung": "Austausch über die kommunale Wärmeplanung und Fernwärmenetze an den "
            "Stadtgrenzen, angestoßen durch den Fernwärmegipfel im März 2023.",
            "ansprechpartner": "Ina Muster, i.muster@example.org",
            "y2022": None,
        },
        {
            "nr": "GB5-006", "handlungsfeld": KLIMA,
            "vorhaben": "Baumschutz und Ersatzpflanzungen an Kreisstraßen",
            "partner": "Landkreis Potsdam-Mittelmark",
            "form": "Vereinbarung / Vertrag", "status": "abgeschlossen", "beginn": "2019", "ende": "2022",
            "beschreibung": "Vereinbarung über Ersatzpflanzungen an Straßen, die Stadt und Landkreis "
            "gemeinsam unterhalten.",
            "ansprechpartner": "Ina Muster, i.muster@example.org",
            "only_2022": True,
        },
        {
            "nr": "GB5-007", "handlungsfeld": KLIMA,
            "vorhaben": "Abfallwirtschaft: gemeinsame Bioabfallverwertung",
            "partner": "Landkreis Potsdam-Mittelmark; Landkreis Havelland",
            "form": "Vereinbarung / Vertrag", "status": "laufend", "beginn": "2016",
            "beschreibung": "Verwertung der Bioabfälle in einer gemeinsam genutzten Anlage.",
            "finanzierung": "Gebühren",
            "ansprechpartner": "Ina Muster, i.muster@example.org",
            "y2022": {"beschreibung": "Verwertung der Bioabfälle in einer gemeinsamen Anlage; 2022 wurde über den "
                      "Ausbau der Vergärung gesprochen."},
        },
    ],
}

# What differed in 2021 from the 2022 version, by the activity's Nr. (GB2-005 had none yet).
IN_2021: dict[str, Activity] = {
    "OB-001": {"beschreibung": "Der Oberbürgermeister arbeitet im Präsidium des Verbandes mit; 2021 ging es vor "
               "allem um die Folgen der Pandemie für die kommunalen Haushalte."},
    "OB-002": {"beschreibung": "Mitwirkung im Präsidium und im Sportausschuss; 2021 standen die Hilfen für die "
               "Städte in der Pandemie und der Bau von Sportstätten im Vordergrund."},
    "OB-003": {"ergebnis": "", "beschreibung": "Die Stadt ist Gründungsmitglied des Vereins; 2021 nahmen die "
               "Arbeitsgruppen West und Süd ihre Arbeit auf."},
    "OB-004": {"beschreibung": "Jährliches Treffen der Landräte, Bürgermeisterinnen und Bürgermeister sowie der "
               "Berliner Bezirke; 2021 fand es wegen der Pandemie als Videokonferenz statt."},
    "OB-006": {"beschreibung": "Regelmäßige Beratungen mit der Landesregierung, 2021 vor allem zur Eindämmung der "
               "Pandemie und zu den Impfangeboten."},
    "OB-007": {"beschreibung": "Der Oberbürgermeister arbeitet in der Regionalversammlung mit; 2021 ging es um die "
               "grundfunktionalen Schwerpunkte im Regionalplan."},
    "OB-008": {"beschreibung": "Potsdam koordiniert das Netzwerk der Bündnisstädte; 2021 sind weitere Städte "
               "beigetreten."},
    "OB-009": {"status": "laufend", "ende": None, "beschreibung": "Wöchentliche Abstimmung der Krisenstäbe zu "
               "Schutzmaßnahmen, Teststellen und Impfangeboten."},
    "GB1-004": {"beschreibung": "Beitritt zum Zweckverband zum 1. Januar 2021; erste gemeinsam beschaffte "
                "Fachverfahren werden eingeführt."},
    "GB1-006": {"beschreibung": "Die Kämmereien der kreisfreien Städte vergleichen ihre Haushaltsplanung unter den "
                "Bedingungen der Pandemie."},
    "GB1-008": {"partner": "Stadt Werder (Havel); Gemeinde Schwielowsee",
                "beschreibung": "Gemeinsame Ausschreibung für Büromaterial mit zwei Nachbargemeinden."},
    "GB2-008": {"beschreibung": "Abgestimmtes Kursprogramm; 2021 fanden viele Kurse online statt."},
    "GB2-001": {"beschreibung": "Stadt und Landkreis vergleichen ihre Prognosen der Schülerzahlen für die "
                "weiterführenden Schulen."},
    "GB2-002": {"beschreibung": "Vereinbarungen zur Kostenerstattung für Schülerinnen und Schüler, die aus dem "
                "Umland eine Potsdamer Schule besuchen."},
    "GB2-003": {"beschreibung": "Erste Gespräche über die gemeinsame Nutzung von Sporthallen, nachdem sie in der "
                "Pandemie lange geschlossen waren."},
    "GB2-004": {"beschreibung": "Gemeinsamer Katalog und Fernleihe; die Umstellung auf ein neues "
                "Bibliothekssystem wird vorbereitet."},
    "GB2-005": {"beschreibung": "Kinder aus dem Landkreis können die städtische Musikschule besuchen; die "
                "Vereinbarung gilt bis Ende 2022."},
    "GB2-007": {"beschreibung": "Stadt und Landkreis verabreden, die Jugendhilfeplanung an der Grenze zu "
                "Kleinmachnow und Stahnsdorf abzustimmen."},
    "GB3-001": {"beschreibung": "Stadt und Landkreis tragen gemeinsam Verantwortung für das Krankenhaus in Bad "
                "Belzig; 2021 prägte die Pandemie den Betrieb."},
    "GB3-005": {"beschreibung": "Gemeinsamer Betrieb der Leitstelle für Brandschutz und Rettungsdienst; 2021 wurde "
                "die Technik erneuert."},
    "GB3-007": {"beschreibung": "Arbeitskreis zur ambulanten Versorgung; 2021 entstand eine Übersicht der "
                "Hausarztpraxen in der Region."},
    "GB3-008": {"beschreibung": "Einsatzkräfte der Nachbarn nehmen an Lehrgängen der Berufsfeuerwehr teil, soweit "
                "Plätze frei sind."},
    "GB4-002": {"beschreibung": "Stadt und Landkreis verständigen sich darauf, das städtische Verkehrsmanagement "
                "auf die Region auszuweiten."},
    "GB4-003": {"beschreibung": "Vorbereitung des Baus der Brücke aus dem Stadt-Umland-Wettbewerb."},
    "GB4-004": {"beschreibung": "Stadt, Landkreis und Berlin vereinbaren, mögliche Trassen für "
                "Radschnellverbindungen gemeinsam zu untersuchen."},
    "GB4-006": {"beschreibung": "Auftakt am 31. August 2021; die Partner verabreden regelmäßige Arbeitstreffen."},
    "GB4-008": {"beschreibung": "Mitwirkung in den Gremien des Verbundes; 2021 ging es um das Angebot während der "
                "Pandemie."},
    "GB5-008": {"beschreibung": "Abstimmung über die Pflege des Waldgebiets beiderseits der Stadtgrenze."},
    "GB5-003": {"beschreibung": "Abgestimmte Unterhaltung der Gewässer an der Nuthe."},
    "GB5-004": {"beschreibung": "Abstimmung über die Pflege der Uferwege an der Stadtgrenze."},
    "GB5-006": {"status": "laufend", "ende": None, "beschreibung": "Vereinbarung über Ersatzpflanzungen; 2021 "
                "wurden die ersten Bäume an Kreisstraßen nachgepflanzt."},
    "GB5-007": {"beschreibung": "Bioabfälle aus Stadt und Landkreisen werden in einer gemeinsamen Anlage "
                "verwertet."},
}

# Activities that ended in 2021 and were no longer reported in 2022.
ONLY_2021: dict[str, list[Activity]] = {
    "GB2": [
        {
            "nr": "GB2-009", "handlungsfeld": BILDUNG,
            "vorhaben": "Leihgeräte für den Distanzunterricht",
            "partner": "Landkreis Potsdam-Mittelmark; Gemeinde Michendorf",
            "form": "Vereinbarung / Vertrag", "status": "abgeschlossen", "beginn": "2020", "ende": "07/2021",
            "beschreibung": "Gemeinsame Beschaffung von Tablets für Schülerinnen und Schüler aus dem DigitalPakt "
            "Schule; alle Geräte sind ausgegeben.",
            "ansprechpartner": "Eva Beispiel, e.beispiel@example.org",
        },
    ],
    "GB3": [
        {
            "nr": "GB3-009", "handlungsfeld": DASEIN,
            "vorhaben": "Mobile Impfteams für Stadt und Umland",
            "partner": "Landkreis Potsdam-Mittelmark; Land Brandenburg",
            "form": "Gemeinsames Projekt", "status": "abgeschlossen", "beginn": D(2021, 3, 1),
            "ende": D(2021, 12, 31),
            "beschreibung": "Mobile Teams boten Impfungen gegen das Coronavirus in Stadtteilen und "
            "Umlandgemeinden an; ihre Einsätze wurden gemeinsam geplant.",
            "finanzierung": "Landesmittel",
            "ansprechpartner": "Nora Muster, n.muster@example.org",
        },
    ],
}
