"""Excel: the Anlage as .xlsx, page setup, safe cell text, and stamping a workbook deterministically."""
