"""Word: the document model into a .docx from the Word template, with styles, numbering and hyphenation."""
