import sys

from django.core.management.base import BaseCommand

from articles.export import article_records, write_jsonl


class Command(BaseCommand):
    help = "Write every article as JSON Lines (the format `ingest` reads back)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args, output=None, **options):
        if output:
            with open(output, "w", encoding="utf-8") as out:
                count = write_jsonl(article_records(), out)
            self.stderr.write(f"Exported {count} articles to {output}.")
        else:
            write_jsonl(article_records(), sys.stdout)
