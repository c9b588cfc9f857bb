"""Commands: thin wrappers that parse arguments, call the pipeline and map errors to exit codes."""

from __future__ import annotations

import json
import os
import re
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import click
from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from . import __version__
from .build.footprint import human
from .build.load import Progress as ProgressFn
from .build.pagefind import SearchIndexError
from .build.pipeline import BuildOptions, build, check
from .content.config import KNOWN_LANGUAGES, LANGUAGE_VARIABLE, base_url_problem, language_of
from .content.errors import BuildFailed, ConfigError, ContentError, Problems, grouped
from .content.spelling import nearest
from .messages import Said
from .messages.commands import Commands
from .messages.reasons import system_reason
from .pages.search import MissingSearchMarkup

_STAGES = {
    "parse": Commands.PROGRESS_READING,
    "render": Commands.PROGRESS_RENDERING,
    "search": Commands.PROGRESS_INDEXING,
}


@contextmanager
def progress_bar(console: Console, language: str = "en") -> Iterator[ProgressFn | None]:
    """A progress bar on a terminal, in ``language``; nothing when the output is a log."""
    if not console.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("{task.description:<22}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                named = _STAGES[stage]().text(language) if stage in _STAGES else stage
                tasks[stage] = bar.add_task(named, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


FIRST_OF_KIND = 3  # warnings of one kind shown with their place before "and N more"


def _say(console: Console, line: str) -> None:
    console.print(line, markup=False, highlight=False, soft_wrap=True)


def _print_problems(
    console: Console, problems: list[ContentError], verbose: bool, language: str
) -> None:
    """Every error, each with its place; warnings grouped by kind, the first few of each kind
    with their place and then how many more (all of them with ``--verbose``): a site of ten
    thousand meetings can have the same warning thousands of times."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.message))
    for problem in ordered:
        if problem.severity == "error":
            _say(console, problem.render(language))
    for group in grouped([p for p in ordered if p.severity == "warning"]):
        shown = group if verbose else group[:FIRST_OF_KIND]
        for problem in shown:
            _say(console, problem.render(language))
        if len(group) > len(shown):
            _say(console, Commands.MORE_LIKE_THIS(n=len(group) - len(shown)).text(language))


def _print_config_error(console: Console, exc: ConfigError, language: str) -> None:
    for line in exc.lines(language):  # site.toml: every problem, each on its own line
        _say(console, Commands.ERROR(text=line).text(language))


def _print_error(console: Console, said: Said, language: str) -> None:
    _say(console, Commands.ERROR(text=said.text(language)).text(language))


def spoken(language: str) -> str:
    """The language to speak to someone about a site not made yet (``minutes init``):
    ``MINUTES_LANGUAGE`` if set, else the language the site will have."""
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    return chosen if chosen in KNOWN_LANGUAGES else language


class Refused(click.UsageError):
    """A value on the command line that cannot be used, said in the site's language (click's
    own words around it would be English): ``fel: --date: skriv datumet ...``."""

    def __init__(self, said: Said, language: str) -> None:
        super().__init__(said.text(language))
        self.said, self.language = said, language

    def show(self, file: Any = None) -> None:
        """One line, as the other errors are said."""
        click.echo(Commands.ERROR(text=self.said.text(self.language)).text(self.language), err=True)


def _language_of_usage(ctx: click.Context | None) -> str:
    return _language_of_command(ctx) if ctx is not None else language_of(Path("."))


# ours, already in the catalogue's words; and click's help shown for a bare command (8.2+)
_PASSED_ON: tuple[type[Exception], ...] = (
    Refused,
    *((e,) if (e := getattr(click.exceptions, "NoArgsIsHelpError", None)) else ()),
)


def _refusal(exc: click.UsageError) -> Said:
    """What click found wrong on the command line, in the catalogue's words (click's own
    are English, and end in a usage line the clerk has to decode)."""
    ctx = exc.ctx
    command = ctx.command_path if ctx is not None else "minutes"
    helps = f"{command} --help"
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        if isinstance(exc.param, click.Argument):  # minutes init FOLDER, the one argument
            return Commands.ARGUMENT_MISSING(command=command)
        return Commands.OPTION_MISSING(option=exc.param.opts[0], command=command, help=helps)
    if isinstance(exc, click.NoSuchOption):
        if exc.possibilities:
            return Commands.OPTION_MISSPELT(
                option=exc.option_name, command=command, suggestion=exc.possibilities[0]
            )
        return Commands.OPTION_UNKNOWN(option=exc.option_name, command=command, help=helps)
    if isinstance(exc, click.BadOptionUsage):
        if "does not take" in exc.message:
            return Commands.OPTION_TAKES_NO_VALUE(option=exc.option_name)
        return Commands.OPTION_NEEDS_VALUE(option=exc.option_name, help=helps)
    extra = re.match(r"Got unexpected extra arguments? \((.*)\)$", exc.message)
    if extra:
        return Commands.EXTRA_WORDS(words=extra[1], command=command, help=helps)
    return Commands.COMMAND_LINE_UNREADABLE(command=command, help=helps)


class _Choice(click.Choice):  # type: ignore[type-arg]
    """click.Choice, its refusal in the site's language."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            option = param.opts[0] if param is not None and param.opts else "?"
            said = Commands.OPTION_CHOICE(
                option=option, choices=", ".join(map(str, self.choices)), got=str(value)
            )
            raise Refused(said, _language_of_usage(ctx)) from None


