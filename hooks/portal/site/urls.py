"""The URL layout of the site: every folder the build generates, and the paths of its pages.

Paths are relative to a language's root (``program/melati`` is ``/program/melati/`` in the
default language and ``/en/program/melati/`` in English); generated pages are ``<path>.md``.
"""
from __future__ import annotations

PROGRAM_DIR, PROCEDURE_DIR, ORGANIZATION_DIR = "program", "prosedur", "organisasi"
COUNTRY_DIR = "negara"  # destination countries
SITUATION_DIR = "situasi"  # the pages by the reader's situation, linked from the home page
HELP_DIR = "bantuan"  # the help page: emergency and help lines of every country, help for families
GLOSSARY_DIR, PROPOSAL_DIR = "glosarium", "usulan"
CHECKER_DIR = "cek"  # the eligibility checker
AZ_DIR = "az"  # the A–Z index
OFFLINE_DIR = "luring"  # the page shown offline for a page not kept on the phone
BROCHURE_DIR = "brosur"  # the brochures (PDF) and the page listing them
SEARCH_DIR = "pagefind"  # Pagefind's bundle, at the root of each language
ADMIN_DIR = "admin"  # the staff's web editor (/admin/): not for readers, so out of search, sitemap, nav, offline cache
ELIGIBILITY_DATA = "assets/portal/eligibility.json"  # the checker's data, at the site root
BY_ORGANIZATION = "menurut-organisasi"  # program/menurut-organisasi.md
GENERATED_DIRS = (HELP_DIR, SITUATION_DIR, PROGRAM_DIR, PROCEDURE_DIR, COUNTRY_DIR, ORGANIZATION_DIR, GLOSSARY_DIR,
                  PROPOSAL_DIR, CHECKER_DIR, AZ_DIR, OFFLINE_DIR)
OWNED_DIRS = (*GENERATED_DIRS, BROCHURE_DIR)  # folders of docs/ the build generates pages into (in memory)


def is_admin(path: str) -> bool:
    """True for the web editor and its files ('admin/', '/admin/decap-cms.js'), which readers never need."""
    return path.lstrip("/").split("/", 1)[0] == ADMIN_DIR


def audience_slug(audience: str) -> str:
    """'calon_pmi' -> 'untuk-calon-pmi' (program/untuk-calon-pmi.md)."""
    return "untuk-" + audience.replace("_", "-")


def program_path(slug: str) -> str:
    """A program page's URL path under its language's root: 'program/melati/'."""
    return f"{PROGRAM_DIR}/{slug}/"


def procedure_path(slug: str) -> str:
    """A procedure page's URL path under its language's root: 'prosedur/jika-ada-masalah/'."""
    return f"{PROCEDURE_DIR}/{slug}/"


def country_path(slug: str) -> str:
    """A country page's URL path under its language's root: 'negara/malaysia/'."""
    return f"{COUNTRY_DIR}/{slug}/"


def program_page(slug: str) -> str:
    """A program page's generated path: 'program/melati' (``program/melati.<lang>.md``)."""
    return f"{PROGRAM_DIR}/{slug}"


def brochure_path(name: str) -> str:
    """A brochure's path under its language's root: 'brosur/melati-id.pdf'."""
    return f"{BROCHURE_DIR}/{name}"


def relative_root(path: str) -> str:
    """'../' per directory level of a generated page's URL (``program/x`` -> ``../../``)."""
    parts = path.split("/")
    return "../" * (len(parts) - (parts[-1] == "index"))


def url(root: str, path: str, anchor: str = "") -> str:
    """The URL of page ``path`` ('program/melati', 'cek/index') from a page whose relative root is ``root``."""
    folder = path[: -len("index")] if path == "index" or path.endswith("/index") else path + "/"
    return root + folder + (f"#{anchor}" if anchor else "")
