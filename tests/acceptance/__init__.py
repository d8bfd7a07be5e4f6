"""Whole runs: the example, damage, hostile files, the corpus, typesetting, the yearly round."""
