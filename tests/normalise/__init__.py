"""Value parsers and cell readers."""
