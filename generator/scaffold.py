"""``minutes init`` and ``minutes new``: a new site, and a new meeting file from a template."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import tomli_w
import yaml

from . import __version__
from .build.load import discover
from .content.checks import unshowable
from .content.config import SiteConfig, load_config
from .content.errors import ConfigError
from .content.model import Meeting
from .content.numbering import last_number
from .content.parse import parse_meeting
from .content.schema import SCHEMA_FILE, schema_text
from .messages import Said
from .messages.commands import Commands as M
from .site.urls import slug

LANGUAGE = "sv"  # of a new site: its pages, its messages, its editor help
# site.toml's comments, in the site's language, point to the guide of that language
SITE_TOML_HEAD = {
    "sv": """\
# Webbplatsens inställningar. Varje inställning beskrivs i minutes formatbeskrivning,
# avsnittet "Webbplatsens inställningar" (docs/sv/content/pages/format.md i minutes);
# handledningen för nämndsekreterare (docs/sv/content/pages/handledning.md) visar hur du
# kommer igång. Allt efter # är kommentarer.
""",
    "en": """\
# The settings of this site. Each setting is described in the minutes format reference,
# section "The site's settings" (docs/en/content/pages/format.md in minutes); the guide for
# clerks (docs/en/content/pages/guide.md) shows how to get started. Everything after # is a
# comment.
""",
}
SITE_TOML_TAIL = {
    "sv": """\
# Ta bort # framför en rad för att använda den:
# notice_place = "Kommunkansliet, Stadshuset"   # var de justerade protokollen förvaras
# edit_url = "https://github.com/ORG/REPO/edit/main/"   # länk till att ändra en fil på GitHub
# commit_url = "https://github.com/ORG/REPO/commit/"   # länkar varje ändring till sin commit
# revision_messages = true   # visa commit-meddelandena (kontrolleras för personnummer)
""",
    "en": """\
# Remove the # before a line to use it:
# notice_place = "Kommunkansliet, Stadshuset"   # where adjusted minutes are kept (no default)
# edit_url = "https://github.com/ORG/REPO/edit/main/"   # a link to edit a file on GitHub
# commit_url = "https://github.com/ORG/REPO/commit/"   # links each revision to its commit
# revision_messages = true   # show commit messages (checked for personal identity numbers)
""",
}


def site_toml(title: str, language: str = LANGUAGE) -> str:
    """site.toml of a new site, the title written by a TOML writer: any title a clerk
    types (quotes, a backslash, a line break) is read back exactly."""
    settings = {
        "title": title,
        "description": DESCRIPTIONS[language].format(title=title),
        "base_url": "https://example.org/",
        "language": language,
        "organisation": title,
    }
    return SITE_TOML_HEAD[language] + tomli_w.dumps(settings) + SITE_TOML_TAIL[language]


# what `minutes new` writes when the site has no template of its own, in the site's
# language; the notes after '#' explain each key and are never published
MEETING_TEMPLATES = {
    "sv": """\
---
# Protokollets huvud: en nyckel per rad. Allt efter # är anteckningar till dig och
# publiceras aldrig. Alla nycklar beskrivs i formatbeskrivningen.
body: {body}  # organet som sammanträder
date: {date}  # sammanträdets dag, ÅÅÅÅ-MM-DD
type: protokoll  # vad det är för dokument: protokoll, kallelse ...
status: draft  # draft: utkast, publiceras inte; planned: kallelse före mötet; adjusted: justerat
start: "18:00"  # när sammanträdet började, TT:MM inom citattecken; end: när det slutade
location: ""  # var ni sammanträdde
chair: ""  # ordföranden, t.ex. Anna Andersson (S)
secretary: ""  # sekreteraren
adjusters: []  # justerarna, t.ex. [Cecilia Carlsson (M), David Dahl (C)]
attendees: []  # de närvarande, en per rad under nyckeln: "  - Anna Andersson (S)"
# när protokollet är justerat: status: adjusted, adjusted: dagen det justerades och
# posted: dagen det sattes upp på anslagstavlan
---

## § 1 Mötets öppnande

Ordföranden förklarade mötet öppnat.

## § 2 Val av justerare

::: decision
Till justerare utses ...
:::
""",
    "en": """\
---
# The minutes' head: one key per line. Everything after # is a note to you and is never
# published. Every key is described in the format reference.
body: {body}  # the body that meets
date: {date}  # the day of the meeting, YYYY-MM-DD
type: minutes  # what kind of document this is: minutes, notice of meeting ...
status: draft  # draft: not published; planned: the agenda before the meeting; adjusted: final
start: "18:00"  # when the meeting began, HH:MM in quotes; end: when it ended
location: ""  # where you met
chair: ""  # the chair, e.g. Anna Andersson (S)
secretary: ""  # the secretary
adjusters: []  # who adjusts (signs) the minutes, e.g. [Cecilia Carlsson (M), David Dahl (C)]
attendees: []  # who was there, one per line under the key: "  - Anna Andersson (S)"
# once the minutes are adjusted: status: adjusted, adjusted: the day they were adjusted and
# posted: the day they went up on the notice board
---

