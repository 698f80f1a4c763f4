"""Readers' newsletter pages: sign-up, confirmation, the subscriber's page, the archive."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from caching import keys
from caching.dependencies import shows, shows_exactly
from newsletters import ratelimits, services, tasks, tokens
from newsletters.emails import IssueEmail, issue_stories
from newsletters.forms import SignupForm, SubscriptionsForm
from newsletters.models import Issue, Newsletter, Subscriber
from website import editions
from website.logins import client_address


# The form sits in pages the page cache shares between readers, so it carries no CSRF
# token; a forged sign-up only leads to a confirmation email, which nobody has to answer.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimits.address_allowed(client_address(request) or ""):
            return render(request, "newsletters/too_many.html", status=429)
        email = form.cleaned_data["email"]
        if not form.is_bot and ratelimits.email_allowed(email):
            ids = [newsletter.pk for newsletter in form.cleaned_data["newsletters"]]
            tasks.signup.enqueue(email, ids)
        # The same answer for every address: new, waiting, subscribed, or a bot's.
        return redirect("newsletters:check_inbox")
    status = 400 if request.method == "POST" else 200
    return render(request, "newsletters/signup.html", {"form": form}, status=status)


def check_inbox(request):
    return render(request, "newsletters/check_inbox.html")


def subscriber_or_404(key) -> Subscriber:
    if key is None:
        raise Http404("This link is not valid (any more).")
    return get_object_or_404(Subscriber, key=key)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """A page with a button: mail scanners that open links do not confirm anyone."""
    key, newsletter_ids = tokens.read_confirm_token(token) or (None, [])
    subscriber = subscriber_or_404(key)
    newsletters = Newsletter.objects.filter(pk__in=newsletter_ids)
    if request.method == "POST":
        services.confirm(subscriber=subscriber, newsletter_ids=newsletter_ids)
        return redirect("newsletters:manage", token=tokens.manage_token(subscriber))
    return render(
        request, "newsletters/confirm.html", {"subscriber": subscriber, "newsletters": newsletters}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber = subscriber_or_404(tokens.read_manage_token(token))
    current = Newsletter.objects.filter(
        subscriptions__subscriber=subscriber, subscriptions__confirmed_at__isnull=False
    )
    form = SubscriptionsForm(request.POST or None, initial={"newsletters": list(current)})
    saved = False
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["newsletters"]
        services.set_subscriptions(subscriber=subscriber, newsletters=chosen)
        saved = True
    return render(
        request,
        "newsletters/manage.html",
        {"subscriber": subscriber, "form": form, "token": token, "saved": saved},
    )


@never_cache
def export(request, token):
    subscriber = subscriber_or_404(tokens.read_manage_token(token))
    response = HttpResponse(
        json.dumps(services.export(subscriber), indent=2, ensure_ascii=False),
        content_type="application/json",
    )
    response["Content-Disposition"] = 'attachment; filename="newsletter-subscriber.json"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def delete(request, token):
    subscriber = subscriber_or_404(tokens.read_manage_token(token))
    if request.method == "POST":
        services.delete(subscriber)
        return render(request, "newsletters/deleted.html")
    return render(request, "newsletters/delete.html", {"subscriber": subscriber, "token": token})


# RFC 8058: mail apps POST "List-Unsubscribe=One-Click" here with no cookies or token; the
# signed link itself is the proof. A reader who opens the link gets a button instead.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    key, newsletter_id = tokens.read_unsubscribe_token(token) or (None, None)
    subscriber = subscriber_or_404(key)
    newsletter = get_object_or_404(Newsletter, pk=newsletter_id)
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber, newsletter_id=newsletter.pk)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("Unsubscribed."), content_type="text/plain; charset=utf-8")
        done = True
    else:
        done = False
    return render(
        request,
        "newsletters/unsubscribe.html",
        {
            "newsletter": newsletter,
            "done": done,
            "manage_url": reverse("newsletters:manage", args=[tokens.manage_token(subscriber)]),
        },
    )


def archive(request, slug):
    newsletter = get_object_or_404(Newsletter, slug=slug, language=editions.current())
    shows_exactly(newsletter)
    issues = newsletter.issues.filter(status=Issue.Status.SENT)
    return render(request, "newsletters/archive.html", {"newsletter": newsletter, "issues": issues})


def issue(request, slug, date):
    found = get_object_or_404(
        Issue.objects.select_related("newsletter"),
        newsletter__slug=slug,
        newsletter__language=editions.current(),
        date=date,
        status=Issue.Status.SENT,
    )
    shows_exactly(found, found.newsletter)
    return render_issue_page(request, found)


def render_issue_page(request, found: Issue, *, preview=False):
    stories = issue_stories(found)
    shows(*(keys.shown(story["article"]) for story in stories))  # their headlines, pictures
    context = {
        "issue": found,
        "newsletter": found.newsletter,
        "stories": stories,
        "preview": preview,
    }
    return render(request, "newsletters/issue.html", context)


def render_issue_email(found: Issue):
    """The email as a subscriber's mail app gets it (for the editors' preview)."""
    return HttpResponse(IssueEmail(found).html)
