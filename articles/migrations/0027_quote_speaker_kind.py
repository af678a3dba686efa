# Quote.speaker_kind: what speaks, a person (named or not), an organisation, or unknown (issue 13.2).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0026_job"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="speaker_kind",
            field=models.CharField(
                choices=[("person", "person"), ("organisation", "organisation"), ("unknown", "unknown")],
                db_default="unknown",
                default="unknown",
                help_text="A person (named or not), an organisation, or unknown (no attribution, a group, a document).",
                max_length=12,
            ),
        ),
        # The rows stored so far: those with a person are a person's; the others stay unknown until re-extracted.
        # From now on the database says so itself: a row given a person (by ingest, a merge, staff, a test's
        # Quote.objects.create) is a person's words, so no write path can break quote_person_speaker_is_person.
        migrations.RunSQL(
            """
UPDATE articles_quote SET speaker_kind = 'person' WHERE person_id IS NOT NULL;

CREATE FUNCTION na_quote_person_speaks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.speaker_kind := 'person';
    RETURN NEW;
END $$;

CREATE TRIGGER quote_person_speaks BEFORE INSERT OR UPDATE OF person_id, speaker_kind ON articles_quote
    FOR EACH ROW WHEN (NEW.person_id IS NOT NULL AND NEW.speaker_kind <> 'person')
    EXECUTE FUNCTION na_quote_person_speaks();
""",
            reverse_sql="DROP TRIGGER quote_person_speaks ON articles_quote; DROP FUNCTION na_quote_person_speaks();",
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.CheckConstraint(
                condition=models.Q(("speaker_kind__in", ["person", "organisation", "unknown"])),
                name="quote_speaker_kind_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.CheckConstraint(
                condition=models.Q(("person__isnull", True), ("speaker_kind", "person"), _connector="OR"),
                name="quote_person_speaker_is_person",
                violation_error_message="A quotation whose speaker is a person has the speaker kind “person”.",
            ),
        ),
    ]
