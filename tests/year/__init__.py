"""A year's data: stale Sachstand, what errors leave out."""
