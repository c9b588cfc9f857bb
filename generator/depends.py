"""What each page shows, as a fingerprint: a page whose fingerprint did not change since the
last build has the same bytes and is not rendered again.

A meeting is represented on its own page by its source file's content hash, and on every
other page by the hash of its outline (metadata, item titles, decisions, votes: all that
other pages show of it), so that an edit of a meeting's prose re-renders its page and no
other; and by its URL. Every fingerprint also covers the site-wide settings (config,
theme, generator version, build options, plain pages) through ``settings``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .model import Meeting
from .render import PageJob
from .site import Body, Site


def _hash(parts: Iterable[object]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(repr(part).encode())
        h.update(b"\x1f")
    return h.hexdigest()


class Fingerprints:
    """Computes page fingerprints for one derived site."""

    def __init__(self, site: Site, digests: dict[str, str], outlines: dict[str, str],
                 settings: str) -> None:
        self.site = site
        self.digests = digests  # meeting source → content hash
        self.outlines = outlines  # meeting source → outline hash ("" if unknown)
        # every page's header and footer: the plain pages' titles and URLs
        self.settings = _hash([settings, [(p.title, site.paths[p.source]) for p in site.pages]])

    def meeting(self, m: Meeting) -> tuple[str, str]:
        """A meeting as other pages see it: its outline and its URL."""
        return (self.outlines.get(m.source) or self.digests.get(m.source, ""),
                self.site.paths[m.source])

    def _meetings(self, meetings: Iterable[Meeting]) -> list[tuple[str, str]]:
        return [self.meeting(m) for m in meetings]

    def _body(self, body: Body) -> tuple[str, str, str, int]:
        return body.name, body.organisation, body.path, len(body.meetings)

    def page(self, job: PageJob) -> str:
        """The fingerprint of one page job."""
        site = self.site
        ctx = dict(job.context)
        parts: list[object] = [self.settings, job.template, job.path]
        if job.template == "meeting.html":
            m: Meeting = ctx["meeting"]
            parts += [self.digests.get(m.source, ""), self.meeting(m), self._body(ctx["body"]),
                      site.history.get(m.source)]
            parts += [site.paths.get("content/" + t.partition("#")[0]) for t, _ in m.links]
            cases = [i.case for i in m.items if i.case] + ([m.case] if m.case else [])
            parts += [site.case_path(c) for c in cases]
        elif job.template == "body.html":
            body: Body = ctx["body"]
            parts += [self._body(body), self._meetings(body.meetings),
                      body.info.html if body.info else ""]
        elif job.template == "year.html":
            archive = ctx["archive"]
            parts += [[(self._body(b), self._meetings(ms)) for b, ms in archive.by_body],
                      [y.year for y in site.years]]
        elif job.template == "archive.html":
            parts += [[y.year for y in site.years], [self._body(b) for b in site.bodies]]
        elif job.template == "decisions.html":
            dp = ctx["decision_page"]
            entries = dp.entries if dp is not None else site.latest_decisions
            parts += [(dp.number, dp.count) if dp is not None else None,
                      [(self.meeting(e.meeting), e.item.anchor) for e in entries],
                      [(p.year, p.number) for p in site.decision_pages if p.number == 1]]
            if dp is not None:
                parts.append([p.number for p in site.decision_pages if p.year == dp.year])
        elif job.template == "case.html":
            case = ctx["case"]
            parts += [case.case, [(self.meeting(e.meeting), e.item.anchor if e.item else "")
                                  for e in case.entries]]
        elif job.template == "home.html":
            parts += [self._meetings(site.latest), self._meetings(site.upcoming),
                      [self._body(b) for b in site.bodies]]
        elif job.template == "search.html":
            parts += [site.search_indexes, site.search_filters]
        elif job.template == "notices.html":
            parts += [site.today, self._meetings(site.notices), self._meetings(site.past_notices)]
        elif job.template in ("@feed", "@calendar"):
            parts += [ctx["title"], self._meetings(ctx["meetings"])]
        elif job.template == "@oparl":
            deps = ctx["deps"]
            parts.append(self._meetings(deps))
            if ctx["kind"] == "meeting":  # its agenda items link to the case files
                parts.append([site.case_path(i.case) for i in deps[0].items if i.case])
            if ctx["kind"] in ("list", "body", "system", "bodies", "organization"):
                parts.append([self._body(b) for b in site.bodies])
        elif job.template == "@sitemap":
            parts.append(ctx["paths"])
        elif job.template == "page.html":
            page = ctx["page"]
            parts += [page.title, page.html]
        return _hash(parts)

    def search_index(self, meetings: Iterable[Meeting]) -> str:
        """The fingerprint of a search index: the meeting pages it indexes, whole."""
        return _hash([self.settings, *((self.digests.get(m.source, ""), self.site.paths[m.source])
                                       for m in meetings)])
