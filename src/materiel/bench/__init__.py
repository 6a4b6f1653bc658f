"""Benchmarks (``make bench``): each module ``materiel.bench.<name>`` exposes
``run() -> str`` returning a Markdown section; results go to docs/benchmarks.md."""
