#!/usr/bin/env python3
"""Search size per language: what a reader's first search downloads, and the whole index.

Run after `make build`: `python scripts/search_size.py [SITE_DIR] [--json]`. Bytes are gzipped
(as served), from :func:`portal.outputs.search.measure`; "first search" is everything fetched before the
index chunks (Pagefind's UI, script, worker, entry file, the language's WebAssembly and metadata).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from portal.outputs.search import FIRST_SEARCH_BUDGET, measure  # noqa: E402
from portal.site.config import from_mkdocs_file  # noqa: E402


@click.command(help=__doc__)
@click.argument("site_dir", required=False, type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def main(site_dir: Path | None, as_json: bool) -> None:
    report = measure(site_dir or from_mkdocs_file().site_dir)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(f"{'language':<10}{'pages':>7}{'first search (gz)':>20}{'index (gz)':>14}")
    for lang, row in report.items():
        click.echo(f"{lang:<10}{row['pages']:>7}{row['first_search'] / 1000:>17.1f} kB{row['index'] / 1000:>11.1f} kB")
    worst = max(row["first_search"] for row in report.values())
    click.echo(f"budget: first search <= {FIRST_SEARCH_BUDGET / 1000:.0f} kB: {'ok' if worst <= FIRST_SEARCH_BUDGET else 'OVER'}")
    sys.exit(0 if worst <= FIRST_SEARCH_BUDGET else 1)


if __name__ == "__main__":
    main()
