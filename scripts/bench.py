#!/usr/bin/env python3
"""Benchmark: build times, our hooks' overhead, page weight, search index, brochures, checker, Lighthouse.

    python scripts/bench.py [--runs 3] [--sizes 100,1000] [--lighthouse-runs 3] [--no-lighthouse]

Every build runs in a temporary copy of the project (hooks, templates and schema linked, data
copied), so the working tree is never touched; synthetic programs are generated there and thrown
away. Times are the median of ``--runs`` cold builds (generated pages and site/ removed first).
Prints a Markdown table. Lighthouse runs when ``node_modules/.bin/lighthouse`` and Chromium exist,
against a small local server that gzips its answers, as a production host would.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from portal.build import postbuild  # noqa: E402
from portal.build.prepare import prepare  # noqa: E402
from portal.outputs import search  # noqa: E402
from portal.site.config import from_mkdocs_file  # noqa: E402
from portal.content.validator import load_content  # noqa: E402
from portal.site.strings import load_strings  # noqa: E402
from portal.site.urls import OWNED_DIRS  # noqa: E402
try:  # issue 23's print kit; absent on older trees
    from portal.outputs.print_kit import benchmark as print_kit_benchmark  # noqa: E402
except ImportError:
    print_kit_benchmark = None
try:  # issue 7's brochures; absent on older trees
    from portal.outputs.brochures import benchmark as brochure_benchmark  # noqa: E402
except ImportError:
    brochure_benchmark = None
from portal.outputs import offline  # noqa: E402
from portal.checks.page_weight import (CHECKER_FIRST_VIEW_BUDGET, FIRST_VIEW_BUDGET, HELP_FIRST_VIEW_BUDGET,  # noqa: E402
                                       REPEAT_VIEW_BUDGET, gzipped_size, page_weight)
from portal.mkdocs.borrowed import THEME_STYLESHEET  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update " \
               "--disable-sync --disable-quic --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PROGRAM_PAGE = "program/{slug}/index.html"
NA = "n/a"


# --- projects -----------------------------------------------------------------------------------

def make_project(dest: Path, synthetic: int = 0, hooks: bool = True, pages_of: Path | None = None) -> Path:
    """A copy of the project in ``dest``: the real data plus ``synthetic`` generated programs.

    Without ``hooks``, the mkdocs.yml has no hooks and the pages our hooks generate for the
    project ``pages_of`` are written into docs/ as plain files, beside the hand-written ones.
    """
    dest.mkdir(parents=True)
    for name in ("hooks", "overrides", "schema"):
        (dest / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "data", dest / "data")
    (dest / "docs").mkdir()
    for path in (ROOT / "docs").iterdir():
        if path.name not in OWNED_DIRS:  # leftovers of builds that wrote pages there
            (dest / "docs" / path.name).symlink_to(path)
    if pages_of is not None:
        for rel, text in generated_pages(pages_of).items():
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            (dest / "docs" / rel).write_text(text, encoding="utf-8")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not hooks:  # plain Material: our templates need the hooks' globals
        text = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", text).replace("  custom_dir: overrides\n", "")
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    if synthetic:
        add_synthetic_programs(dest / "data" / "programs", synthetic)
    return dest


def generated_pages(project: Path) -> dict[str, str]:
    """{path under docs/: text} of the pages our hooks generate for ``project`` (no brochures)."""
    before = dict(os.environ)
    os.environ["PORTAL_BROCHURES"] = "0"
    os.chdir(project)
    try:
        return prepare(from_mkdocs_file(project / "mkdocs.yml")).pages
    finally:
        os.chdir(ROOT)
        os.environ.clear()
        os.environ.update(before)


def add_synthetic_programs(folder: Path, count: int) -> None:
    """``count`` programs cloned round-robin from the real ones, each with its own slug and title.

    A clone of a program with published criteria gets what the validator asks of it: one
    'likely' (or, with unchecked criteria, 'maybe') and one 'not' case (one file each), cloned from
    the model's cases in data/cases/.
    """
    models = sorted(folder.glob("*.yaml"))
    cases_dir = folder.parent / "cases"
    real_cases = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(cases_dir.glob("*.yaml"))]
    for i in range(count):
        model = models[i % len(models)]
        slug = f"sintetis-{i + 1:04d}"
        data = yaml.safe_load(model.read_text(encoding="utf-8"))
        data.pop("old_slugs", None)
        data["title"] = {lang: f"{text} #{i + 1}" for lang, text in data["title"].items()}
        (folder / f"{slug}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for verdict in ("likely", "maybe", "not") if data["eligibility"].get("unchecked") else ("likely", "not"):
            about = [c for c in real_cases if c["expect"].get(model.stem) == verdict]
            # a model with unchecked criteria needs a 'maybe' that shows them: the fullest one
            case = max(about, key=lambda c: sum(v is not None for v in c["answers"].values()), default=None)
            if case is not None and data["eligibility"]["criteria_published"]:
                clone = {"name": f"{case['name']} ({slug})", "answers": dict(case["answers"]), "expect": {slug: verdict}}
                text = yaml.safe_dump(clone, allow_unicode=True, sort_keys=False)
                (cases_dir / f"{slug}-{verdict}.yaml").write_text(text, encoding="utf-8")


def build(project: Path, env: dict[str, str], keep_cards: bool = False) -> tuple[float, float]:
    """One cold build of ``project`` (site/ and the caches removed first; with ``keep_cards``, the
    link preview images of the last build stay in .cache/og, as CI keeps them between builds).

    Returns (wall seconds, CPU seconds): CPU time stays meaningful when other work shares the machine.
    """
    shutil.rmtree(project / "site", ignore_errors=True)
    cards, kept = project / ".cache" / "og", project / "og-kept"
    if keep_cards and cards.is_dir():
        cards.rename(kept)
    shutil.rmtree(project / ".cache", ignore_errors=True)  # brochure cache: every run is a fresh clone's build
    if kept.is_dir():
        cards.parent.mkdir(parents=True)
        kept.rename(cards)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
                            cwd=project, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_build(project: Path, env: dict[str, str], runs: int, keep_cards: bool = False) -> tuple[float, float]:
    """Median (wall, CPU) seconds over ``runs`` builds."""
    times = [build(project, env, keep_cards) for _ in range(runs)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def secs(t: tuple[float, float]) -> str:
    return f"{t[0]:.2f} s ({t[1]:.2f} s CPU)"


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


# --- measures on a built site ------------------------------------------------------------------

def kb(n: int | float) -> str:
    return f"{n / 1024:.1f} KB"


def time_postbuild_steps(project: Path) -> dict[str, float]:
    """Seconds per post-build step (brochures, search index, ...), run again on the built site."""
    os.chdir(project)
    prepared = prepare(from_mkdocs_file(project / "mkdocs.yml"))
    out = {}
    for name, step in postbuild.STEPS:
        start = time.perf_counter()
        step(prepared)
        out[name] = time.perf_counter() - start
    os.chdir(ROOT)
    return out


def search_index_sizes(site: Path) -> dict[str, int]:
    """Bytes of each language's Pagefind bundle (its index and its copy of Pagefind's UI)."""
    sizes: dict[str, int] = {}
    for bundle in search.bundles(site):
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        for lang in entry["languages"]:
            sizes[lang] = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    return sizes


def checker_files(site: Path) -> list[Path]:
    """The checker's script and the data it fetches (assets named after the checker or eligibility)."""
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in (".js", ".json")
                  and re.search(r"check|cek|eligib", p.name) and not {"pagefind", "admin"} & set(p.parts))


