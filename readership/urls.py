from django.urls import path

from readership import views

app_name = "readership"

urlpatterns = [
    path("readership/beacon/", views.beacon, name="beacon"),
]
