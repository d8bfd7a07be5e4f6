"""The writers: docx, pdf, xlsx, OParl."""
