"""YAML in, typed model out: reading data files, the schema, the editorial rules and the model.

Step 1 of the pipeline. Plain Python: nothing here knows about pages, MkDocs or the site.
"""
