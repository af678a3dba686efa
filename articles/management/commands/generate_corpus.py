import sys
import time

from django.core.management.base import BaseCommand, CommandError

from articles.corpus import generate


class Command(BaseCommand):
    help = "Add N synthetic articles (Zipf-like words, skewed people and outlets, quotes, 20 years) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--retag", action="store_true", help="apply topic rules afterwards (set-based)")

    def handle(self, *args, articles, seed, retag=False, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1")
        bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(total=articles, unit=" articles", file=sys.stderr)
        started = time.perf_counter()
        generate(articles, seed=seed, progress=bar.update if bar else None)
        if bar:
            bar.close()
        seconds = time.perf_counter() - started
        self.stderr.write(f"Generated {articles:,} articles in {seconds:.0f} s ({articles / seconds:,.0f}/s).")
        if retag:
            from articles.ingest.topics import retag_all

            result = retag_all()
            self.stderr.write(f"Topics: {result.added:,} links added to {result.articles_changed:,} articles.")
