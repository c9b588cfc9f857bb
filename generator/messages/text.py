"""Messages about a meeting's text below the front matter: agenda items (§), decisions,
containers (``:::``), votes, links, secrecy and personal identity numbers."""

from __future__ import annotations

from .message import Message


class Text:
    """The catalogue's part for the Markdown text of meetings and pages."""

    UNCLOSED_CONTAINER = Message(
        en="the heading on line {heading} starts a new agenda item, but the {word} that opened "
        "on line {opened} is not closed with ':::'",
        sv="rubriken på rad {heading} börjar en ny paragraf, men {word} som började på rad "
        "{opened} är inte avslutad med ':::'",
        fix_en="Write a line with only ':::' where the text of the container ends, before the "
        "next heading.",
        fix_sv="Skriv en rad med bara ':::' där texten slutar, före nästa rubrik.",
        example={"heading": 14, "word": "yrkande", "opened": 9},
    )
