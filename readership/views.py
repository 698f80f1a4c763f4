from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from readership import counting

# A beacon's body is "article=<id>&via=beacon": anything much longer is not one.
MAX_BODY_BYTES = 200
MARKER = "beacon"


def no_content() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


def refused(reason: str) -> HttpResponse:
    response = HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def is_cross_site(request) -> bool:
    """The browser says the beacon came from another site's page."""
    site = request.headers.get("Sec-Fetch-Site")
    if site and site not in {"same-origin", "none"}:
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin != f"{request.scheme}://{request.get_host()}"


# No CSRF token: reader pages carry no cookie (they stay cacheable), and a forged beacon
# can do no more than a real one, add one to a published article's counter.
@csrf_exempt
@require_POST
def beacon(request):
    """Count one reading of a published article; readers who ask not to be counted are not."""
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = MAX_BODY_BYTES + 1
    if length > MAX_BODY_BYTES:
        return refused("Too long for a beacon.")
    if counting.asks_not_to_be_counted(request.headers):
        return no_content()
    if counting.is_bot(request.headers.get("User-Agent", "")):
        return no_content()
    if is_cross_site(request):
        return refused("Beacons come from this site's pages.")
    if request.POST.get("via") != MARKER:
        return refused("Not a beacon.")
    article = request.POST.get("article", "")
    if not (article.isascii() and article.isdecimal() and len(article) <= 18):
        return refused("No such article.")
    if not counting.countable_article(int(article)):
        return refused("No such article.")
    counting.count_view(article_id=int(article))
    return no_content()
