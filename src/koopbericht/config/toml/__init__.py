"""TOML settings files.

Read with tomllib (`reader`), each key found by line (`lines`), syntax errors in German (`syntax`).
"""
