"""Comparing two years."""
