"""Checks over content and the built site, and the editors' tools: links, privacy, page weight,
the editors' report, new-file scaffolds, GitHub annotations, the docs/ guard. Plain Python."""
