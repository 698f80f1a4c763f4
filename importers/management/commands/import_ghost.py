from importers.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = "Import a Ghost export (JSON, Ghost 1 to 5): authors, tags, posts, pages, old URLs."
    source = "ghost"
    file_help = "The .json file of Ghost's Settings → Labs → Export."
