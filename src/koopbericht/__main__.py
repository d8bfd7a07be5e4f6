"""`python -m koopbericht` runs the command-line interface."""

from .cli import main

main()
