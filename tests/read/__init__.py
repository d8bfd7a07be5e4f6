"""Reading workbooks and texts."""
