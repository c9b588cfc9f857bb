"""The messages about the text a clerk meets most, as `minutes check` says them: in Swedish on
a Swedish site (the file and line first, then what is wrong and what to write instead), in
English on an English one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import SiteFactory

HEAD = "---\nbody: Kommunstyrelsen\ndate: 2025-03-11\n---\n\n"  # the text starts on line 6


def check(root: Path) -> str:
    """What `minutes check` prints for the site."""
    return CliRunner().invoke(main, ["check", "--source", str(root)]).output


@pytest.fixture
def swedish(tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> SiteFactory:
    """A Swedish site, told in its own language (the suite's English override taken away)."""
    monkeypatch.delenv("MINUTES_LANGUAGE")
    return tmp_site


def test_a_container_left_open_at_the_next_item(swedish: SiteFactory) -> None:
    text = HEAD + "## § 1 Motion\n\n::: yrkande David Dahl (C)\nMotionen bifalls.\n\n## § 2 Info\n"
    out = check(swedish({"content/ks.md": text}))
    assert (
        "content/ks.md:8: '::: yrkande David Dahl (C)' som börjar här är inte avslutad när "
        "paragrafrubriken på rad 11 kommer, så den blir ingen paragraf; avsluta behållaren "
        "med en rad ':::' före rubriken"
    ) in out
    assert out.strip().endswith("1 fel, 0 varningar.")


def test_a_container_left_open_at_several_items(swedish: SiteFactory) -> None:
    text = HEAD + "## § 1 A\n\n::: beslut\nJa.\n\n## § 2 B\n\n## § 3 C\n"
    out = check(swedish({"content/ks.md": text}))
    assert (
        "content/ks.md:8: '::: beslut' som börjar här är inte avslutad när paragrafrubriken "
        "på rad 11 kommer (och 1 till efter den), så de blir inga paragrafer"
    ) in out


def test_a_misspelt_container_word(swedish: SiteFactory) -> None:
    text = HEAD + "## § 1 Budget\n\n::: reservaton Anna Ek (M)\nVi reserverar oss.\n:::\n"
    out = check(swedish({"content/ks.md": text}))
    assert (
        "content/ks.md:8: '::: reservaton' är inget ord för en behållare; menar du 'reservation'?"
    ) in out


def test_a_code_block_never_closed(swedish: SiteFactory) -> None:
    text = HEAD + "## § 1 Budget\n\n```vote\nquestion: Bifall?\n\n## § 2 Övrigt\n"
    out = check(swedish({"content/ks.md": text}))
    assert (
        "content/ks.md:8: blocket som börjar här med '```' (ett omröstningsblock eller ett "
        "kodblock) avslutas aldrig, så allt efter det visas som kod (även paragrafer, beslut "
        "och omröstningar); avsluta det med en rad '```'"
    ) in out


def test_a_vote_whose_result_does_not_match(swedish: SiteFactory) -> None:
    vote = (
        "```vote\nquestion: Bifall?\noptions:\n  Ja: bifall\n  Nej: avslag\nvotes:\n"
        "  Anna Ek (M): Ja\n  Bo Ek (S): Nejj\nresult:\n  Ja: 2\n  Nej: 0\n```\n"
    )
    out = check(swedish({"content/ks.md": HEAD + "## § 1 Budget\n\n" + vote}))
    assert (
        "content/ks.md:15: omröstningen: Bo Ek (S) röstade 'Nejj'; menar du alternativet 'Nej'?"
    ) in out
    fixed = vote.replace("Nejj", "Nej")
    out = check(swedish({"content/ks.md": HEAD + "## § 1 Budget\n\n" + fixed}))
    assert (
        "content/ks.md:17: omröstningen: resultatet stämmer inte med rösterna "
        "(Ja: 1 räknade, 2 angivna)"
    ) in out
    assert (
        "content/ks.md:18: omröstningen: resultatet stämmer inte med rösterna "
        "(Nej: 1 räknade, 0 angivna)"
    ) in out


def test_a_decision_heading_that_says_more(swedish: SiteFactory) -> None:
    text = HEAD + "## § 1 Taxor\n\n### Beslut om taxor\n\nTaxorna höjs.\n"
    out = check(swedish({"content/ks.md": text}))
    assert (
        "content/ks.md:8: varning: 'Beslut om taxor' börjar med beslutsordet 'Beslut' men "
        "säger mer, så den markerar inget beslut"
    ) in out
    assert out.strip().endswith("Inga fel, 1 varning (fel med --strict).")


def test_secrecy_written_where_it_marks_nothing(swedish: SiteFactory) -> None:
    text = HEAD + "## § 1 Personalärende {confidental=true}\n\nText {sekretess} här.\n"
    out = check(swedish({"content/ks.md": text}))
    assert (
        "content/ks.md:6: klamrarna '{confidental=true}' efter rubriken har den okända nyckeln "
        "'confidental'; menar du 'confidential'?"
    ) in out
    assert (
        "content/ks.md:8: '{sekretess}' i texten markerar ingen sekretess och skulle "
        "publiceras; skriv '{confidential=true}' sist i paragrafens '##'-rubrik"
    ) in out


def test_links_and_numbers_checked_across_files(swedish: SiteFactory) -> None:
    earlier = "---\nbody: Kommunstyrelsen\ndate: 2025-02-11\n---\n\n## § 1 Öppnande\n"
    later = HEAD + "## § 1 Öppnande\n\nSe [förra mötet](2025-02-11.md#p9).\n"
    out = check(swedish({"content/2025-02-11.md": earlier, "content/2025-03-11.md": later}))
    assert (
        "content/2025-03-11.md:6: varning: § 1 används redan i content/2025-02-11.md, ett "
        "tidigare sammanträde med Kommunstyrelsen 2025; paragrafnumren löper vidare"
    ) in out
    assert (
        "content/2025-03-11.md:8: varning: länken till 2025-02-11.md#p9: ingen paragraf där "
        "har ankaret #p9 ({#...} efter rubriken, eller p och numret)"
    ) in out


def test_a_page_with_an_unknown_key(swedish: SiteFactory) -> None:
    page = "---\ntitle: Om oss\nförfattare: Anna\n---\n\nText.\n"
    out = check(swedish({"content/pages/om.md": page}))
    assert (
        "content/pages/om.md:3: varning: författare: okänd nyckel (den här filen läser title, "
        "not_personal_numbers)"
    ) in out


def test_an_english_site_hears_english(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MINUTES_LANGUAGE")
    text = HEAD + "## § 1 Motion\n\n::: yrkande David Dahl (C)\nMotionen bifalls.\n\n## § 2 Info\n"
    other = "---\nbody: Byggnämnden\ndate: 2025-03-12\n---\n\n## § 1 A\n\nSee [§ 9](bn.md#p9).\n"
    root = tmp_site(
        {"content/ks.md": text, "content/bn.md": other},
        toml='title = "T"\nlanguage = "en"\n',
    )
    out = check(root)
    assert (
        "content/ks.md:8: '::: yrkande David Dahl (C)' opened here is still open at the item "
        "heading on line 11, which then is no agenda item; end the container with a line ':::' "
        "before that heading"
    ) in out
    assert (
        "content/bn.md:8: warning: link to bn.md#p9: no item there has the anchor #p9 (the "
        "{#...} after its heading, or p and its number)"
    ) in out
    assert out.strip().endswith("1 error, 1 warning.")


def test_a_vote_line_the_clerk_cannot_see_is_wrong(swedish: SiteFactory) -> None:
    """PyYAML's own words ('found character that cannot start any token') are no clerk's:
    a tab, or a second colon, is said as what to write instead."""
    vote = "```vote\nquestion: Bifall?\nvotes:\n\tAnna Ek (M): Ja\n```\n"
    colon = "```vote\nquestion: Bifall?\nvotes:\n  Anna Ek (M): Ja: med tillägg\n```\n"
    out = check(swedish({"content/ks.md": HEAD + "## § 1 A\n\n" + vote + "\n## § 2 B\n\n" + colon}))
    assert (
        "content/ks.md:11: omröstningen: raden är indragen med tabb; dra in den med mellanslag"
        in (out)
    )
    assert (
        "content/ks.md:19: omröstningen: ett andra ': ' på raden; skriv värdet inom citattecken"
    ) in out


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\nbody: KS\ndate: 2025-03-11\n\n## § 1 A\n", 1, "ingen rad '---' avslutar det"),
        ("--\nbody: KS\ndate: 2025-03-11\n--\n\n## § 1 A\n", 1, "(tre bindestreck)"),
    ],
    ids=["not closed", "two dashes"],
)
def test_a_broken_front_matter_says_which_line_is_wrong(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, text: str, line: int, words: str
) -> None:
    """A missing closing '---' said 'no front matter: a meeting file starts with ---' to a
    clerk whose file did start with it (found by a clerk following the guide)."""
    monkeypatch.delenv("MINUTES_LANGUAGE")
    site = tmp_site({"content/ks.md": text})
    done = CliRunner().invoke(main, ["check", "--source", str(site)])
    assert done.exit_code == 1
    assert f"content/ks.md:{line}: " in done.output and words in done.output, done.output


@pytest.mark.parametrize("word", ["reservation", "yrkande"])
def test_a_reservation_or_motion_without_a_name_is_a_warning(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    """'::: reservation' with no name passed without a word, though whose reservation it is
    belongs in the minutes (found by a clerk following the guide); bifall and jäv say so."""
    monkeypatch.delenv("MINUTES_LANGUAGE")
    text = f"---\nbody: KS\ndate: 2025-03-11\n---\n\n## § 1 A\n\n::: {word}\nText.\n:::\n"
    site = tmp_site({"content/ks.md": text})
    done = CliRunner().invoke(main, ["check", "--source", str(site)])
    assert done.exit_code == 0
    assert f"content/ks.md:8: varning: '::: {word}' saknar namn efter ordet" in done.output
