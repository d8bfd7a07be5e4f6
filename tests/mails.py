"""Reply mails as departments send them, built with the standard library: .eml bytes for `eingang`.

Attachment names are encoded as the mail programs do: RFC 2231 (Thunderbird, the standard
library), or RFC 2047 inside quotes (Outlook); the body is Outlook's multipart/alternative
(plain text and HTML) when asked. A reply can be wrapped into a forward (message/rfc822).
"""

from __future__ import annotations

import datetime as dt
from email import policy
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
BERLIN = dt.timezone(dt.timedelta(hours=1))


def when(day: int, month: int = 4, hour: int = 10) -> dt.datetime:
    """A Date in 2024, Berlin winter time."""
    return dt.datetime(2024, month, day, hour, 0, tzinfo=BERLIN)


def reply(
    sender: str,
    subject: str,
    date: dt.datetime,
    attachments: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
    *,
    outlook: bool = False,
    message_id: str | None = None,
) -> EmailMessage:
    """A reply mail; `outlook`: HTML alternative and RFC 2047 quoted file names, as Outlook writes them."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "Büro des Oberbürgermeisters <kooperation@example.org>"
    message["Subject"] = subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id or f"<{date:%Y%m%d%H%M}.{abs(hash((sender, subject))) % 10**8}@example.org>"
    message.set_content("Guten Tag,\nanbei unser Meldebogen.\nMit freundlichen Grüßen\n")
    if outlook:
        message.add_alternative("<html><body><p>Guten Tag,<br>anbei unser Meldebogen.</p></body></html>", "html")
    for name, data in attachments:
        message.add_attachment(data, maintype=XLSX[0], subtype=XLSX[1], filename=name)
        if outlook:
            part = list(message.iter_attachments())[-1]
            assert isinstance(part, EmailMessage)
            encoded = Header(name, "utf-8").encode()
            part.replace_header("Content-Disposition", f'attachment; filename="{encoded}"')
            part.set_param("name", encoded, requote=True)
    return message


def forward(sender: str, date: dt.datetime, original: EmailMessage) -> EmailMessage:
    """`original` forwarded by `sender` as an attached message/rfc822."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "kooperation@example.org"
    message["Subject"] = f"WG: {original['Subject']}"
    message["Date"] = format_datetime(date)
    message["Message-ID"] = f"<fwd.{date:%Y%m%d%H%M}@example.org>"
    message.set_content("Zur Kenntnis, bitte übernehmen.\n")
    message.add_attachment(original)
    return message


def save(message: EmailMessage, path: Path) -> Path:
    """Write the mail as an .eml file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(message))
    return path
