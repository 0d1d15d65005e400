from django.urls import URLPattern, path

from storedesk.accounts.views import auth, two_factor

urlpatterns: list[URLPattern] = [
    path("login/verify/", auth.login_verify, name="login-verify"),
    path("password/reset/", auth.password_reset, name="password-reset"),
    path("password/reset/sent/", auth.password_reset_sent, name="password-reset-sent"),
    # Other parts build links to this page (a new store's owner, the command line).
    path("password/set/<uidb64>/<token>/", auth.PasswordSetView.as_view(), name="password-set"),
    path("account/security/", two_factor.security, name="account-security"),
    path("account/security/two-factor/begin/", two_factor.begin, name="two-factor-begin"),
    path("account/security/two-factor/confirm/", two_factor.confirm, name="two-factor-confirm"),
    path("account/security/two-factor/disable/", two_factor.disable, name="two-factor-disable"),
    path(
        "account/security/recovery-codes/",
        two_factor.regenerate_recovery_codes,
        name="recovery-codes-regenerate",
    ),
    path(
        "account/security/stores/<slug:store_slug>/",
        two_factor.store_requirement,
        name="store-two-factor-required",
    ),
]
