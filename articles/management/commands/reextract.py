from django.core.management.base import BaseCommand, CommandError

from articles.jobs import reextract
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Extract the quotations and people of articles again (after the extraction rules or the names staff "
        "keep changed), keeping the rows staff added or corrected. The admin's action does the same in a worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Article ids.")
        parser.add_argument("--all", action="store_true", help="Every article.")

    def handle(self, *args, ids: list[int], all: bool = False, verbosity: int = 1, **options):  # noqa: A002
        if bool(ids) == all:
            raise CommandError("Give article ids, or --all: one of them.")
        missing = set(ids) - set(Article.objects.filter(pk__in=ids).values_list("pk", flat=True))
        if missing:
            raise CommandError(f"No article with id {', '.join(map(str, sorted(missing)))}.")

        def progress(report, last_id):
            if verbosity >= 2:
                self.stdout.write(f"{report.done:,} done (last article {last_id})")

        report = reextract(None if all else ids, progress=progress)
        self.stdout.write(f"{report.done:,} articles re-extracted, {report.failures} failed.")
        for pk, why in report.failed.items():
            self.stderr.write(f"article {pk}: {why}")
