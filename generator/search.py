"""The Pagefind adapter: index the written site with the Pagefind binary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(Exception):
    """Pagefind failed; the message carries what it printed."""


def index_site(site_dir: Path, language: str) -> None:
    """Index every page marked ``data-pagefind-body`` under ``site_dir`` into site_dir/pagefind."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language",
           language, "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({done.returncode}): "
                               f"{done.stderr.strip() or done.stdout.strip()}")
