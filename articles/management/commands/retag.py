from django.core.management.base import BaseCommand

from articles.ingest.topics import retag_all


class Command(BaseCommand):
    help = "Re-apply every topic's keyword rules to every article, and report what changed."

    def handle(self, *args, **options):
        result = retag_all()
        for name, (gained, lost) in result.per_topic.items():
            self.stdout.write(f"{name}: +{gained} -{lost}")
        self.stdout.write(
            f"{result.articles_changed} articles changed: {result.added} topic links added, {result.removed} removed."
        )
