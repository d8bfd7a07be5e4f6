"""The `koopbericht` command: thin wrappers that parse options and call the library."""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
