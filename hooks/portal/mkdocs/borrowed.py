"""Every internal of MkDocs, Material and mkdocs-static-i18n the build relies on, in one list.

None of these is a documented API: an upgrade may change them without notice (MkDocs 2 drops
plugins and theme overrides; Material 9 reaches end of life in 2027). ``tests/test_borrowed.py``
checks each against the installed packages and fails naming the entry, so an upgrade that
breaks one is seen at once, not in a reader's browser.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attribute:
    """Code of a package we reach into: ``qualname`` in ``module``, whose source must still
    contain each of ``needs`` (the lines our use depends on)."""
    module: str
    qualname: str
    needs: tuple[str, ...]
    used_in: str
    why: str


@dataclass(frozen=True)
class Template:
    """A Material template (or one ``block`` of it) that ``ours`` copies or replaces, with the
    SHA-256 of the original as it was when ours was written: a different hash means Material
    changed it, and ours must be compared with the new original."""
    material: str  # path under material/templates/
    block: str | None  # a {% block %} of it, or None for the whole file
    sha256: str
    ours: str
    why: str


ATTRIBUTES = (
    Attribute("mkdocs.livereload", "LiveReloadServer._build_loop",
              ("self.builder()", "self._visible_epoch = self._wanted_epoch"),
              "hooks/portal_hooks.py",
              "on_serve wraps server.builder: a rebuild that fails on content errors returns normally "
              "(after writing the error page), so the live server shows it instead of holding requests"),
    Attribute("mkdocs.structure.pages", "Page.render",
              ("self.content =", "self.toc =", "self.present_anchor_ids ="),
              "portal/mkdocs/prerendered.py",
              "replaced per generated page (its body is HTML already): ours must set what it sets"),
    Attribute("mkdocs.plugins", "PluginCollection.on_page_read_source", ("page", "config"),
              "hooks/portal_hooks.py",
              "generated pages' text comes from memory (docs/ is never written); deprecated since "
              "MkDocs 1.6, whose File.generated(content=...) could replace it"),
    Attribute("mkdocs.structure.toc", "get_toc", ("toc_tokens",),
              "portal/mkdocs/prerendered.py", "builds a page's table of contents from its headings"),
    Attribute("markdown.extensions.toc", "nest_toc_tokens", ("toc_list",),
              "portal/mkdocs/prerendered.py", "nests the heading tokens as MkDocs' toc expects"),
    Attribute("mkdocs_static_i18n.plugin", "I18n",
              ("self.building = True", "self.building = False", "self.current_language"),
              "portal/mkdocs/i18n.py",
              "which language is being built, and whether the other languages are (search index, "
              "post-build, 404 pages, template globals)"),
    Attribute("mkdocs_static_i18n.reconfigure", "ExtendedPlugin.current_language_config", ("current_language",),
              "portal/mkdocs/i18n.py", "the language root ('en/') for the search bundle and fallback page"),
    Attribute("mkdocs_static_i18n.folder", "create_i18n_file", ("file.alternates",),
              "portal/mkdocs/i18n.py", "each page's language versions, for the hreflang alternates"),
)

@dataclass(frozen=True)
class TemplateUse:
    """A Material template that must still contain each of ``needs`` for our pages to work."""
    material: str  # path under material/templates/
    needs: tuple[str, ...]
    used_in: str
    why: str


TEMPLATE_USES = (
    TemplateUse("partials/toc-item.html", ("toc_item.typeset.title",), "portal/mkdocs/prerendered.py",
                "AnchorLink.typeset: a toc entry shows typeset.title, its heading's HTML (lang spans "
                "kept), set on each AnchorLink we make"),
)

TEMPLATES = (
    Template("base.html", "site_meta",
             "e306b9472bf91403943802f57b9a77a72eabbd2612dfcf341a7c228d6aa8223f",
             "overrides/main.html", "copied, less what partials/portal/meta.html does instead"),
    Template("base.html", "htmltitle",
             "8ebd0d3f80cb7be8baa6a77ed0759e9d08eba8a72047270089a452cd911f83ef",
             "overrides/main.html", "emptied: the title is in partials/portal/meta.html"),
    Template("base.html", "site_nav",
             "08b0b8418133d46ea078a7737f096bed62048ed4be5f9c1ba790b3cd3f498cbc",
             "overrides/main.html", "copied, with the nav of pages outside it rendered once per folder"),
    Template("base.html", "config",
             "b84001acaa9dc3791d04b24d2533025797fbe59d71702bd25693fe05aac34ddf",
             "overrides/main.html", "emptied: Material's JavaScript is not loaded (page weight)"),
    Template("base.html", "scripts",
             "66cc07f62fe03dd2b41d9d1f94be4f466246e551c41240f6a10f438cc53c3e90",
             "overrides/main.html", "replaced: no Material bundle; the drawer button and our scripts"),
    Template("base.html", "footer",
             "e501ed9a997ad2bbd19652be15f237e7bcd2c985624172ff02fc67968b510ef8",
             "overrides/main.html", "emptied: its only line was Material's credit (README credits it); page weight"),
    Template("partials/javascripts/content.html", None,
             "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
             "overrides/partials/javascripts/content.html", "emptied: content tabs are not used; page weight"),
    Template("partials/javascripts/base.html", None,
             "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
             "overrides/partials/javascripts/base.html",
             "emptied: helpers of Material's JS and palette toggle, neither loaded; page weight"),
    Template("partials/header.html", None,
             "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
             "overrides/partials/header.html", "copied, the search button always included (Pagefind), the palette script left out"),
    Template("partials/content.html", None,
             "ce33929c85af129f6e2f3b0aed47159e9c4a519482d1938bae15f5ff4a3cfae5",
             "overrides/partials/content.html", "copied, title and text inside Pagefind's indexed part"),
    Template("partials/search.html", None,
             "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
             "overrides/partials/search.html", "replaced: a link to the A–Z page that opens Pagefind"),
    Template("404.html", None,
             "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
             "overrides/404.html", "replaced: the 404 page in the reader's language"),
)

THEME_STYLESHEET = "assets/stylesheets/main.*.min.css"
"""Material's stylesheet, which every page loads: :mod:`portal.outputs.unused_css` trims it; the
test checks Material still ships it there."""

THEME_SCRIPTS = ("assets/javascripts/bundle.*", "assets/javascripts/workers", "assets/javascripts/lunr")
"""Where Material ships its JavaScript: :mod:`portal.mkdocs.theme_fixes` leaves these out of
``site/`` (no page loads them); the test checks Material still ships them there."""
THEME_UNUSED = ("assets/stylesheets/palette.*.min.css", "assets/stylesheets/palette.*.min.css.map",
                "assets/images/favicon.png")
"""Other files Material ships that no page loads: its colour palettes' stylesheet (our pages set no
palette) and its default favicon (``theme.favicon`` is our own icon). Left out of ``site/`` as well."""
