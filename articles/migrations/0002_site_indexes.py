"""Indexes the public site's queries need (issue 4).

Created with RunSQL because the indexed expression is the database function na_normalize()
(migration 0001), which models.py cannot declare; the autodetector does not see it, so
`makemigrations --check` stays clean.
"""

from django.db import migrations

SQL = """
-- Person search forgiving typos and accents: PersonQuerySet.matching_name() and
-- named_exactly() compare na_normalize(name) with the normalised query (%> and =).
CREATE INDEX person_name_normalized_trgm ON articles_person USING gin (na_normalize(name) gin_trgm_ops);
"""

REVERSE_SQL = "DROP INDEX person_name_normalized_trgm;"


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
