"""Screenshots of every page type at phone and desktop width, light and dark, for review.

    python bench/screenshots.py [OUT_DIR]     (default: bench/out/screenshots)

Builds the example site into a temporary folder, serves it on loopback and saves
<page>-<width>-<scheme>.png with Debian's Chromium.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from generator.build.pipeline import BuildOptions, build  # noqa: E402

from browser import CHROMIUM_ARGS, serve  # noqa: E402 - the tests' loopback server

PAGES = {
    "home": "/",
    "body": "/region-jamtland-harjedalen/regionstyrelsen/",
    "year": "/arkiv/2020/",
    "meeting": "/region-jamtland-harjedalen/regionstyrelsen/2020-05-26/",
    "decisions": "/beslut/",
    "case": "/arenden/rs-412-2020/",
    "search": "/sok/?q=digitala",
    "notices": "/anslagstavla/",
    "page": "/om/",
    "statement": "/tillganglighet/",
    "404": "/404.html",
}


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "bench" / "out" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "_site"
        build(BuildOptions(source=REPO, output=site, today=date(2025, 9, 1), cache=False))
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            for scheme in ("light", "dark"):
                for width in (360, 1280):
                    context = browser.new_context(
                        viewport={"width": width, "height": 900}, color_scheme=scheme
                    )
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(base + path)
                        if name == "search":
                            page.wait_for_selector(".search-results li", timeout=15000)
                        target = out / f"{name}-{width}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
                        print(target)
                    context.close()
            browser.close()


if __name__ == "__main__":
    main()
