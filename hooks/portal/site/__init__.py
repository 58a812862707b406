"""The model as pages: URL layout, interface strings, the renderer and the page builders.

Step 2 of the pipeline. Plain Python: pages are text handed to MkDocs by :mod:`portal.mkdocs`.
"""