def brochures(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf"))


# --- Lighthouse against a gzip server ------------------------------------------------------------

class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it, cached for an hour."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        data = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(data)


def preview_times(project: Path, runs: int) -> tuple[float, list[float]]:
    """``make serve`` on ``project`` (no brochures): seconds until the first page is served, and
    for each of ``runs`` edits of a program file, seconds until its page shows the edit."""
    import signal
    import urllib.request
    port = free_port()
    slug = sorted(p.stem for p in (project / "data" / "programs").glob("*.yaml"))[0]
    url = f"http://127.0.0.1:{port}/program/{slug}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_BROCHURES": "0"}
    env.pop("SITE_URL", None)

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=60) as answer:
                return answer.read().decode("utf-8")
        except OSError:
            return ""

    def until(done, limit: float = 300) -> float:
        start = time.monotonic()
        while not done() and time.monotonic() - start < limit:
            time.sleep(0.1)
        return time.monotonic() - start

    start = time.monotonic()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], cwd=project, env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        until(lambda: bool(page()))
        startup = time.monotonic() - start
        program = project / "data" / "programs" / f"{slug}.yaml"
        original = program.read_text(encoding="utf-8")
        edits = []
        for i in range(runs):
            marker = f"benchedit{i}"
            program.write_text(original.replace("summary:\n  id: ", f"summary:\n  id: {marker} ", 1), encoding="utf-8")
            edits.append(until(lambda: marker in page()))
        program.write_text(original, encoding="utf-8")
        return startup, edits
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def theme_stylesheet() -> Path | None:
    """Material's stylesheet as the theme ships it, before trimming."""
    import material

    return next((Path(material.__file__).parent / "templates").glob(THEME_STYLESHEET), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(url: str, runs: int) -> dict[str, int] | None:
    """Median score (0-100) per category over ``runs`` mobile runs."""
    scores: dict[str, list[int]] = {c: [] for c in CATEGORIES}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for _ in range(runs):
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            capture_output=True, text=True, env=env, timeout=300)
        if result.returncode != 0:
            print(f"lighthouse failed for {url}: {result.stderr[-500:]}", file=sys.stderr)
            return None
        report = json.loads(result.stdout)
        for c in CATEGORIES:
            scores[c].append(round(100 * (report["categories"][c]["score"] or 0)))
        failed = [a["title"] for a in report["audits"].values()
                  if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "numeric")]
        if failed:
            print(f"lighthouse {url}: not full marks: {'; '.join(sorted(failed)[:12])}", file=sys.stderr)
    return {c: int(statistics.median(v)) for c, v in scores.items()}


