"""Where the project's files are and which languages it builds, read from ``mkdocs.yml``."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[3]
LOCAL_SITE_URL = "http://127.0.0.1:8000/"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "0.0.0.0")


@dataclass(frozen=True)
class Options:
    """``extra.portal`` in ``mkdocs.yml``: where staff edit, where readers report, when pages go stale."""

    repo_url: str = ""          # e.g. https://github.com/<owner>/<repo>; empty: no edit/issues links
    edit_branch: str = "main"
    report_email: str = ""      # empty: readers report through the repository's issues
    stale_after_months: int = 12
    brochures: bool = True      # false (PORTAL_BROCHURES=0): no PDFs, e.g. for the bench's synthetic builds
    today: dt.date | None = None  # "today" for review dates and staleness (PORTAL_TODAY); None: the clock's
    cms_backend: str = "github"  # the web editor's backend at /admin/ (PORTAL_CMS_BACKEND): github, test-repo, proxy
    cms_auth_url: str = ""       # the GitHub OAuth proxy the deployer runs (PORTAL_CMS_AUTH_URL); empty: Decap's login
    cms_auth_endpoint: str = ""  # its path when not 'auth' (PORTAL_CMS_AUTH_ENDPOINT)
    cms_local_url: str = ""      # decap-server's API for local editing (PORTAL_CMS_LOCAL_URL), e.g. http://localhost:8081/api/v1
    cms_branch: str = ""         # the branch the editor's saves start from when not edit_branch (PORTAL_CMS_BRANCH; make editor)

    @classmethod
    def from_extra(cls, extra: Any) -> "Options":
        portal = (extra or {}).get("portal") or {}
        return cls(repo_url=str(portal.get("repo_url") or "").rstrip("/"),
                   edit_branch=str(portal.get("edit_branch") or "main"),
                   report_email=str(portal.get("report_email") or ""),
                   stale_after_months=int(portal.get("stale_after_months") or 12),
                   brochures=str(portal.get("brochures", True)).lower() not in ("0", "false", "no", "off"),
                   today=parse_today(portal.get("today")),
                   cms_backend=str(portal.get("cms_backend") or "github"),
                   cms_auth_url=str(portal.get("cms_auth_url") or ""),
                   cms_auth_endpoint=str(portal.get("cms_auth_endpoint") or ""),
                   cms_local_url=str(portal.get("cms_local_url") or ""),
                   cms_branch=str(portal.get("cms_branch") or ""))


def parse_today(value: Any) -> dt.date | None:
    """The ``today`` setting (``YYYY-MM-DD``), or None when it is empty."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"PORTAL_TODAY / extra.portal.today '{value}' harus YYYY-MM-DD / must be YYYY-MM-DD") from None


@dataclass(frozen=True)
class Site:
    """Paths and languages for one build; the default language comes first."""

    root: Path
    data_dir: Path
    docs_dir: Path
    site_dir: Path
    languages: tuple[str, ...]
    site_url: str = LOCAL_SITE_URL
    options: Options = field(default_factory=Options)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def today(self) -> dt.date:
        """The date content is judged against: ``extra.portal.today`` (``PORTAL_TODAY``) or the clock's."""
        return self.options.today or dt.date.today()

    @property
    def is_local_preview(self) -> bool:
        """True for the default and any other loopback address (``mkdocs serve -a ...``)."""
        return urlsplit(self.site_url).hostname in LOOPBACK_HOSTS

    def page_url(self, lang: str, path: str) -> str:
        """Absolute URL of ``path`` (e.g. 'program/melati/') in ``lang``."""
        prefix = "" if lang == self.default_language else f"{lang}/"
        return self.site_url.rstrip("/") + "/" + prefix + path


def ordered_languages(entries: list[Any]) -> tuple[str, ...]:
    """Locales of the i18n plugin's ``languages`` entries, default first, unbuilt ones left out."""
    def get(entry, key, default=None):
        return entry.get(key, default) if isinstance(entry, dict) else getattr(entry, key, default)
    built = [e for e in entries if get(e, "build", True) and get(e, "locale") != "null"]
    built.sort(key=lambda e: not get(e, "default", False))
    return tuple(get(e, "locale") for e in built)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: ``!ENV`` and ``!!python/name`` tags become plain values."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node)
    for name in names[:-1]:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if names else None


_TolerantLoader.add_constructor("!ENV", _env)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def from_mkdocs_file(path: Path = ROOT / "mkdocs.yml") -> Site:
    """The :class:`Site` described by ``mkdocs.yml``, without loading MkDocs."""
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    plugins = config.get("plugins", [])
    i18n = next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)
    root = path.parent
    return Site(root=root, data_dir=root / "data", docs_dir=root / config.get("docs_dir", "docs"),
                site_dir=root / config.get("site_dir", "site"), languages=ordered_languages(i18n["languages"]),
                site_url=config.get("site_url") or LOCAL_SITE_URL, options=Options.from_extra(config.get("extra")))
