"""What the build publishes besides the pages: brochures, the checker's data, search, redirects.

Step 4 of the pipeline, around and after MkDocs. Plain Python.
"""
