"""The default theme, shipped inside the package as ``generator.themes``."""