## § 1 Opening of the meeting

The chair declared the meeting open.

## § 2 Election of adjusters

::: decision
... are elected to adjust the minutes.
:::
""",
}

# the sample meeting of `minutes init`, in the site's language (str.format: {{ }} are braces)
SAMPLES = {
    "sv": """\
---
# Ett påhittat exempel: ta bort filen innan webbplatsen publiceras. Allt efter # är
# anteckningar och publiceras aldrig.
body: {body}  # organet som sammanträder
date: {date}  # sammanträdets dag, ÅÅÅÅ-MM-DD
type: protokoll  # vad det är för dokument
status: adjusted  # justerat: publiceras och sätts upp på anslagstavlan
start: "18:00"  # när sammanträdet började och slutade, TT:MM inom citattecken
end: "19:30"
location: Kommunhuset  # var ni sammanträdde
chair: Anna Andersson (S)  # namn (parti)
secretary: Bo Berg  # sekreteraren
adjusters: [Cecilia Carlsson (M), David Dahl (C)]  # justerarna
adjusted: {date}  # dagen protokollet justerades
posted: {date}  # dagen det sattes upp på anslagstavlan: överklagandetiden räknas härifrån
notice_place: Kommunkansliet, Kommunhuset  # var det justerade protokollet förvaras
attendees:  # de närvarande; role säger vilken roll någon hade
  - {{name: Anna Andersson, party: S, role: Ordförande}}
  - Cecilia Carlsson (M)
  - David Dahl (C)
---

## § 1 Mötets öppnande

Ordföranden förklarade mötet öppnat.

## § 2 Budget för nästa år {{#p2 case="KS {year}/1"}}

Förslag till budget har tagits fram av förvaltningen.

::: decision
Styrelsen godkänner förslaget till budget.
:::
""",
    "en": """\
---
# A made-up example: remove this file before the site is published. Everything after # is
# a note and is never published.
body: {body}  # the body that meets
date: {date}  # the day of the meeting, YYYY-MM-DD
type: minutes  # what kind of document this is
status: adjusted  # adjusted: published and put up on the notice board
start: "18:00"  # when the meeting began and ended, HH:MM in quotes
end: "19:30"
location: Town hall  # where you met
chair: Anna Andersson (S)  # name (party)
secretary: Bo Berg  # the secretary
adjusters: [Cecilia Carlsson (M), David Dahl (C)]  # who adjusted (signed) the minutes
adjusted: {date}  # the day the minutes were adjusted
posted: {date}  # the day they went up on the notice board: the time to appeal runs from it
notice_place: Town hall, the clerk's office  # where the adjusted minutes are kept
attendees:  # who was there; role says what part someone had
  - {{name: Anna Andersson, party: S, role: Chair}}
  - Cecilia Carlsson (M)
  - David Dahl (C)
---

## § 1 Opening of the meeting

The chair declared the meeting open.

## § 2 Budget for next year {{#p2 case="KS {year}/1"}}

The administration has drawn up a proposed budget.

::: decision
The board approves the proposed budget.
:::
""",
}

GITHUB_WORKFLOW = """\
# Builds the site with minutes and publishes it on GitHub Pages on every push to main.
name: Publish minutes
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # the whole history: every meeting page lists its revisions
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      # the version of minutes that wrote this file; set the MINUTES_PACKAGE variable to
      # install another (a newer version, or from a git URL)
      - run: pip install "${{{{ vars.MINUTES_PACKAGE || 'minutes=={version}' }}}}"
      # the last run's cache and site, so that one new meeting builds only what it changes;
      # another version of minutes (or of a package it uses) or of the theme starts clean
      - id: cache-key
        run: |
          version=$(minutes --version | cut -d' ' -f3)
          packages=$(pip freeze | sha256sum | cut -c1-16)
          prefix="minutes-$version-$packages-${{{{ hashFiles('themes/**') }}}}-"
          run="${{{{ github.run_number }}}}-${{{{ github.run_attempt }}}}"
          echo "prefix=$prefix" >> "$GITHUB_OUTPUT"
          echo "key=$prefix$run" >> "$GITHUB_OUTPUT"
      - uses: actions/cache/restore@v4
        with:
          path: |
            .minutes-cache
            _site
          key: ${{{{ steps.cache-key.outputs.key }}}}
          restore-keys: ${{{{ steps.cache-key.outputs.prefix }}}}
      - run: minutes build --strict
      - uses: actions/cache/save@v4
        with:
          path: |
            .minutes-cache
            _site
          key: ${{{{ steps.cache-key.outputs.key }}}}
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site
  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:  # only the job that publishes may write to Pages
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

