"""Reading the departments' replies: Outlook `.msg` and RFC 5322 `.eml` files, and folders of them.

`read_mail` turns one file into a `Mail` (sender, subject, Message-ID, Date, attachments), with
findings where it cannot be used; `mail_files` expands the paths the clerk gave.
"""

from .files import MAX_MAILS, mail_files
from .model import Mail, MailAttachment
from .reader import read_mail

__all__ = ["MAX_MAILS", "Mail", "MailAttachment", "mail_files", "read_mail"]
