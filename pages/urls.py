from django.urls import path
from django.views.decorators.http import require_safe

from pages import views

app_name = "pages"
# Reading only: GET and HEAD; TRACE, OPTIONS and writes get a 405.
urlpatterns = [path("<slug:slug>/", require_safe(views.page), name="page")]
