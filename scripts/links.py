#!/usr/bin/env python3
"""Links in the built site / Tautan di situs yang sudah dibangun.

    python scripts/links.py            # external links for manual review (Markdown table)
    python scripts/links.py --check    # also: internal links and #anchors must resolve (exit 1 if not)

Run `make build` first; reads site/ only, opens no network connection. Review each external
link by hand: does it still open, and does it still say what we cite it for?
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from portal.checks import linkcheck  # noqa: E402
from portal.site.config import from_mkdocs_file  # noqa: E402


@click.command(help=__doc__)
@click.option("--site", "site_dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Built site (default: site/).")
@click.option("--check", is_flag=True, help="Check internal links and anchors too.")
def main(site_dir: Path | None, check: bool) -> None:
    site = from_mkdocs_file()
    site_dir = site_dir or site.site_dir
    if not site_dir.is_dir():
        raise click.ClickException(f"{site_dir} not found: run `make build` first")
    rows = linkcheck.external(site_dir, site.site_url)
    click.echo(f"{len(rows)} external links in {site_dir} (review by hand):\n")
    click.echo("| link | pages | first page |\n| --- | ---: | --- |")
    for url, pages in rows.items():
        click.echo(f"| {url} | {len(pages)} | {pages[0]} |")
    if check:
        broken = linkcheck.check(site_dir, site.site_url)
        for problem in broken:
            click.echo(f"BROKEN {problem}", err=True)
        click.echo(f"\n{len(broken)} broken internal links or anchors.")
        sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
