from django.urls import path

from storedesk.accounts import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("preferences/", views.preferences, name="preferences"),
    path("s/<slug:store_slug>/settings/", views.store_settings, name="store-settings"),
    path(
        "s/<slug:store_slug>/settings/tokens/",
        views.create_api_token,
        name="api-token-create",
    ),
    path(
        "s/<slug:store_slug>/settings/tokens/<int:token_id>/revoke/",
        views.revoke_api_token,
        name="api-token-revoke",
    ),
]
