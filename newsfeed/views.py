from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from articles.models import Section, Tag
from articles.selectors import published_corrections, published_items
from authors.models import Author

ITEMS_PER_PAGE = 20


def paginate(request, queryset):
    """The requested page of queryset; a malformed or out-of-range ?page= is a 404."""
    paginator = Paginator(queryset, ITEMS_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error


def home(request):
    items = list(published_items()[: ITEMS_PER_PAGE + 1])
    return render(
        request,
        "newsfeed/home.html",
        {"lead": items[0] if items else None, "items": items[1:]},
    )


def stream(request):
    page = paginate(request, published_items())
    return render(request, "newsfeed/stream.html", {"page": page, "title": "News Feed"})


def section(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(request, published_items().filter(section=section))
    return render(request, "newsfeed/section.html", {"section": section, "page": page})


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, published_items().filter(tags=tag))
    return render(request, "newsfeed/tag.html", {"tag": tag, "page": page})


def author(request, slug):
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, published_items().filter(bylines__author=author))
    return render(request, "newsfeed/author.html", {"author": author, "page": page})


def corrections(request):
    page = paginate(request, published_corrections())
    return render(request, "newsfeed/corrections.html", {"page": page})
