"""The finding records of `eingang`: mails that cannot be read or assigned, attachments that cannot be taken.

Kept beside `catalogue` (which includes them in `CATALOGUE`) because that module is at its size
limit; each code still has exactly one record. The file of such a finding is the mail file.
"""

from __future__ import annotations

from .finding import FindingType, Scope, Severity

E, FILE = Severity.ERROR, Scope.FILE

# fmt: off
MAIL_UNREADABLE = FindingType(
    "mail-unlesbar", E, "E-Mail beschädigt, abgeschnitten oder keine E-Mail",
    "Outlook-Datei beschädigt; Termin statt E-Mail", scope=FILE,
    advice="Die E-Mail mit dem Meldebogen kam beschädigt oder unvollständig an. Bitte den Meldebogen "
    "noch einmal als Anhang einer neuen E-Mail senden.",
)
MAIL_ENCRYPTED = FindingType(
    "mail-verschluesselt", E, "E-Mail verschlüsselt", "S/MIME-verschlüsselt",
    scope=FILE,
    advice="Die E-Mail mit dem Meldebogen ist verschlüsselt und lässt sich hier nicht öffnen. Bitte den "
    "Meldebogen noch einmal ohne Verschlüsselung senden.",
)
MAIL_CHARSET = FindingType(
    "mail-zeichensatz", E, "Unbekannter Zeichensatz in der E-Mail", "Betreff oder Dateiname in „x-unbekannt“",
    scope=FILE,
    advice="Absender, Betreff oder Dateiname der E-Mail sind in einem Zeichensatz geschrieben, der sich nicht "
    "lesen lässt. Bitte den Meldebogen noch einmal aus einem üblichen E-Mail-Programm senden.",
)
MAIL_UNASSIGNED = FindingType(
    "mail-nicht-zugeordnet", E, "E-Mail keinem Geschäftsbereich zuzuordnen",
    "fremde Absenderadresse und Anhang „Tabelle1.xlsx“", scope=FILE,
    advice="Es war nicht zu erkennen, von welchem Geschäftsbereich die Meldung kommt. Bitte den Meldebogen "
    "unter seinem versandten Dateinamen von der bekannten Kontaktadresse senden.",
)
ATTACHMENT_PATH = FindingType(
    "anhang-pfad", E, "Dateiname des Anhangs mit Ordnerangabe", "„../GB1_Meldebogen.xlsx“", scope=FILE,
    advice="Der Dateiname des Anhangs enthält eine Ordnerangabe und wird daher nicht übernommen. Bitte den "
    "Meldebogen unter seinem versandten Dateinamen noch einmal senden.",
)
ATTACHMENT_NAME = FindingType(
    "anhang-name", E, "Dateiname des Anhangs als Dateiname nicht verwendbar",
    "Zeilenumbruch, „:“ oder „CON.xlsx“ im Namen", scope=FILE,
    advice="Der Dateiname des Anhangs enthält Steuer- oder unter Windows unzulässige Zeichen oder ist ein "
    "reservierter Gerätename; er wird daher nicht übernommen. Bitte die Tabelle unter einem einfachen "
    "Dateinamen noch einmal senden.",
)
MAIL_FUTURE = FindingType(
    "mail-datum-zukunft", E, "E-Mail-Datum liegt in der Zukunft", "„Date: 1 Jan 2099“", scope=FILE,
    advice="Das Datum der E-Mail liegt mehr als einen Tag in der Zukunft, meist wegen einer falsch gestellten "
    "Uhr. Eine solche E-Mail würde jede spätere Antwort als älter erscheinen lassen und wird daher nicht "
    "übernommen. Bitte die Uhr des Rechners prüfen und den Meldebogen noch einmal senden.",
)
ATTACHMENT_TWICE = FindingType(
    "anhang-mehrfach", E, "Mehrere Tabellen für einen Geschäftsbereich in einer E-Mail",
    "GB1_Meldebogen.xlsx und GB1_alt.xlsx", scope=FILE,
    advice="Die E-Mail enthielt mehrere Tabellen für denselben Geschäftsbereich; welche gilt, war nicht zu "
    "erkennen. Bitte nur den gültigen Meldebogen noch einmal senden.",
)
# fmt: on

MAIL_CATALOGUE = (
    MAIL_UNREADABLE, MAIL_ENCRYPTED, MAIL_CHARSET, MAIL_UNASSIGNED, MAIL_FUTURE, ATTACHMENT_PATH, ATTACHMENT_NAME,
    ATTACHMENT_TWICE,
)  # fmt: skip