GITHUB_CHECK = """\
# Checks the minutes in every pull request; each problem is shown on its line of the
# pull request, in the words minutes check prints.
name: Check minutes
on:
  pull_request:
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install "${{{{ vars.MINUTES_PACKAGE || 'minutes=={version}' }}}}"
      - run: minutes check --strict --format github
"""

GITLAB_CI = """\
# Builds the site with minutes and publishes it on GitLab Pages from the default branch;
# checks the minutes in every merge request, each problem shown in the merge request.
check:
  image: python:3.12
  script:
    - pip install "${{MINUTES_PACKAGE:-minutes=={version}}}"
    - minutes check --strict --format gitlab > gl-code-quality-report.json
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"

pages:
  image: python:3.12
  variables:
    GIT_DEPTH: 0  # the whole history: every meeting page lists its revisions
  # the last run's cache and site, so that one new meeting builds only what it changes; a
  # new version of minutes (written below) or another theme choice (site.toml) starts clean
  cache:
    key:
      prefix: minutes-{version}
      files: [.gitlab-ci.yml, site.toml]
    paths:
      - .minutes-cache/
      - public/
  script:
    - pip install "${{MINUTES_PACKAGE:-minutes=={version}}}"
    - minutes build --strict --output public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"""

PRE_COMMIT = """\
# pre-commit (https://pre-commit.com): check the minutes before every commit.
repos:
  - repo: local
    hooks:
      - id: minutes-check
        name: minutes check
        entry: minutes check --strict
        language: system
        pass_filenames: false
        files: ^(content/|site\\.toml|themes/)
"""

# the build's output, its working files beside it (._site.lock, ._site.staging, ...), the cache
GITIGNORE = "_site/\n._site.*\n.minutes-cache/\nnode_modules/\n"

# editors that check Markdown front matter against a JSON Schema as the clerk types: VS Code's
# remark extension (unifiedjs.vscode-remark) with remark-lint-frontmatter-schema reads this
REMARKRC = f"""\
{{
  "plugins": [
    "remark-frontmatter",
    [
      "remark-lint-frontmatter-schema",
      {{ "schemas": {{ "./{SCHEMA_FILE}": ["./content/**/*.md"] }} }}
    ]
  ]
}}
"""
EDITOR_PACKAGES = """\
{
  "private": true,
  "description": "Help while typing in an editor: not needed to build the site",
  "devDependencies": {
    "remark-frontmatter": "^5.0.0",
    "remark-lint-frontmatter-schema": "^3.15.4"
  }
}
"""
VSCODE_EXTENSIONS = '{\n  "recommendations": ["unifiedjs.vscode-remark"]\n}\n'

ABOUTS = {
    "sv": """\
---
title: Om webbplatsen
---

Här publiceras protokoll och beslut. Protokollen anslås på anslagstavlan när de har justerats.
""",
    "en": """\
---
title: About this site
---

Minutes and decisions are published here. Minutes go up on the notice board once adjusted.
""",
}
SAMPLE_BODIES = {"sv": "Kommunstyrelsen", "en": "Executive Board"}
ABOUT_SLUGS = {"sv": "om", "en": "about"}
DESCRIPTIONS = {
    "sv": "Protokoll och beslut från {title}.",
    "en": "Minutes and decisions of {title}.",
}


class ScaffoldError(Exception):
    """A file would be overwritten, or the arguments do not fit: ``said`` says which, to be
    told in the site's language."""

    def __init__(self, said: Said) -> None:
        super().__init__(str(said))
        self.said = said


def init_site(folder: Path, title: str, today: date, language: str = LANGUAGE) -> list[Path]:
    """Write a new site into ``folder`` (which must not hold a site yet), its sample files
    in ``language``."""
    if (folder / "site.toml").exists():
        raise ScaffoldError(M.SITE_EXISTS(file=str(folder / "site.toml"), folder=str(folder)))
    body = SAMPLE_BODIES[language]
    files = {
        "site.toml": site_toml(title, language),
        f"content/{slug(body)}/{today.year}/{today.isoformat()}.md": SAMPLES[language].format(
            body=body, date=today.isoformat(), year=today.year
        ),
        f"content/pages/{ABOUT_SLUGS[language]}.md": ABOUTS[language],
        "templates/meeting.md": MEETING_TEMPLATES[language],
        ".github/workflows/minutes.yml": GITHUB_WORKFLOW.format(version=__version__),
        ".github/workflows/minutes-check.yml": GITHUB_CHECK.format(version=__version__),
        ".gitlab-ci.yml": GITLAB_CI.format(version=__version__),
        ".pre-commit-config.yaml": PRE_COMMIT,
        ".gitignore": GITIGNORE,
        SCHEMA_FILE: schema_text(language),
        ".remarkrc.json": REMARKRC,
        "package.json": EDITOR_PACKAGES,
        ".vscode/extensions.json": VSCODE_EXTENSIONS,
    }
    written = []
    for rel in files:
        path = folder / rel
        if path.exists():
            raise ScaffoldError(M.INIT_FILE_EXISTS(file=str(path)))
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def new_meeting(site: Path, body: str, day: date) -> Path:
    """Write ``content/<body>/<year>/<date>.md`` from the body's template
    (``templates/<body-slug>.md``, else ``templates/meeting.md``, else a built-in one), its
    § numbers running on from the body's last of the year (a template's § 1 is the next)."""
    return new_meeting_numbered(site, body, day)[0]


