from django.urls import path

from storedesk.accounts.views import teams

_TEAMS = "s/<slug:store_slug>/settings/teams/"

urlpatterns = [
    path(_TEAMS, teams.team_list, name="team-list"),
    path(_TEAMS + "new/", teams.team_create, name="team-create"),
    path(_TEAMS + "<int:team_id>/", teams.team_edit, name="team-edit"),
    path(_TEAMS + "<int:team_id>/delete/", teams.team_delete, name="team-delete"),
    path(
        "s/<slug:store_slug>/settings/authority/",
        teams.role_authority_edit,
        name="role-authority-edit",
    ),
]
