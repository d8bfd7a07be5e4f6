"""`python -m koopbericht` runs the command-line interface."""

import multiprocessing

from .cli import main

# A frozen koopbericht (one executable) starts the workers that read Meldebögen through itself.
multiprocessing.freeze_support()
main()
