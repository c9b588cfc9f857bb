"""The guide's list of every message: written from the catalogue into the messages page of
each language's guide (``python -m generator.messages.guide --write``), so that no message
lacks its example and its fix there; tests/test_messages.py fails when the page is behind."""

from __future__ import annotations

import sys
from pathlib import Path

from . import LANGUAGES, Message
from .commands import Commands
from .front import Front
from .text import Text

PAGES = {
    "sv": Path("docs/sv/content/pages/meddelanden.md"),
    "en": Path("docs/en/content/pages/messages.md"),
}
HEADING = {"sv": "## Alla meddelanden", "en": "## All messages"}
PARTS = {
    "sv": (
        (Front, "Huvudet, datum, organfiler och site.toml"),
        (Text, "Texten: paragrafer, beslut, block, omröstningar, länkar och sekretess"),
        (Commands, "Kommandona och bygget"),
    ),
    "en": (
        (Front, "The front matter, dates, body files and site.toml"),
        (Text, "The text: items, decisions, containers, votes, links and secrecy"),
        (Commands, "The commands and the build"),
    ),
}
LABELS = {
    "sv": ("Så ser det ut", "Så rättar du det"),
    "en": ("What it looks like", "How to mend it"),
}


def example(message: Message, language: str) -> str:
    """The message as a clerk would see it, at the place the catalogue gives for it."""
    text = message(**message.example).text(language)
    return f"{message.where}: {text}" if message.where else text


def entry(message: Message, language: str) -> str:
    """One message in the guide: its name, an example, the fix."""
    looks, mend = LABELS[language]
    return (
        f"#### {message.code}\n\n"
        f"{looks}:\n\n```text\n{example(message, language)}\n```\n\n"
        f"{mend}: {message.fix(language)}\n"
    )


def section(language: str) -> str:
    """The page's last section: every message of the catalogue, part by part."""
    out = [f"{HEADING[language]}\n"]
    for part, title in PARTS[language]:
        out.append(f"### {title}\n")
        out += [entry(m, language) for m in vars(part).values() if isinstance(m, Message)]
    return "\n".join(out)


def page_with_section(page: str, language: str) -> str:
    """The page with its list of messages made anew from the catalogue."""
    head = page.split(f"\n{HEADING[language]}\n", 1)[0]
    return f"{head.rstrip()}\n\n{section(language)}"


def main(argv: list[str]) -> int:
    """``--write``: bring both pages up to date; else say whether they are."""
    behind = []
    for language in LANGUAGES:
        path = PAGES[language]
        page = path.read_text(encoding="utf-8")
        wanted = page_with_section(page, language)
        if wanted != page:
            behind.append(str(path))
            if "--write" in argv:
                path.write_text(wanted, encoding="utf-8")
    print("\n".join(f"{'wrote' if '--write' in argv else 'behind:'} {p}" for p in behind))
    return 1 if behind and "--write" not in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
