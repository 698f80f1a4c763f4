from datetime import date

from django.urls import path, register_converter

from newsletters import views


class IsoDate:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        return date.fromisoformat(value)  # ValueError (2026-02-30): no match, a 404

    def to_url(self, value) -> str:
        return value.isoformat() if isinstance(value, date) else str(value)


register_converter(IsoDate, "isodate")

app_name = "newsletters"

# A subscriber's own pages live under subscriber/, which settings.PRIVATE_PATHS keeps out of
# the page cache and robots.txt.
urlpatterns = [
    path("newsletters/signup/", views.signup, name="signup"),
    path("newsletters/signup/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("newsletters/subscriber/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletters/subscriber/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("newsletters/subscriber/<str:token>/", views.manage, name="manage"),
    path("newsletters/subscriber/<str:token>/export/", views.export, name="export"),
    path("newsletters/subscriber/<str:token>/delete/", views.delete, name="delete"),
    path("newsletters/<slug:slug>/", views.archive, name="archive"),
    path("newsletters/<slug:slug>/<isodate:date>/", views.issue, name="issue"),
]