class _Whole(click.IntRange):
    """click.IntRange, its refusal in the site's language."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            option = param.opts[0] if param is not None and param.opts else "?"
            if self.max is None:
                said = Commands.OPTION_WHOLE_NUMBER_FROM(
                    option=option, least=self.min, got=str(value)
                )
            else:
                said = Commands.OPTION_WHOLE_NUMBER(
                    option=option, least=self.min, most=self.max, got=str(value)
                )
            raise Refused(said, _language_of_usage(ctx)) from None


class _Folder(click.Path):
    """A folder on the command line (click.Path(file_okay=False)), a file refused in the
    site's language."""

    def __init__(self) -> None:
        super().__init__(file_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            option = param.opts[0] if param is not None and param.opts else "?"
            said = Commands.OPTION_NOT_FOLDER(option=option, got=os.fsdecode(value))
            raise Refused(said, _language_of_usage(ctx)) from None


class _Command(click.Command):
    """A problem with the command line said as the catalogue says it, in the site's
    language, naming the command (``minutes new --help``)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _PASSED_ON:
            raise
        except click.UsageError as exc:
            if exc.ctx is None:  # the parser's own problems carry no context: this one
                exc.ctx = click.Context(self, info_name=info_name, parent=parent)
            raise Refused(_refusal(exc), _language_of_usage(exc.ctx)) from None


class _Minutes(_Command, click.Group):
    """The ``minutes`` command: every problem of the command line said as the catalogue
    says it, in the site's language."""

    command_class = _Command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except _PASSED_ON:
            raise
        except click.UsageError as exc:
            raise Refused(_refusal(exc), _language_of_usage(exc.ctx)) from None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            known = sorted(self.list_commands(ctx))
            close = nearest(name, known)
            said = (
                Commands.COMMAND_MISSPELT(command=name, suggestion=close)
                if close
                else Commands.COMMAND_UNKNOWN(command=name, commands=", ".join(known))
            )
            raise Refused(said, _language_of_usage(ctx))
        return super().resolve_command(ctx, args)


def _language_of_command(ctx: click.Context) -> str:
    """The language to tell a command's options in: that of ``--source`` (an eager option,
    so read before the others), or of ``--language`` for a site not made yet."""
    if "language" in ctx.params:
        return spoken(str(ctx.params["language"]))
    return language_of(ctx.params.get("source") or Path("."))


def summary(problems: list[ContentError], strict: bool, language: str = "en") -> str:
    """One line: how many errors and warnings, and whether they fail."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if not problems:
        said = Commands.NO_PROBLEMS()
    elif strict and warnings:
        said = Commands.SUMMARY_STRICT(errors=errors, warnings=warnings)
    elif errors:
        said = Commands.SUMMARY_ERRORS(errors=errors, warnings=warnings)
    else:
        said = Commands.SUMMARY_WARNINGS(warnings=warnings)
    return said.text(language)


def template_problem(exc: TemplateError, language: str) -> Said:
    """What a theme's template did wrong, at its file and line."""
    if isinstance(exc, MissingSearchMarkup):  # the page as a whole lacks it: no line
        return Commands.PROBLEM_AT(where=exc.filename, text=exc.said.text(language))
    if isinstance(exc, TemplateNotFound):  # Jinja says only the name
        return Commands.TEMPLATE_MISSING(where=template_location(exc), name=exc.name)
    return Commands.TEMPLATE_FAILED(where=template_location(exc), text=str(exc))


def disk_problem(exc: OSError) -> Said:
    """A file the build could not read or write: the disk's fault, not the content's."""
    reason = system_reason(exc)
    if exc.filename:
        return Commands.DISK_FAILED(file=os.fsdecode(exc.filename), reason=reason)
    return Commands.DISK_FAILED_SOMEWHERE(reason=reason)


def template_location(exc: BaseException) -> str:
    """'themes/x/templates/page.html:8' for an error raised in a template (even in a worker)."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}"
    if isinstance(exc, MissingSearchMarkup):  # the page as a whole lacks it: no line
        return exc.filename
    text = "".join(traceback.format_exception(exc))
    found = re.findall(r'File "([^"]+\.html)", line (\d+)', text)
    return f"{found[-1][0]}:{found[-1][1]}" if found else "template"


def _parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        if not _epoch_readable(epoch):
            said = Commands.SOURCE_DATE_EPOCH(got=epoch)
            raise Refused(said, _language_of_command(ctx))
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        option = param.opts[0] if param.opts else str(param.name)
        said = Commands.OPTION_DATE(option=option, got=value)
        raise Refused(said, _language_of_command(ctx)) from None


def _epoch_readable(epoch: str) -> bool:
    """SOURCE_DATE_EPOCH fixes the build's date: one that cannot be read was ignored (the
    clock decided instead) or, too large, a traceback. An empty one is unset."""
    try:
        if epoch:
            if not epoch.isdigit():
                return False
            datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return False
    return True


def _check_base_url(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    problem = base_url_problem(value, "--base-url") if value is not None else None
    if problem:
        raise Refused(problem, _language_of_command(ctx))
    return value


_source = click.option(
    "--source",
    "-s",
    type=_Folder(),
    default=Path("."),
    show_default=True,
    is_eager=True,  # read first: the other options' problems are told in the site's language
    help="The site folder.",
)
_verbose = click.option(
    "--verbose", "-v", is_flag=True, help="List every warning, not only the first few of each kind."
)
_today = click.option(
    "--today",
    callback=_parse_day,
    metavar="YYYY-MM-DD",
    help="The build's date (default: SOURCE_DATE_EPOCH, else the clock).",
)


@click.group(cls=_Minutes)
@click.version_option(__version__, prog_name="minutes")
def main() -> None:
    """minutes: a static site generator for published meeting minutes."""


@main.command("build")
@_source
@click.option(
    "--output",
    "-o",
    type=_Folder(),
    help="Where to write the site (default: _site in the site folder).",
)
@click.option("--drafts", is_flag=True, help="Publish draft meetings too.")
@click.option(
    "--base-url",
    callback=_check_base_url,
    help="The address the site is served from, e.g. https://x.se/protokoll/.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--no-search", is_flag=True, help="Skip the search index.")
@click.option("--jobs", "-j", type=_Whole(0), default=0, help="Worker processes (0: one per core).")
@click.option("--no-cache", is_flag=True, help="Ignore and do not write .minutes-cache.")
@click.option("--timings", is_flag=True, help="Print where the time went, as JSON.")
@_verbose
@_today
def build_command(
    source: Path,
    output: Path | None,
    drafts: bool,
    base_url: str | None,
    strict: bool,
    no_search: bool,
    jobs: int,
    no_cache: bool,
    timings: bool,
    verbose: bool,
    today: date | None,
) -> None:
    """Build the site."""
    console = Console(stderr=True)
    options = BuildOptions(
        source=source,
        output=output,
        drafts=drafts,
        base_url=base_url,
        today=today,
        strict=strict,
        search=not no_search,
        jobs=jobs,
        cache=not no_cache,
    )
    language = language_of(source)
    try:
        with progress_bar(console, language) as progress:
            result = build(options, progress)
    except ConfigError as exc:
        _print_config_error(console, exc, language)
        sys.exit(1)
    except BuildFailed as exc:
        _print_problems(console, exc.problems, verbose, language)
        nothing = Commands.NOTHING_WRITTEN(folder=str(options.output_dir)).text(language)
        _say(console, f"{summary(exc.problems, strict, language)} {nothing}")
        sys.exit(1)
    except SearchIndexError as exc:
        for line in exc.lines(language):
            _say(console, Commands.ERROR(text=line).text(language))
        sys.exit(1)
    except TemplateError as exc:
        _print_error(console, template_problem(exc, language), language)
        _say(console, Commands.NOTHING_WRITTEN(folder=str(options.output_dir)).text(language))
        sys.exit(1)
    except OSError as exc:  # the disk, not the content: full, read-only, a file gone
        _print_error(console, disk_problem(exc), language)
        sys.exit(1)
    _print_problems(console, list(result.warnings), verbose, language)
    warned = f" {summary(list(result.warnings), strict, language)}" if result.warnings else ""
    size, entries = result.footprint.per_meeting(result.meetings)
    built = Commands.BUILT(
        meetings=result.meetings,
        pages=result.pages,
        seconds=result.seconds,
        rendered=result.rendered,
        written=result.written,
        unchanged=result.unchanged,
        folder=str(options.output_dir),
        size=human(result.footprint.size, language),
        entries=result.footprint.entries,
        per_size=human(size, language),
        per_entries=entries,
    )
    click.echo(f"{built.text(language)}{warned}")
    if timings:
        click.echo(json.dumps(dict(result.timings)))


@main.command("serve")
@_source
@click.option(
    "--port",
    "-p",
    type=_Whole(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free port).",
)
@click.option(
    "--drafts/--no-drafts",
    default=True,
    show_default=True,
    help="Show draft meetings while editing.",
)
@_today
def serve_command(source: Path, port: int, drafts: bool, today: date | None) -> None:
    """Build into .minutes-cache/serve (never _site), serve it on 127.0.0.1, rebuild on every
    change and reload the browser."""
    from .serve import serve

    console = Console(stderr=True)
    try:
        serve(
            BuildOptions(source=source, drafts=drafts, today=today),
            port,
            lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True),
        )
    except ConfigError as exc:
        _print_config_error(console, exc, language_of(source))
        sys.exit(1)


@main.command("init")
@click.argument("folder", type=_Folder())
@click.option("--title", default="Kommunen", show_default=True, help="The site's title.")
@click.option(
    "--language",
    type=_Choice(KNOWN_LANGUAGES),
    default="sv",
    show_default=True,
    is_eager=True,  # read first: the other options' problems are told in this language
    help="The site's language: its pages, the sample meeting and the template.",
)
@_today
def init_command(folder: Path, title: str, language: str, today: date | None) -> None:
    """Write a new site: site.toml, a sample meeting, CI workflows and a pre-commit hook."""
    from .scaffold import ScaffoldError, init_site

    told = spoken(language)
    try:
        written = init_site(folder, title, today or date.today(), language)
    except ScaffoldError as exc:
        _print_error(Console(stderr=True), exc.said, told)
        sys.exit(1)
    for path in written:
        click.echo(Commands.WROTE(file=str(path)).text(told))


@main.command("new")
@_source
@click.option("--body", required=True, help="The governing body, e.g. Kommunstyrelsen.")
@click.option(
    "--date",
    "day",
    required=True,
    callback=_parse_day,
    metavar="YYYY-MM-DD",
    help="The meeting's date.",
)
def new_command(source: Path, body: str, day: date) -> None:
    """Write a new meeting file from the body's template; never overwrites."""
    from .scaffold import ScaffoldError, new_meeting_numbered

    language = language_of(source)
    try:
        path, last = new_meeting_numbered(source, body, day)
    except ScaffoldError as exc:
        _print_error(Console(stderr=True), exc.said, language)
        sys.exit(1)
    if last:
        said = Commands.WROTE_NUMBERED(file=str(path), last=last, body=body, year=str(day.year))
    else:
        said = Commands.WROTE(file=str(path))
    click.echo(said.text(language))


