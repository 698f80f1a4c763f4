from django.db import migrations, models


def make_hero_renditions(apps, schema_editor):
    """Renditions for hero images uploaded before renditions existed."""
    from images.renditions import make_record

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.exclude(hero_image="").only("hero_image").iterator():
        record = make_record(article.hero_image.name, storage=article.hero_image.storage)
        Article.objects.filter(pk=article.pk).update(hero_renditions=record)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="hero_renditions",
            field=models.JSONField(
                blank=True,
                default=dict,
                editable=False,
                help_text="Resized copies of the hero image, made once when it is uploaded.",
                verbose_name="hero image renditions",
            ),
        ),
        migrations.RunPython(make_hero_renditions, migrations.RunPython.noop, elidable=True),
    ]
