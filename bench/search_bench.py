"""Benchmark: bytes a browser downloads for search queries, from its network log.

    python bench/search_bench.py SITE_DIR [--query beslut --query2 budget] [--gzip]

Serves SITE_DIR on loopback (optionally gzip-compressing text responses, as static hosts
do), opens the search page in Debian's Chromium with an empty cache, runs a first one-word
query and then a second one, and sums the encoded bytes of every response the browser
received for each (Chrome DevTools Protocol Network.loadingFinished), Pagefind's WASM
included. Measured with the search page's default order (newest first, which loads older
indexes only for more results) and with relevance (every index). Also prints the index
size on disk and what the first query's bytes were (script, WASM, metadata, postings,
fragments).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import CHROMIUM_ARGS

COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg")


class Handler(SimpleHTTPRequestHandler):
    """Static files; gzip for text types when the class says so and the browser accepts."""

    compress = False

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (
            self.compress
            and path.suffix in COMPRESSIBLE
            and path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def index_size(site: Path) -> int:
    return sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())


def measure(site: Path, queries: list[str], compress: bool, search_path: str) -> dict[str, int]:
    handler = functools.partial(type("H", (Handler,), {"compress": compress}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        urls: dict[str, str] = {}
        received: list[tuple[str, int]] = []
        cdp.on(
            "Network.requestWillBeSent",
            lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]),
        )
        cdp.on(
            "Network.loadingFinished",
            lambda e: received.append((urls.get(e["requestId"], ""), int(e["encodedDataLength"]))),
        )
        page.goto(f"{base}/{search_path}")
        page.wait_for_load_state("networkidle")
        for n, query in enumerate(queries):
            page.fill("#q", query)
            page.keyboard.press("Enter")
            page.wait_for_function(
                "q => document.querySelector('.search-status')?.textContent.includes(q)", arg=query
            )
            page.wait_for_load_state("networkidle")
            search = [(u, b) for u, b in received if "/pagefind/" in u or "search.js" in u]
            results[f"query{n + 1}_bytes"] = sum(b for _, b in search)
            results[f"query{n + 1}_requests"] = len(search)
            results[f"query{n + 1}_hits"] = page.locator(".search-results li").count()
            if n == 0:
                results["page_shell_bytes"] = sum(b for u, b in received if (u, b) not in search)
                kinds: dict[str, int] = {}
                for url, size in search:
                    kind = url.split("?")[0].rsplit(".", 1)[-1]
                    kinds[kind] = kinds.get(kind, 0) + size
                results["query1_by_kind"] = kinds  # type: ignore[assignment]
                results["query1_indexes"] = len(  # type: ignore[assignment]
                    {
                        u.split("/pagefind/")[1].split("/")[0]
                        for u, _ in search
                        if "/pagefind/" in u and not u.endswith("pagefind.js")
                    }
                )
            received.clear()
        browser.close()
    server.shutdown()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", default="beslut")
    parser.add_argument("--query2", default="budget")
    parser.add_argument(
        "--search-path",
        default="sok/",
        help="the search page, with filters if wanted: 'sok/?year=2015'",
    )
    args = parser.parse_args()
    row: dict[str, object] = {
        "index_bytes_on_disk": index_size(args.site),
        "indexes": len(list((args.site / "pagefind").iterdir())),
    }
    queries = [args.query, args.query2]
    row["plain"] = measure(args.site, queries, False, args.search_path)
    row["gzip"] = measure(args.site, queries, True, args.search_path)
    joint = "&" if "?" in args.search_path else "?"
    row["gzip_relevance"] = measure(
        args.site, queries, True, f"{args.search_path}{joint}sort=relevance"
    )
    print(json.dumps(row))


if __name__ == "__main__":
    main()
