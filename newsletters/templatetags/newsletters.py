from django import template

from newsletters.models import Newsletter

register = template.Library()


@register.simple_tag
def signup_newsletters():
    """The newsletters readers may sign up for, for the sign-up form in reader pages."""
    return list(Newsletter.objects.filter(is_public=True).only("pk", "name", "description"))
