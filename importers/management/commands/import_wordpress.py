from importers.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = "Import a WordPress export (WXR 1.0 to 1.2): authors, terms, posts, pages, old URLs."
    source = "wordpress"
    file_help = "The .xml file of WordPress's Tools → Export."
