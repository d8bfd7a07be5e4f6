"""Rich consoles for the CLI: results on stdout, messages and progress on stderr.

rich already honours NO_COLOR and drops colour and progress bars when the output is
not a terminal; keeping both consoles here means every command prints the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False)


def error(message: str, details: list[str] | None = None) -> None:
    """Print an error in red on stderr, one bullet per detail."""
    stderr.print(f"[bold red]Fehler:[/] {escape(message)}", markup=True, soft_wrap=True)
    for line in details or []:
        stderr.print(f"  • {line}", markup=False, soft_wrap=True)


def warning(message: str) -> None:
    """Print a warning in yellow on stderr."""
    stderr.print(f"[yellow]Hinweis:[/] {escape(message)}", markup=True, soft_wrap=True)


def success(message: str) -> None:
    """Print a success line in green on stdout."""
    stdout.print(f"[green]✓[/] {escape(message)}", markup=True)


@contextmanager
def file_progress(total: int, label: str = "Lese Meldebögen") -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr for `total` files; silent when stderr is not a terminal."""
    if not stderr.is_terminal or total < 2:
        yield lambda _name: None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        console=stderr,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total, name="")

        def advance(name: str) -> None:
            bar.update(task, advance=1, name=name)

        yield advance
