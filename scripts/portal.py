#!/usr/bin/env python3
"""Portal PMI staff tool. / Alat staf Portal PMI.

Jalankan `python scripts/portal.py --help`. / Run `python scripts/portal.py --help`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from portal.content import load_content  # noqa: E402
from portal.errors import ContentInvalid  # noqa: E402
from portal.site import from_mkdocs_file  # noqa: E402


@click.group(help="Alat staf Portal PMI. / Portal PMI staff tool.")
def cli() -> None:
    pass


@cli.command(help="Periksa isi data/ tanpa membangun situs. / Check the content in data/ without building the site.")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder data (bawaan: data/). / Data folder (default: data/).")
def validate(data_dir: Path | None) -> None:
    site = from_mkdocs_file()
    data_dir = data_dir or site.data_dir
    try:
        content = load_content(data_dir, site.languages, root=site.root)
    except ContentInvalid as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    click.echo(f"OK: {len(content.programs)} program, {len(content.procedures)} prosedur, "
               f"{len(content.organizations)} organisasi, {len(content.glossary)} istilah / terms.")


if __name__ == "__main__":
    cli()
