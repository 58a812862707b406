"""`make serve`: a file broken while the preview runs shows its errors on the page, and the page
comes back once the file is fixed (MkDocs' live server alone would hold the request)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import MKDOCS, make_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen, seconds: int = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve ended: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} not served after {seconds} s")


@pytest.fixture
def preview(tmp_path):
    """``mkdocs serve`` of a fixture project as ``make serve`` runs it (no brochures): (project, base URL)."""
    project = make_project(tmp_path / "p")  # judged on the fixture's own day, whatever the clock says
    port = _free_port()
    # Under `make test-calendar` the server runs without libfaketime, which stalls the timed waits
    # of MkDocs' live server (the browser still sees the shifted clock).
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}
    server = subprocess.Popen(
        [*MKDOCS, "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env={**env, "NO_MKDOCS_2_WARNING": "1", "PORTAL_BROCHURES": "0"})
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_served(base + "program/melati/", server)
        yield project, base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_broken_file_shows_its_errors_on_the_page_then_the_page_comes_back(preview, page):
    project, base = preview
    melati = project / "data" / "programs" / "melati.yaml"
    good = melati.read_text(encoding="utf-8")
    page.goto(base + "program/melati/")
    assert page.locator("h1").first.inner_text().startswith("Melati")

    melati.write_text(good.replace("title:\n", "title\n", 1), encoding="utf-8")
    heading = page.locator("#pmi-content-errors")
    heading.wait_for(timeout=120_000)  # the live-reload script reloads the page after the rebuild
    body = page.locator("body").inner_text()
    assert "1 kesalahan isi / 1 content error(s)" in heading.inner_text()
    assert "data/programs/melati.yaml:2 [E-COLON]" in body, body
    assert "'title' di baris ini tidak diikuti titik dua; tulis 'title:'" in body
    assert "'title' on this line has no colon after it; write 'title:'" in body
    page.goto(base + "en/")  # every page shows them, not only the one that was open
    assert page.locator("#pmi-content-errors").count() == 1

    melati.write_text(good, encoding="utf-8")
    page.goto(base + "program/melati/")
    page.locator("h1", has_text="Melati").first.wait_for(timeout=120_000)
    assert page.locator("#pmi-content-errors").count() == 0
