"""minutes: a static site generator for published meeting minutes."""

__version__ = "0.1.0"
