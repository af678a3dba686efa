from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.archive import find_wire_copies
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Look for wire copies (the same story from several outlets) among the articles stored before they "
        "were looked for at ingest (issue 14.3), and group them. Stopped, it carries on where it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000, help="articles a transaction (default 1000)")

    def handle(self, *args, **options):
        total = Article.objects.filter(wire_bands__isnull=True).count()
        show = options["verbosity"] > 0
        with tqdm(total=total, unit=" articles", disable=not show, file=self.stderr) as bar:
            read, grouped = find_wire_copies(batch_size=options["batch_size"], progress=bar.update)
        if show:
            self.stdout.write(f"{read} articles read, {grouped} of them in a group of wire copies.")
