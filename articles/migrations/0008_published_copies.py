"""Quote.published and Mention.published: the article's date beside each row, kept by the database.

A person's quotations and articles, newest first, then come straight from
(person, published DESC, article DESC) indexes instead of through the article table. Writers
that know the date (the pipeline, the corpus generator) send it; a row inserted without one
gets it from its article (a BEFORE INSERT trigger that only runs then), and a changed article
date is copied to its rows.
"""

from django.db import migrations, models

SQL = r"""
CREATE FUNCTION na_published_from_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.published := (SELECT published FROM articles_article WHERE id = NEW.article_id);
    RETURN NEW;
END $$;

CREATE TRIGGER quote_published_fill BEFORE INSERT ON articles_quote
    FOR EACH ROW WHEN (NEW.published IS NULL) EXECUTE FUNCTION na_published_from_article();
CREATE TRIGGER mention_published_fill BEFORE INSERT ON articles_mention
    FOR EACH ROW WHEN (NEW.published IS NULL) EXECUTE FUNCTION na_published_from_article();
CREATE TRIGGER quote_published_moved BEFORE UPDATE OF article_id ON articles_quote
    FOR EACH ROW WHEN (OLD.article_id IS DISTINCT FROM NEW.article_id) EXECUTE FUNCTION na_published_from_article();
CREATE TRIGGER mention_published_moved BEFORE UPDATE OF article_id ON articles_mention
    FOR EACH ROW WHEN (OLD.article_id IS DISTINCT FROM NEW.article_id) EXECUTE FUNCTION na_published_from_article();

CREATE FUNCTION na_published_copied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_quote SET published = NEW.published WHERE article_id = NEW.id;
    UPDATE articles_mention SET published = NEW.published WHERE article_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER article_published_copied AFTER UPDATE OF published ON articles_article
    FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published) EXECUTE FUNCTION na_published_copied();

-- The rows already there. Only dates change: search_text and the person-month summary stay as
-- they are, so their triggers are told to stand aside.
SET LOCAL newsarchive.search_text_written = on;
SET LOCAL newsarchive.person_month_deferred = on;
UPDATE articles_quote q SET published = a.published
  FROM articles_article a WHERE a.id = q.article_id AND a.published IS NOT NULL;
UPDATE articles_mention m SET published = a.published
  FROM articles_article a WHERE a.id = m.article_id AND a.published IS NOT NULL;
SET LOCAL newsarchive.search_text_written = off;
SET LOCAL newsarchive.person_month_deferred = off;
"""

REVERSE_SQL = r"""
DROP TRIGGER article_published_copied ON articles_article;
DROP TRIGGER quote_published_fill ON articles_quote;
DROP TRIGGER mention_published_fill ON articles_mention;
DROP TRIGGER quote_published_moved ON articles_quote;
DROP TRIGGER mention_published_moved ON articles_mention;
DROP FUNCTION na_published_copied();
DROP FUNCTION na_published_from_article();
"""

PUBLISHED = models.DateField(
    blank=True, editable=False, help_text="The article's publication date (copied by the database).", null=True
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_content_version"),
    ]

    operations = [
        migrations.AddField(model_name="mention", name="published", field=PUBLISHED),
        migrations.AddField(model_name="quote", name="published", field=PUBLISHED),
        migrations.RunSQL(SQL, REVERSE_SQL),
        migrations.RemoveIndex(model_name="mention", name="mention_person_article_idx"),
        migrations.RemoveIndex(model_name="quote", name="quote_person_article_idx"),
        migrations.AddIndex(
            model_name="mention",
            index=models.Index(
                models.F("person"),
                models.OrderBy(models.F("published"), descending=True, nulls_last=True),
                models.OrderBy(models.F("article"), descending=True),
                name="mention_person_published_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(
                models.F("person"),
                models.OrderBy(models.F("published"), descending=True, nulls_last=True),
                models.OrderBy(models.F("article"), descending=True),
                models.F("position"),
                name="quote_person_published_idx",
            ),
        ),
    ]
