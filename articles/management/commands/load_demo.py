import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import archive
from articles.ingest import pipeline
from articles.ingest.formats import Options
from articles.models import Topic, TopicRule, unique_slug

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = "Load the demo archive (fictional outlets, people, topics and articles). Safe to run again."

    def handle(self, *args, **options):
        def load(name):
            return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))

        with transaction.atomic():
            archive.add_sources([(item["name"], item["homepage"]) for item in load("sources.json")])
            archive.add_people([(item["name"], item["description"], item["aliases"]) for item in load("people.json")])
            for item in load("topics.json"):
                topic, _ = Topic.objects.get_or_create(
                    name=item["name"],
                    defaults={"slug": unique_slug(Topic, item["name"]), "description": item["description"]},
                )
                for keyword in item["keywords"]:
                    TopicRule.objects.get_or_create(topic=topic, keyword=keyword)
        report = pipeline.run([str(DEMO_DIR / "articles.jsonl")], Options(format="json"))
        self.stdout.write(f"Demo data: {report.summary()}")
        if report.rejected:
            raise CommandError("; ".join(str(r) for r in report.rejected))
