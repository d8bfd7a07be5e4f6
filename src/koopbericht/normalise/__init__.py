"""Normalising stage: raw cell values into the normalised record.

Single values parsed (`values`), one reader per column type giving value and notes (`columns`),
rows into `Activity` values (`activities`).
"""
