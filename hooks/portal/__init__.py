"""Portal PMI domain code: content model, validation and page generation.

Plain Python, importable without MkDocs; the files in ``hooks/`` only adapt
MkDocs events to these modules.
"""
