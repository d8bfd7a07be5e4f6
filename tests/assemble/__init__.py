"""Assembling the Vorlage and the Anlage."""
