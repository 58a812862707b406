"""Step 3 of the pipeline: the one package that imports MkDocs or touches mkdocs-static-i18n."""
