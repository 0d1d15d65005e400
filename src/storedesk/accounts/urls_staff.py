from django.urls import path

from storedesk.accounts.views import staff

STAFF = "s/<slug:store_slug>/settings/staff/"

urlpatterns = [
    path(STAFF, staff.staff_list, name="staff-list"),
    path(f"{STAFF}invite/", staff.invite, name="staff-invite"),
    path(
        f"{STAFF}invitations/<int:invitation_id>/resend/",
        staff.resend_invitation,
        name="invitation-resend",
    ),
    path(
        f"{STAFF}invitations/<int:invitation_id>/revoke/",
        staff.revoke_invitation,
        name="invitation-revoke",
    ),
    path(f"{STAFF}members/<int:membership_id>/role/", staff.change_role, name="member-role"),
    path(
        f"{STAFF}members/<int:membership_id>/deactivate/",
        staff.deactivate_member,
        name="member-deactivate",
    ),
    path(
        f"{STAFF}members/<int:membership_id>/reactivate/",
        staff.reactivate_member,
        name="member-reactivate",
    ),
    path(f"{STAFF}leave/", staff.leave_store, name="store-leave"),
    # The link of an invitation mail: no login, the token is the key.
    path("invitations/<str:token>/", staff.accept_invitation, name="invitation-accept"),
]
