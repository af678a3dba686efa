from django.core.management.base import BaseCommand

from articles.archive import detect_languages


class Command(BaseCommand):
    help = (
        "Detect the language of the articles whose language is unknown (stored before it was detected), "
        "or with --all of every article."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="detect again for every article")

    def handle(self, *args, **options):
        read, changed = detect_languages(every=options["all"])
        self.stdout.write(f"{read} articles read, {changed} given a language (or a new one).")
