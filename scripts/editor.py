"""`make editor`: the web editor at http://127.0.0.1:8000/admin/ on this computer, saving as online.

Starts two servers, both on 127.0.0.1 only (nothing on the network can reach them):
- decap-server (npm, pinned) in git mode on a separate `git worktree` (.cache/editor-worktree, on
  branch `editor-base`, the last commit): Save makes a branch `cms/<collection>/<name>`, as a pull
  request would. decap-server checks branches out and commits with `git add .` in its own folder,
  so the checkout's uncommitted files are never touched, and the preview never sees a checkout;
- the site preview (`mkdocs serve`, without the brochures and without live reload, so that a
  rebuild never reloads the editor), whose /admin/ talks to that decap-server.
Ctrl-C stops both and removes the worktree; the branches stay (`git branch --list 'cms/*'`).

Usage: .venv/bin/python scripts/editor.py [--root DIR] [--port 8000] [--api-port 8081]
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
BASE_BRANCH = "editor-base"
WORKTREE = Path(".cache") / "editor-worktree"
HOST = "127.0.0.1"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


def new_worktree(root: Path) -> Path:
    """The worktree decap-server works in, made afresh from the last commit."""
    path = root / WORKTREE
    if path.exists():
        subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(path)], capture_output=True)
        shutil.rmtree(path, ignore_errors=True)
    _git(root, "worktree", "prune")
    _git(root, "worktree", "add", "--quiet", "--force", "-B", BASE_BRANCH, str(path), "HEAD")
    return path


def remove_worktree(root: Path, path: Path) -> None:
    subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(path)], capture_output=True)


def _author_env(root: Path) -> dict[str, str]:
    """A commit author for decap-server's saves when git has none configured."""
    if subprocess.run(["git", "-C", str(root), "config", "user.email"], capture_output=True).returncode == 0:
        return {}
    return {"GIT_AUTHOR_NAME": "Editor web", "GIT_AUTHOR_EMAIL": "editor@localhost",
            "GIT_COMMITTER_NAME": "Editor web", "GIT_COMMITTER_EMAIL": "editor@localhost"}


@click.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=ROOT,
              help="Proyek (repositori git). / The project (a git repository).")
@click.option("--port", type=int, default=8000, help="Pratinjau situs. / The site preview.")
@click.option("--api-port", type=int, default=8081, help="decap-server.")
def main(root: Path, port: int, api_port: int) -> None:
    root = root.resolve()
    if not SERVER.is_file():
        sys.exit(f"{SERVER} tidak ada; jalankan 'make build' / is missing; run 'make build'")
    node = shutil.which("node") or sys.exit("node tidak ada / is missing: apt-get install nodejs")
    worktree = new_worktree(root)
    api = f"http://{HOST}:{api_port}/api/v1"
    env = {**os.environ, **_author_env(root)}
    servers = [
        subprocess.Popen([node, str(SERVER)], cwd=worktree, env={
            **env, "PORT": str(api_port), "BIND_HOST": HOST, "MODE": "git", "GIT_REPO_DIRECTORY": str(worktree)}),
        subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"{HOST}:{port}",
                          "-f", str(root / "mkdocs.yml")], cwd=root, env={
            **env, "NO_MKDOCS_2_WARNING": "1", "PORTAL_BROCHURES": env.get("PORTAL_BROCHURES", "0"),
            "PORTAL_CMS_LOCAL_URL": api, "PORTAL_CMS_BRANCH": BASE_BRANCH}),
    ]
    click.echo(f"Editor web / web editor: http://{HOST}:{port}/admin/ (Masuk / Login). Simpan membuat cabang "
               f"cms/... dari commit terakhir; berkas yang belum di-commit tidak tersentuh. Ctrl-C: berhenti.\n"
               f"Save makes a branch cms/... from the last commit; uncommitted files are left alone. Ctrl-C: stop.")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while all(server.poll() is None for server in servers):
            try:
                servers[0].wait(timeout=1)
            except subprocess.TimeoutExpired:
                pass
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        remove_worktree(root, worktree)
    sys.exit(max(server.returncode or 0 for server in servers))


if __name__ == "__main__":
    main()
