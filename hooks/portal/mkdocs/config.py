"""The :class:`~portal.site.config.Site` of a loaded MkDocs config (``from_mkdocs_file`` reads
``mkdocs.yml`` without MkDocs)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from portal.mkdocs import i18n
from portal.site.config import LOCAL_SITE_URL, Options, Site, ordered_languages


def from_mkdocs_config(config: Any) -> Site:
    """The :class:`Site` of a loaded MkDocs config."""
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).parent if config.config_file_path else docs_dir.parent
    return Site(root=root, data_dir=root / "data", docs_dir=docs_dir, site_dir=Path(config.site_dir),
                languages=ordered_languages(i18n.configured_languages(config)),
                site_url=config.site_url or LOCAL_SITE_URL, options=Options.from_extra(config.extra))
