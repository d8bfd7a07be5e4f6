"""PDF: a .docx converted by LibreOffice, then made conformant (PDF/A, PDF/UA metadata)."""
