"""Rich consoles for the CLI: results on stdout, messages and progress on stderr.

rich already honours NO_COLOR and drops colour and progress bars when the output is
not a terminal; keeping both consoles here means every command prints the same way.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.text import Text

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False)


def error(message: str, details: list[str] | None = None) -> None:
    """Print an error in red on stderr, one bullet per detail."""
    say(stderr, Text.assemble(("Fehler:", "bold red"), f" {message}"))
    for line in details or []:
        say(stderr, Text(f"  • {line}"), "    ")


def warning(message: str) -> None:
    """Print a warning in yellow on stderr."""
    say(stderr, Text.assemble(("Hinweis:", "yellow"), f" {message}"))


def success(message: str) -> None:
    """Print a success line in green on stdout."""
    say(stdout, Text.assemble(("✓", "green"), f" {message}"))


def say(out: Console, text: Text | str, hanging: str = "  ") -> None:
    """`text` (never markup) as one line into a pipe or file; in a terminal wrapped at spaces, no word split."""
    text = Text(text) if isinstance(text, str) else text
    if not out.is_terminal:
        out.print(text, soft_wrap=True)
        return
    from .listing import print_hanging

    print_hanging(text, out, "", hanging)


class FileProgress:
    """A progress bar on stderr over the files a check reads (`pipeline.Progress`).

    It appears when the check says how many files there are, and stays silent when
    stderr is not a terminal or there is only one file. Use it as a context manager.
    """

    def __init__(self, label: str = "Lese Meldebögen") -> None:
        self.label = label
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> FileProgress:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def start(self, total: int) -> None:
        """Show a bar for `total` files (a second check, e.g. of the other year, starts a new one)."""
        if not stderr.is_terminal or total < 2:
            return
        if self._bar is None:
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[name]}"),
                console=stderr,
                transient=True,
            )
            self._bar.start()
        if self._task is not None:
            self._bar.remove_task(self._task)
        self._task = self._bar.add_task(self.label, total=total, name="")

    def advance(self, file: str) -> None:
        """`file` is read next."""
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, name=file)
