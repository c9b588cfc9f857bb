"""``minutes init`` and ``minutes new``: a new site, and a new meeting file from a template."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import tomli_w
import yaml

from . import __version__
from .content.checks import unshowable
from .site.urls import slug

SITE_TOML_HEAD = "# Settings of this minutes site; see the minutes README for every key.\n"
SITE_TOML_TAIL = """\
notice_place = "Kommunkansliet, Kommunhuset"   # where the adjusted minutes are kept: write yours
# edit_url = "https://github.com/ORG/REPO/edit/main/"
# commit_url = "https://github.com/ORG/REPO/commit/"   # links each revision to its commit
# revision_messages = true   # show commit messages (checked for personal identity numbers)
"""


def site_toml(title: str) -> str:
    """site.toml of a new site, the title written by a TOML writer: any title a clerk
    types (quotes, a backslash, a line break) is read back exactly."""
    settings = {
        "title": title,
        "description": f"Protokoll och beslut från {title}.",
        "base_url": "https://example.org/",
        "language": "sv",
        "organisation": title,
    }
    return SITE_TOML_HEAD + tomli_w.dumps(settings) + SITE_TOML_TAIL


MEETING_TEMPLATE = """\
---
body: {body}
date: {date}
type: protokoll
status: draft
start: "18:00"
location: ""
chair: ""
secretary: ""
adjusters: []
attendees: []
---

## § 1 Mötets öppnande

Ordföranden förklarade mötet öppnat.

## § 2 Val av justerare

::: decision
Till justerare utses ...
:::
"""

SAMPLE = """\
---
body: {body}
date: {date}
type: protokoll
status: adjusted
start: "18:00"
end: "19:30"
location: Kommunhuset
chair: Anna Andersson (S)
secretary: Bo Berg
adjusters: [Cecilia Carlsson (M), David Dahl (C)]
adjusted: {date}
posted: {date}
attendees:
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
"""

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

GITLAB_CI = """\
# Builds the site with minutes and publishes it on GitLab Pages from the default branch.
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
GITIGNORE = "_site/\n._site.*\n.minutes-cache/\n"

ABOUT = """\
---
title: Om webbplatsen
---

Här publiceras protokoll och beslut. Protokollen anslås på anslagstavlan när de har justerats.
"""


class ScaffoldError(Exception):
    """A file would be overwritten, or the arguments do not fit."""


def init_site(folder: Path, title: str, today: date) -> list[Path]:
    """Write a new site into ``folder`` (which must not hold a site yet)."""
    if (folder / "site.toml").exists():
        raise ScaffoldError(f"{folder / 'site.toml'} exists: {folder} is a site already")
    body = "Kommunstyrelsen"
    files = {
        "site.toml": site_toml(title),
        f"content/{slug(body)}/{today.year}/{today.isoformat()}.md": SAMPLE.format(
            body=body, date=today.isoformat(), year=today.year
        ),
        "content/pages/om.md": ABOUT,
        "templates/meeting.md": MEETING_TEMPLATE,
        ".github/workflows/minutes.yml": GITHUB_WORKFLOW.format(version=__version__),
        ".gitlab-ci.yml": GITLAB_CI.format(version=__version__),
        ".pre-commit-config.yaml": PRE_COMMIT,
        ".gitignore": GITIGNORE,
    }
    written = []
    for rel in files:
        path = folder / rel
        if path.exists():
            raise ScaffoldError(f"{path} exists; nothing was written")
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def new_meeting(site: Path, body: str, day: date) -> Path:
    """Write ``content/<body>/<year>/<date>.md`` from the body's template
    (``templates/<body-slug>.md``, else ``templates/meeting.md``, else a built-in one)."""
    if "\x00" in body:  # the build refuses a NUL in any text: never write such a file
        raise ScaffoldError("--body: the name holds a NUL character (\\0); remove it")
    hidden = unshowable(body)
    if hidden:  # the build would refuse the file
        raise ScaffoldError(
            f"--body: the name holds the character U+{ord(hidden):04X}, which no page can "
            "hold; remove it"
        )
    if not body.strip():  # the build would refuse the file: body is required
        raise ScaffoldError("--body: give the body's name, such as --body Kommunstyrelsen")
    target = site / "content" / slug(body) / str(day.year) / f"{day.isoformat()}.md"
    if target.exists():
        raise ScaffoldError(f"{target} exists; not overwritten")
    template = MEETING_TEMPLATE
    for candidate in (site / "templates" / f"{slug(body)}.md", site / "templates" / "meeting.md"):
        if candidate.is_file():
            template = candidate.read_text(encoding="utf-8")
            break
    text = fill_template(template, body, day)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


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