# --- the report ----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per measure (median), default 3")
    parser.add_argument("--sizes", default="100,1000", help="synthetic program counts, default 100,1000")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    env_synthetic = {**env, "PORTAL_BROCHURES": "0"}  # brochures are timed on their own, below
    os.environ.update(SITE_URL=site_url)
    rows: list[tuple[str, str, str]] = []
    row = lambda what, value, note="": rows.append((what, value, note))  # noqa: E731

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        tmp = Path(tmp)
        real = make_project(tmp / "real")
        seconds = median_build(real, env, args.runs)
        site = real / "site"
        pages = html_pages(site)
        row("Full build, real content", secs(seconds), f"{pages} HTML pages, both languages, median of {args.runs}")
        startup, edits = preview_times(make_project(tmp / "preview"), 5)
        row("Preview (make serve, no brochures), real content: start-up", f"{startup:.1f} s", "until the first page is served")
        row("  edit of one program file to its page in the preview", f"{statistics.median(edits):.1f} s",
            f"median of 5; budget 3 s: {'OK' if statistics.median(edits) <= 3 else 'OVER'}")

        per_page = {}
        for n in sizes:
            hooked = make_project(tmp / f"syn{n}", synthetic=n)
            t_hooked = median_build(hooked, env_synthetic, args.runs)
            n_pages = html_pages(hooked / "site")
            plain = make_project(tmp / f"plain{n}", hooks=False, pages_of=hooked)
            t_plain = median_build(plain, env_synthetic, args.runs)
            per_page[n] = t_hooked[1] / n_pages
            note = f"{n_pages} pages, both languages"
            if n == 1000:
                on = 'wall' if t_hooked[0] <= t_hooked[1] else 'CPU, the machine being shared'
                note += f"; budget 15 s: {'OK' if min(t_hooked) <= 15 else 'OVER'} (on {on} time)"
            row(f"Build, {n:,} synthetic programs", secs(t_hooked), note)
            if n == max(sizes):
                row("  same, link preview images kept in .cache/og (as CI keeps them)",
                    secs(median_build(hooked, env_synthetic, args.runs, keep_cards=True)), "only the cards are kept")
            row(f"  CPU seconds per page, {n:,} programs", f"{per_page[n] * 1000:.2f} ms", "")
            row("  same pages as plain Markdown, no hooks", secs(t_plain),
                f"our overhead ×{t_hooked[1] / t_plain[1]:.2f} (CPU)")
            shutil.rmtree(plain)
            shutil.rmtree(hooked)
        if len(per_page) >= 2:
            small, large = min(per_page), max(per_page)
            ratio = per_page[large] / per_page[small]
            row(f"  s/page at {large:,} ÷ s/page at {small:,}", f"{ratio:.2f}",
                f"budget ≤ 1.2 (linear): {'OK' if ratio <= 1.2 else 'OVER'}")

        slug = sorted(p.stem for p in (ROOT / "data" / "programs").glob("*.yaml"))[0]
        for lang_prefix, lang in (("", "id"), ("en/", "en")):
            w = page_weight(site, lang_prefix + PROGRAM_PAGE.format(slug=slug))
            kinds = ", ".join(f"{k} {kb(gz)}" for k, (raw, gz) in w.by_kind().items())
            row(f"Program page first view ({lang})", f"{kb(w.gz)} gz", f"{kb(w.raw)} raw, {w.requests} requests ({kinds}); "
                f"budget {kb(FIRST_VIEW_BUDGET)}: {'OK' if w.gz <= FIRST_VIEW_BUDGET else 'OVER'}")
            row(f"Program page repeat view ({lang})", f"{kb(w.repeat_gz)} gz",
                f"budget {kb(REPEAT_VIEW_BUDGET)}: {'OK' if w.repeat_gz <= REPEAT_VIEW_BUDGET else 'OVER'}")
            h = page_weight(site, lang_prefix + "index.html")
            row(f"Home page first view ({lang})", f"{kb(h.gz)} gz", f"{kb(h.raw)} raw, {h.requests} requests; repeat {kb(h.repeat_gz)} gz")
            for label, folder, budget in (("Help page", "bantuan", HELP_FIRST_VIEW_BUDGET),
                                          ("Heaviest country page", "negara/*", FIRST_VIEW_BUDGET),
                                          ("Heaviest procedure page", "prosedur/*", FIRST_VIEW_BUDGET),
                                          ("Heaviest situation page", "situasi/*", FIRST_VIEW_BUDGET)):
                pages = [p.relative_to(site).as_posix() for p in sorted((site / lang_prefix).glob(f"{folder}/index.html"))]
                if not pages:
                    continue
                weights = [(page_weight(site, page), page) for page in pages]
                w, page = max(weights, key=lambda pair: pair[0].gz)
                row(f"{label} first view ({lang})", f"{kb(w.gz)} gz", f"{page}: {kb(w.raw)} raw, {w.requests} requests; "
                    f"repeat {kb(w.repeat_gz)} gz; budget {kb(budget)}: {'OK' if w.gz <= budget else 'OVER'}")
        full = theme_stylesheet()
        trimmed = next(site.glob(THEME_STYLESHEET), None)
        if full is not None and trimmed is not None:
            before, after = full.read_bytes(), trimmed.read_bytes()
            row("Material stylesheet, trimmed", f"{kb(gzipped_size(after))} gz",
                f"{kb(len(after))} raw; in full {kb(gzipped_size(before))} gz, {kb(len(before))} raw")

        shell = offline.shell(site, ["", "en/"])
        shell_gz = sum(r.gz for r in shell)
        row("Offline shell (install-time cache)", f"{kb(shell_gz)} gz",
            f"{len(shell)} files; budget {kb(offline.SHELL_BUDGET)}: {'OK' if shell_gz <= offline.SHELL_BUDGET else 'OVER'}")
        for lang_prefix, lang in (("", "id"), ("en/", "en")):
            saved = json.loads((site / lang_prefix / offline.SAVE_LIST).read_text(encoding="utf-8"))
            row(f"Save for offline reading ({lang})", f"{kb(saved['bytes'])} gz",
                f"{len(saved['files'])} files; budget {kb(offline.SAVE_BUDGET)}: "
                f"{'OK' if saved['bytes'] <= offline.SAVE_BUDGET else 'OVER'}")
        cards = sorted(p.stat().st_size for p in site.rglob("og.png"))
        if cards:
            row("Link preview images", f"{kb(max(cards))} largest", f"{len(cards)} PNGs, smallest {kb(cards[0])}; budget 100 KB each: "
                f"{'OK' if max(cards) < 100 * 1024 else 'OVER'}")
        index = search_index_sizes(site)
        for lang, size in index.items():
            row(f"Search bundle ({lang})", kb(size), f"files under {'' if lang == 'id' else lang + '/'}pagefind/")
        if not index:
            row("Search bundle", NA, "no pagefind/ in the site")
        for lang, sizes in search.measure(site).items():
            row(f"First search download ({lang})", f"{kb(sizes['first_search'])} gz",
                f"whole index {kb(sizes['index'])} gz; budget {kb(search.FIRST_SEARCH_BUDGET)}")

        steps = time_postbuild_steps(real)
        for name, secs_ in steps.items():
            row(f"Post-build step: {name}", f"{secs_:.2f} s", "run again on the built site")
        pdfs = brochures(site)
        if brochure_benchmark is not None:
            os.chdir(real)
            timings = brochure_benchmark(from_mkdocs_file(real / "mkdocs.yml"))
            os.chdir(ROOT)
            total = sum(t.seconds for t in timings)
            row("Brochure time", f"{total:.2f} s", f"{len(timings)} PDFs rendered afresh, "
                f"{1000 * total / max(len(timings), 1):.0f} ms each; {kb(sum(t.bytes for t in timings))} in all; {len(pdfs)} PDFs in site/")
        else:
            row("Brochure time", NA, "no brochures yet")
        if print_kit_benchmark is not None:
            os.chdir(real)
            real_site = from_mkdocs_file(real / "mkdocs.yml")
            kit = print_kit_benchmark(real_site, load_content(real_site.data_dir, real_site.languages, root=real),
                                      load_strings(real_site.data_dir / "ui", real_site.languages, root=real))
            os.chdir(ROOT)
            for name, secs_, pages in kit:
                row(f"Print kit: {name}", f"{secs_:.2f} s", f"{pages} pages, rendered afresh"
                    + (" (guide and imposition)" if name.startswith("office") else ""))

        files = checker_files(site)
        if files:
            for file in files:
                data = file.read_bytes()
                row(f"Checker {file.suffix[1:].upper()}: {file.name}", f"{kb(gzipped_size(data))} gz", f"{kb(len(data))} raw")
            for lang_prefix, lang in (("", "id"), ("en/", "en")):
                if (site / lang_prefix / "cek" / "index.html").exists():
                    c = page_weight(site, lang_prefix + "cek/index.html")
                    row(f"Checker page first view ({lang})", f"{kb(c.gz)} gz",
                        f"{kb(c.raw)} raw, {c.requests} requests, plus the data it fetches; repeat {kb(c.repeat_gz)} gz; "
                        f"budget {kb(CHECKER_FIRST_VIEW_BUDGET)}: {'OK' if c.gz <= CHECKER_FIRST_VIEW_BUDGET else 'OVER'}")
        else:
            row("Checker JS", NA, "no checker script in the site")

        if args.no_lighthouse or not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
            row("Lighthouse", NA, "not installed (npm ci) or switched off")
        else:
            server = serve(site, port)
            try:
                for path, label in (("", "home"), (f"program/{slug}/", "program page"), ("cek/", "checker"),
                                    ("bantuan/", "help page")):
                    for lang_prefix, lang in (("", "id"), ("en/", "en")):
                        scores = lighthouse(site_url + lang_prefix + path, args.lighthouse_runs)
                        value = " / ".join(str(scores[c]) for c in CATEGORIES) if scores else "failed"
                        row(f"Lighthouse {label} ({lang})", value,
                            f"perf / a11y / best practices / SEO, mobile, gzip server, median of {args.lighthouse_runs}")
            finally:
                server.shutdown()

    print(f"Portal PMI bench, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}\n")
    print("| measure | value | notes |\n| --- | --- | --- |")
    for what, value, note in rows:
        print(f"| {what} | {value} | {note} |")


if __name__ == "__main__":
    main()
