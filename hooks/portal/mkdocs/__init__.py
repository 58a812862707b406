"""Step 3 of the pipeline: the one package that imports MkDocs or touches mkdocs-static-i18n.

Every private attribute of MkDocs, Material or the i18n plugin we rely on is listed in
:mod:`portal.mkdocs.borrowed` and watched by a test.
"""
