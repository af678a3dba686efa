import json
import sys

from django.core.management.base import BaseCommand, CommandError

from articles.ingest import pipeline
from articles.ingest.formats import FORMATS, Dated, Options, parse_moment


class Command(BaseCommand):
    help = (
        "Store articles from files, folders, URLs, feeds or '-' (standard input). Formats are detected: "
        "plain text, JSON / JSON Lines, RSS/Atom, HTML pages. Exits non-zero when anything was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--format", choices=FORMATS, help="read every input as this format")
        parser.add_argument("--source", default="", help="outlet name for inputs that don't name one")
        parser.add_argument(
            "--date",
            help="publication date for inputs that state none: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known",
        )
        parser.add_argument(
            "--keep-broken-feeds",
            action="store_true",
            help="store the entries that could be read from a feed that is not well-formed XML (it is still reported)",
        )
        parser.add_argument("--dry-run", action="store_true", help="store nothing; show what would be stored")
        parser.add_argument("--json", action="store_true", help="with --dry-run: one JSON object per article")

    def handle(
        self,
        *args,
        inputs,
        format=None,
        source="",
        date=None,
        dry_run=False,
        json=False,
        keep_broken_feeds=False,
        **options,
    ):
        try:
            given = parse_moment(date) if date else Dated(None)  # "2017-04" or "2017": the month or year only
        except ValueError:
            raise CommandError(f"--date {date!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY") from None
        if json and not dry_run:
            raise CommandError("--json only goes with --dry-run")
        progress = _progress_bar(self.stderr._out)

        def show(record: dict) -> None:
            if json:
                self.stdout.write(_dumps(record))
            else:
                self.stdout.write(f"{record['headline']}  [{record['source'] or 'no outlet'}]")
                for quote in record["quotes"]:
                    self.stdout.write(f"  “{quote['text']}” — {quote['speaker'] or quote['speaker_as_written'] or '?'}")

        def rejected(rejection) -> None:
            if progress is not None:
                progress.clear()
            self.stderr.write(f"rejected {rejection}")

        report = pipeline.run(
            inputs,
            Options(
                format=format,
                source=source,
                date=given.day,
                date_precision=given.precision,
                keep_broken_feeds=keep_broken_feeds,
            ),
            dry_run=dry_run,
            on_record=show,
            on_rejection=rejected,
            on_progress=progress.update if progress is not None else None,
        )
        if progress is not None:  # not `if progress`: a tqdm without a total refuses bool()
            progress.close()
        if report.database_error is not None:
            # The database refused or went away: what was stored before it, then the one line saying
            # what to start or set (no traceback). Nothing read yet: the line alone.
            from newsarchive.settings import database_help

            if report.read or report.rejected:
                self.stderr.write(report.summary(dry_run=dry_run))
            self.stderr.write(database_help(report.database_error))
            sys.exit(1)
        verbosity = options.get("verbosity", 1)
        if verbosity > 1:
            for line in report.details:
                self.stderr.write(line)
        self.stderr.write(report.summary(dry_run=dry_run))
        if report.rejected:
            sys.exit(1)


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def _progress_bar(stream):
    """A progress bar on a terminal; nothing when output goes to a file or a pipe."""
    if not stream.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=stream, mininterval=0.5)
