"""``fulcrum synth``: write a synthetic corpus for benchmarks and scale tests."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(name="synth")(synth)


def synth(
    articles: Annotated[int, typer.Option("--articles", min=0, help="How many articles to write.")],
    output: Annotated[Path, typer.Option("--output", "-o", file_okay=False, help="Folder to write them into.")],
    seed: Annotated[int, typer.Option(help="Random seed: the same seed writes the same corpus.")] = 0,
    start: Annotated[str | None, typer.Option(help="First publication date (YYYY-MM-DD).")] = None,
    days: Annotated[int | None, typer.Option(min=1, help="Days the timeline spans (default: ~40 articles a day, at most 1,000).")] = None,
) -> None:
    """Write N synthetic news articles (Markdown with front matter), one file each, for benchmarks."""
    from fulcrum.cli import _parse_date, err, fail
    from fulcrum.errors import FulcrumError
    from fulcrum.synth import DEFAULT_START, write_corpus

    first = _parse_date(start, "--start") or DEFAULT_START
    try:
        paths = write_corpus(articles, output, seed=seed, start=first, days=days)
    except (FulcrumError, OSError) as exc:
        raise fail(str(exc)) from None
    err.print(f"synth: wrote {len(paths)} articles to {output}")
