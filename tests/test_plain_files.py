"""Plain pages (content/pages/) and body descriptions (content/bodies/) are read like meetings
where they say the same things: their links to other content files are checked, and a
body's members are read as people, every entry or an error on its line. (Both were found
by the documentation's examples: a guide page's broken link built without a word, and a
body file's members were read as one person named 'members'.)"""

from __future__ import annotations

from pathlib import Path

from generator.build.pipeline import BuildOptions, check
from generator.content.config import SiteConfig
from generator.content.model import Person
from generator.content.parse import parse_body_info

from conftest import SiteFactory

MEETING = """\
---
body: Kommunstyrelsen
date: 2025-03-11
---

## § 3 Avgifter {#p3}
"""


def _messages(root: Path, strict: bool = True) -> list[str]:
    return [str(p) for p in check(BuildOptions(source=root, strict=strict, cache=False)).items]


def test_links_on_plain_pages_and_body_pages_are_checked(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks/2025/2025-03-11.md": MEETING,
            "content/pages/om.md": """\
                ---
                title: Om
                ---
                Se [§ 3](../ks/2025/2025-03-11.md#p3), [saknas](../ks/2025/2025-03-12.md),
                [fel ankare](../ks/2025/2025-03-11.md#p9) och [handledningen](guide.md).

                [Bilagan](../files/saknas.pdf)
                """,
            "content/pages/guide.md": "---\ntitle: Guide\n---\nText.\n",
            "content/bodies/kommunstyrelsen.md": """\
                ---
                name: Kommunstyrelsen
                ---
                Se [protokollet](../ks/2025/2025-03-10.md).
                """,
        }
    )
    assert sorted(_messages(root)) == [
        "content/bodies/kommunstyrelsen.md:4: warning: link to ks/2025/2025-03-10.md: "
        "no such file in content/; check the path, counted from this file",
        "content/pages/om.md:4: warning: link to ks/2025/2025-03-11.md#p9: "
        "no item there has the anchor #p9 (the {#...} after its heading, or p and its number)",
        "content/pages/om.md:4: warning: link to ks/2025/2025-03-12.md: no such file in "
        "content/; check the path, counted from this file",
        "content/pages/om.md:7: warning: link to files/saknas.pdf: no such file in content/; "
        "check the path, counted from this file",
    ]


def test_a_body_files_members_are_read_as_people(tmp_path: Path) -> None:
    config = SiteConfig(root=tmp_path)
    text = (
        "---\nname: Kommunstyrelsen\nmembers:\n"
        "  - {name: Anna Andersson, party: S, role: Ordförande}\n  - Cecilia Carlsson (M)\n---\n"
    )
    info, problems = parse_body_info(text.encode(), "content/bodies/ks.md", config)
    assert problems == ()
    assert info is not None and info.members == (
        Person(name="Anna Andersson", party="S", role="Ordförande"),
        Person(name="Cecilia Carlsson", party="M"),
    )
    wrong = "---\nmembers:\n  - {name: Anna Andersson, partey: S}\n  - [42]\n---\n"
    _, problems = parse_body_info(wrong.encode(), "content/bodies/ks.md", config)
    assert [str(p) for p in problems] == [
        "content/bodies/ks.md:3: members: 'partey' is not a key of a person; did you mean 'party'?",
        "content/bodies/ks.md:4: members: cannot read ['42'] as a person; write 'Name (Party)', "
        "'Name, Organisation', or the keys name: and party: with text values",
    ]