def new_meeting_numbered(site: Path, body: str, day: date) -> tuple[Path, int]:
    """``new_meeting``, and the body's last § number of the year before ``day`` (0: none)."""
    if "\x00" in body:  # the build refuses a NUL in any text: never write such a file
        raise ScaffoldError(M.BODY_NUL())
    hidden = unshowable(body)
    if hidden:  # the build would refuse the file
        raise ScaffoldError(M.BODY_UNSHOWABLE(code=f"U+{ord(hidden):04X}"))
    if not body.strip():  # the build would refuse the file: body is required
        raise ScaffoldError(M.BODY_EMPTY())
    target = site / "content" / slug(body) / str(day.year) / f"{day.isoformat()}.md"
    if target.exists():
        raise ScaffoldError(M.MEETING_EXISTS(file=str(target)))
    template = MEETING_TEMPLATES[_language(site)]
    for candidate in (site / "templates" / f"{slug(body)}.md", site / "templates" / "meeting.md"):
        if candidate.is_file():
            template = candidate.read_text(encoding="utf-8")
            break
    last = body_last_number(site, body, day)
    text = renumber(fill_template(template, body, day), last)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target, last


def body_last_number(site: Path, body: str, day: date) -> int:
    """The highest § number in ``body``'s meetings of ``day``'s year before ``day``: § numbers
    run on through a body's year. A file that does not parse is left out (``minutes check``
    names its problems); the body is the one its front matter names, in any folder."""
    try:
        config = load_config(site)
    except ConfigError:
        config = SiteConfig(root=site.resolve())
    year = str(day.year).encode()
    meetings: list[Meeting] = []
    for path in discover(config).meetings:
        data = (config.root / path).read_bytes()
        if year not in data:  # no date of that year in it
            continue
        found = parse_meeting(data, path, config).meeting
        if found is not None:
            meetings.append(found)
    return last_number(meetings, body, day)


_SECTION = re.compile(r"^(##[ \t]+§[ \t]*)(\d+)(.*)$", re.M)


def renumber(text: str, last: int) -> str:
    """A template's item headings numbered on from ``last``: '## § 1' is § last+1, and an
    anchor '{#p1}' on that heading follows it."""
    if last <= 0:
        return text

    def moved(match: re.Match[str]) -> str:
        number = int(match.group(2)) + last
        rest = re.sub(rf"#p{match.group(2)}\b", f"#p{number}", match.group(3))
        return f"{match.group(1)}{number}{rest}"

    return _SECTION.sub(moved, text)


def _language(site: Path) -> str:
    """The site's language, for the built-in template; a site.toml that cannot be read is
    the build's to report, so the default is taken here."""
    try:
        language = load_config(site).language
    except ConfigError:
        return LANGUAGE
    return language if language in MEETING_TEMPLATES else LANGUAGE


# what YAML reads as written: no control characters, line or paragraph separators, or BOM
_PRINTABLE = re.compile(
    "[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _quoted(value: str) -> str:
    """A YAML double-quoted string: what YAML would not read back as written is escaped."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif _PRINTABLE.fullmatch(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML value on one line: plain when YAML reads it back as the same text,
    else double-quoted ('KS: arbetsutskott', 'Nämnd #2', 'yes' and '2024' are quoted)."""
    try:
        plain = yaml.safe_load(f"key: {value}") if _PRINTABLE.sub("", value) == "" else None
    except yaml.YAMLError:
        plain = None
    if isinstance(plain, dict) and plain.get("key") == value and value == value.strip():
        return value
    return _quoted(value)


def fill_template(template: str, body: str, day: date) -> str:
    """A meeting template with {body} and {date} filled in; in the front matter the body is
    written as a YAML value, in the text as it is."""
    text = template
    if text.startswith("---\n") and "\n---" in text[3:]:
        end = text.index("\n---", 3)
        head = text[:end].replace("{body}", yaml_scalar(body))
        text = head + text[end:].replace("{body}", body)
    return text.replace("{body}", body).replace("{date}", day.isoformat())
