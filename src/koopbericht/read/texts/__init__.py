"""The narrative texts of a year, read in one place: `text/*.md` and `text/*.docx` into the document model.

`sections` finds and reads a year's texts in file-name order; `markdown` parses Markdown, the
`word*` modules read a Word file (package, styles, inline content, tables, the text itself);
`carried` knows which texts were carried over from the previous year unchanged.
"""
