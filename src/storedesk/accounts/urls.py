from django.urls import include, path

from storedesk.accounts.views import auth, home, settings

urlpatterns = [
    path("", home.home, name="home"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("preferences/", settings.preferences, name="preferences"),
    path("s/<slug:store_slug>/settings/", settings.store_settings, name="store-settings"),
    path(
        "s/<slug:store_slug>/settings/tokens/",
        settings.create_api_token,
        name="api-token-create",
    ),
    path(
        "s/<slug:store_slug>/settings/tokens/<int:token_id>/revoke/",
        settings.revoke_api_token,
        name="api-token-revoke",
    ),
    # One module of patterns per part of accounts.
    path("", include("storedesk.accounts.urls_setup")),
    path("", include("storedesk.accounts.urls_staff")),
    path("", include("storedesk.accounts.urls_teams")),
    path("", include("storedesk.accounts.urls_two_factor")),
    path("", include("storedesk.accounts.urls_audit")),
]