@main.command("schema")
@_source
@click.option(
    "--write",
    is_flag=True,
    help="Write it to the site's .minutes/front-matter.schema.json (else print it).",
)
def schema_command(source: Path, write: bool) -> None:
    """The JSON Schema of the front matter, for editors that check it as you type."""
    from .content.config import load_config
    from .content.schema import SCHEMA_FILE, schema_text

    try:
        config = load_config(source)
    except ConfigError as exc:
        _print_config_error(Console(stderr=True), exc, language_of(source))
        sys.exit(1)
    text = schema_text(config.language, config.extra_keys)
    if not write:
        click.echo(text, nl=False)
        return
    target = source / SCHEMA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(Commands.WROTE(file=str(target)).text(language_of(source)))


@main.command("check")
@_source
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@_verbose
@click.option(
    "--format",
    "form",
    type=_Choice(["text", "github", "gitlab"]),
    default="text",
    show_default=True,
    help="text for people; github: workflow annotations on stdout (each problem shown on "
    "its line of a pull request); gitlab: a code quality report (JSON) on stdout.",
)
def check_command(source: Path, strict: bool, verbose: bool, form: str) -> None:
    """Validate the content without writing anything."""
    from .report import github_annotations, gitlab_report

    console = Console(stderr=True)
    language = language_of(source)
    try:
        with progress_bar(console, language) as progress:
            problems = check(BuildOptions(source=source, strict=strict), progress)
    except ConfigError as exc:
        _print_config_error(console, exc, language)
        if form != "text":  # where the clerk looks too: an annotation, a report GitLab reads
            found = list(exc.problems)
            if exc.said is not None:  # a problem outside site.toml's lines
                found.append(ContentError("site.toml", 0, exc.said))
            problems = Problems(found)
        else:
            sys.exit(1)
    # files named as the repository names them: from its root where the CI says where that
    # is and the site is in it (a step may run in a folder of it), else from where it runs
    ci_root = os.environ.get(
        {"github": "GITHUB_WORKSPACE", "gitlab": "CI_PROJECT_DIR"}.get(form, "")
    )
    top = Path(ci_root) if ci_root else Path.cwd()
    if not source.resolve().is_relative_to(top.resolve()):
        top = Path.cwd()
    folder = os.path.relpath(source.resolve(), top.resolve()).replace(os.sep, "/")
    if form == "github":
        for line in github_annotations(problems.items, strict, folder, language):
            click.echo(line)
    elif form == "gitlab":
        click.echo(gitlab_report(problems.items, strict, folder, language), nl=False)
    else:
        _print_problems(console, problems.items, verbose, language)
    failing = problems.errors + (problems.warnings if strict else [])
    if failing or form != "text":  # a report on stdout is the report alone
        _say(console, summary(problems.items, strict, language))
        sys.exit(1 if failing else 0)
    click.echo(summary(problems.items, strict, language))


if __name__ == "__main__":
    main()
