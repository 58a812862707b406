"""The build's order of work: prepare (content, pages, brochures) before MkDocs, post-build
outputs and checks after it; the build lock, interruption and the folders the build may write."""
