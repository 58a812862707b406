#!/usr/bin/env python3
"""Portal PMI staff tool. / Alat staf Portal PMI.

Jalankan `python scripts/portal.py --help`. / Run `python scripts/portal.py --help`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from portal.checks import annotations, editors_report, scaffold, search_cases  # noqa: E402
from portal.content import translations  # noqa: E402
from portal.content.errors import ContentInvalid  # noqa: E402
from portal.content.schema import did_you_mean  # noqa: E402
from portal.content.validator import SLUG, load_content  # noqa: E402
from portal.site.config import Site, from_mkdocs_file  # noqa: E402
from portal.site.strings import load_strings  # noqa: E402

DATA_OPTION = click.option(
    "--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Folder data (bawaan: data/). / Data folder (default: data/).")


FORMAT_OPTION = click.option(
    "--format", "output", type=click.Choice(["text", "github"]), default="text",
    help="github: juga sebagai anotasi GitHub Actions di baris yang salah. / "
         "github: also as GitHub Actions annotations on the offending line.")


def _load(site: Site, data_dir: Path | None, output: str = "text"):
    """Validated content (and interface strings), or print every error and exit 1."""
    data_dir = data_dir or site.data_dir
    errors, content = [], None
    try:
        content = load_content(data_dir, site.languages, today=site.today, root=data_dir.parent)
    except ContentInvalid as exc:
        errors += exc.errors
    try:
        load_strings(data_dir / "ui", site.languages, root=data_dir.parent)
    except ContentInvalid as exc:
        errors += exc.errors
    if errors:
        click.echo(ContentInvalid(errors).report(), err=True)
        if output == "github":
            click.echo("\n".join(annotations.error(e) for e in sorted(set(errors))))
        sys.exit(1)
    return data_dir, content


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             help="Alat staf Portal PMI: periksa, buat dan tinjau isi di data/.\n\n"
                  "Portal PMI staff tool: check, create and review the content in data/.")
def cli() -> None:
    pass


@cli.command(short_help="Periksa isi / check the content.",
             help="Periksa isi data/ tanpa membangun situs; semua kesalahan sekaligus, keluar 1 jika ada.\n\n"
                  "Check the content in data/ without building the site; all errors at once, exit 1 if any.")
@DATA_OPTION
@FORMAT_OPTION
def validate(data_dir: Path | None, output: str) -> None:
    site = from_mkdocs_file()
    data_dir, content = _load(site, data_dir, output)
    click.echo(f"OK: {len(content.programs)} program, {len(content.procedures)} prosedur, "
               f"{len(content.countries)} negara / countries, {len(content.situations)} situasi / situations, "
               f"{len(content.organizations)} organisasi, {len(content.glossary)} istilah / terms, "
               f"{len(content.cases)} kasus kelayakan / eligibility cases.")
    if output == "github":  # warnings never fail the check
        findings = editors_report.collect(content, data_dir, data_dir.parent, site.today,
                                         site.options.stale_after_months)
        click.echo("\n".join(annotations.warning(f) for f in findings
                              if f.section not in editors_report.INFORMATION))


@cli.group(short_help="Buat berkas baru / create a new file.", help="Buat berkas isi baru yang sudah lengkap dan sah. / Create a new, complete and valid content file.")
def new() -> None:
    pass


@new.command("program", short_help="Program baru / new program.", help="Buat data/programs/<SLUG>.yaml berisi semua kolom dan penjelasannya.\n\n"
                             "Create data/programs/<SLUG>.yaml with every field, explained.")
@click.argument("slug")
@click.option("--source", "source_id", default=None,
              help="ID sumber dari data/sources/ (bawaan: yang pertama menurut abjad). / "
                   "Source id from data/sources/ (default: the first in alphabetical order).")
@DATA_OPTION
def new_program(slug: str, source_id: str | None, data_dir: Path | None) -> None:
    site = from_mkdocs_file()
    data_dir = data_dir or site.data_dir
    if not SLUG.match(slug):
        raise click.BadParameter(
            f"'{slug}': pakai huruf kecil, angka dan tanda hubung, mis. bantuan-modal-usaha / "
            "use lower-case letters, digits and hyphens, e.g. bantuan-modal-usaha", param_hint="SLUG")
    if source_id is None:
        sources = sorted(p.stem for p in (data_dir / "sources").glob("*.yaml"))  # the file name is the id
        if not sources:
            raise click.ClickException("Tambahkan dulu sumber di data/sources/. / Add a source to data/sources/ first.")
        source_id = sources[0]
    try:
        path = scaffold.new_program(data_dir, slug, source_id, site.today)
    except FileExistsError:
        raise click.ClickException(f"data/programs/{slug}.yaml sudah ada / already exists") from None
    name = path.relative_to(data_dir.parent).as_posix()
    try:
        load_content(data_dir, site.languages, today=site.today, root=data_dir.parent)
        todo = []
    except ContentInvalid as exc:
        todo = [e for e in exc.errors if e.file == name and scaffold.is_left_to_fill(e)]
        if len(todo) < len(exc.errors):  # the new file clashes with something, or data/ has errors already
            path.unlink()
            click.echo(exc.report(), err=True)
            raise click.ClickException("Berkas tidak dibuat. / File not created.") from None
    click.echo(f"Dibuat / created: {name}\n"
               "Isi yang masih perlu ditulis (make validate menolaknya sampai diganti): / "
               "What is left to write (make validate refuses it until replaced):")
    click.echo("\n".join(f"  {e}" for e in todo))


@cli.command(short_help="Laporan penyunting / editors' report.",
             help="Laporan untuk penyunting, yang perlu ditinjau dulu di atas: status program menurut "
                  "sumber terbarunya (yang tertua dulu), halaman yang perlu ditinjau ulang, terjemahan yang belum "
                  "ada, peringatan judul, syarat yang tidak diumumkan. Laporan ini saran, tidak pernah gagal.\n\n"
                  "Report for editors, what to review first at the top: program status by its newest source "
                  "(oldest first), pages due for review, missing translations, title warnings, criteria not "
                  "published. The report is advice; it never fails.")
@click.option("--json", "as_json", is_flag=True,
              help="Semua temuan sebagai JSON, untuk alat lain. / Every finding as JSON, for tools.")
@DATA_OPTION
def status(as_json: bool, data_dir: Path | None) -> None:
    site = from_mkdocs_file()
    data_dir, content = _load(site, data_dir)
    findings = editors_report.collect(content, data_dir, data_dir.parent, site.today,
                                     site.options.stale_after_months)
    click.echo(editors_report.to_json(findings) if as_json else editors_report.report(findings))


@cli.command("search-cases", short_help="Coba kasus pencarian / try the search cases.",
             help="Coba setiap pencarian di data/queries.yaml dengan kotak cari situs yang sudah dibangun (Chromium), "
                  "catat hasilnya untuk 'status', dan sebutkan yang tidak menemukan halamannya. Saran: tidak pernah "
                  "gagal.\n\nTry every query of data/queries.yaml in the built site's search dialog (Chromium), "
                  "record the results for 'status', and name those that miss their pages. Advice: never fails.")
@click.option("--site", "site_dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("site"),
              help="Situs yang dibangun (bawaan: site/). / The built site (default: site/).")
@DATA_OPTION
@FORMAT_OPTION
def search_cases_command(site_dir: Path, data_dir: Path | None, output: str) -> None:
    site = from_mkdocs_file()
    data_dir, content = _load(site, data_dir)
    if not Path(search_cases.CHROMIUM).exists() or not (site_dir / "pagefind").is_dir():
        click.echo(f"Tidak dicoba: perlu {search_cases.CHROMIUM} dan situs yang dibangun di {site_dir} / Not tried: "
                   f"needs {search_cases.CHROMIUM} and a site built in {site_dir}")
        return
    found = search_cases.run(site_dir, content.queries, content.default_language)
    search_cases.save(data_dir.parent, site_dir, found)
    for case in content.queries:
        pages = found[search_cases.key(case)]
        lost = search_cases.missing(case, pages)
        click.echo(f"{'MISS' if lost else 'ok  '} {case.lang} {case.query!r}: {pages[0] if pages else '-'}"
                   + (f" ({', '.join(lost)} / top 5: {', '.join(pages)})" if lost else ""))
    findings = editors_report.collect(content, data_dir, data_dir.parent, site.today, site.options.stale_after_months)
    if output == "github":
        click.echo("\n".join(annotations.warning(f) for f in findings if f.section == "search"))


@cli.command(short_help="Catat terjemahan yang sudah diperiksa / record checked translations.",
             help="Catat bahwa terjemahan di BERKAS (semua kolom, atau KOLOM dan isinya, mis. summary, steps, "
                  "steps[2]) sudah diperiksa terhadap teks bahasa utama yang sekarang. Tanda 'terjemahan mungkin "
                  "belum diperbarui' hilang sampai teks sumbernya berubah lagi.\n\n"
                  "Record that the translations in FILE (every field, or FIELD and what is under it, e.g. "
                  "summary, steps, steps[2]) were checked against the default-language text as it is now. The "
                  "'translation may be out of date' notice goes away until the source text changes again.")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("field", required=False)
@click.option("--lang", "languages", multiple=True,
              help="Hanya bahasa ini (boleh berulang; bawaan: semua). / Only this language (repeatable; default: all).")
@DATA_OPTION
def translated(file: Path, field: str | None, languages: tuple[str, ...], data_dir: Path | None) -> None:
    site = from_mkdocs_file()
    data_dir, content = _load(site, data_dir)
    root = data_dir.parent.resolve()
    if not file.is_absolute() and (root / file).exists():  # as status prints it: relative to the project
        file = root / file
    try:
        name = file.resolve().relative_to(root).as_posix()
    except ValueError:
        raise click.BadParameter(f"'{file}' tidak di {root} / is not in {root}", param_hint="FILE") from None
    texts = [(tf.field, tf.text) for tf in sorted(content.text_fields, key=lambda tf: tf.line) if tf.file == name]
    if name not in content.translation_records:
        raise click.BadParameter(f"'{name}' bukan berkas isi di {data_dir.name}/ / is not a content file in "
                                 f"{data_dir.name}/", param_hint="FILE")
    if field is not None and not any(translations.under(f, field) for f, _ in texts):
        hint_id, hint_en = did_you_mean(field, [f for f, _ in texts])
        raise click.BadParameter(f"'{name}' tidak punya kolom teks '{field}'{hint_id} / "
                                 f"has no text field '{field}'{hint_en}", param_hint="FIELD")
    unknown = [lang for lang in languages if lang not in site.languages[1:]]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}: bukan bahasa terjemahan situs ini / "
                                 f"not a translation language of this site", param_hint="--lang")
    before = content.translation_records.get(name, {})
    after = translations.updated(before, texts, content.default_language, field, languages)
    path = translations.record_path(data_dir.resolve(), root / name)
    if after:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(translations.dump(after, path, data_dir.resolve()), encoding="utf-8")
    elif path.exists():
        path.unlink()
    changed = sorted({(lang, f) for lang, by in after.items() for f, h in by.items() if before.get(lang, {}).get(f) != h})
    click.echo(f"Dicatat / recorded: {len(changed)} ({path.relative_to(root).as_posix()})")
    click.echo("\n".join(f"  {lang} {f}" for lang, f in changed))


if __name__ == "__main__":
    cli()
