"""``minutes init`` and ``minutes new``: a new site, and a new meeting file from a template."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .urls import slug

SITE_TOML = '''\
# Settings of this minutes site; see the minutes README for every key.
title = "{title}"
description = "Protokoll och beslut från {title}."
base_url = "https://example.org/"
language = "sv"
organisation = "{title}"
# notice_place = "Kommunkansliet, Stadshuset"   # where the adjusted minutes are kept
# edit_url = "https://github.com/ORG/REPO/edit/main/"
'''

MEETING_TEMPLATE = '''\
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
'''

SAMPLE = '''\
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
'''

GITHUB_WORKFLOW = '''\
# Builds the site with minutes and publishes it on GitHub Pages on every push to main.
name: Publish minutes
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
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
      - run: pip install "${{{{ vars.MINUTES_PACKAGE || 'minutes' }}}}"
      - run: minutes build --strict
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
'''

GITLAB_CI = '''\
# Builds the site with minutes and publishes it on GitLab Pages from the default branch.
pages:
  image: python:3.12
  variables:
    GIT_DEPTH: 0  # the whole history: every meeting page lists its revisions
  script:
    - pip install "${{MINUTES_PACKAGE:-minutes}}"
    - minutes build --strict --output public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
'''

PRE_COMMIT = '''\
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
'''

GITIGNORE = "_site/\n.minutes-cache/\n"

ABOUT = '''\
---
title: Om webbplatsen
---

Här publiceras protokoll och beslut. Protokollen anslås på anslagstavlan när de har justerats.
'''


class ScaffoldError(Exception):
    """A file would be overwritten, or the arguments do not fit."""


def init_site(folder: Path, title: str, today: date) -> list[Path]:
    """Write a new site into ``folder`` (which must not hold a site yet)."""
    if (folder / "site.toml").exists():
        raise ScaffoldError(f"{folder / 'site.toml'} exists: {folder} is a site already")
    body = "Kommunstyrelsen"
    files = {
        "site.toml": SITE_TOML.format(title=title),
        f"content/{slug(body)}/{today.year}/{today.isoformat()}.md":
            SAMPLE.format(body=body, date=today.isoformat(), year=today.year),
        "content/pages/om.md": ABOUT,
        "templates/meeting.md": MEETING_TEMPLATE,
        ".github/workflows/minutes.yml": GITHUB_WORKFLOW.format(),
        ".gitlab-ci.yml": GITLAB_CI.format(),
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
    target = site / "content" / slug(body) / str(day.year) / f"{day.isoformat()}.md"
    if target.exists():
        raise ScaffoldError(f"{target} exists; not overwritten")
    template = MEETING_TEMPLATE
    for candidate in (site / "templates" / f"{slug(body)}.md", site / "templates" / "meeting.md"):
        if candidate.is_file():
            template = candidate.read_text(encoding="utf-8")
            break
    text = template.replace("{body}", body).replace("{date}", day.isoformat())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
