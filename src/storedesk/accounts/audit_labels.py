"""How the audit log reads to people: each recorded action and kind of object by a translated
label, and who did it.

Entries keep the stable names the actions record ("conversation.assigned"); an action without
a label here shows by that name, so a new action is readable before it is given one.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from storedesk.core.models import AuditLogEntry

# The actor labels of entries written without a member of staff (accounts.actors.Actor.label).
SYSTEM_LABEL = "system"
TOKEN_LABEL_PREFIX = "token:"  # noqa: S105  (a label's prefix, not a secret)

ACTION_LABELS: dict[str, Promise] = {
    # Conversations
    "conversation.assigned": _("Assigned a conversation"),
    "conversation.status_changed": _("Changed a conversation's status"),
    "conversation.priority_changed": _("Changed a conversation's priority"),
    "conversation.tagged": _("Tagged a conversation"),
    "conversation.orders_linked": _("Linked orders to a conversation"),
    "conversation.orders_unlinked": _("Unlinked an order from a conversation"),
    "conversation.updated": _("Edited a conversation"),
    "canned_reply.saved": _("Saved a canned reply"),
    "canned_reply.deleted": _("Deleted a canned reply"),
    # Customers and orders
    "customer.created": _("Created a customer"),
    "customer.updated": _("Edited a customer"),
    "customer.consent_recorded": _("Recorded a marketing consent"),
    "customer.merged": _("Merged two customers"),
    "order.created": _("Created an order"),
    "order.updated": _("Edited an order"),
    # Policies
    "return_policy.published": _("Published the return rules"),
    "shipping_policy.published": _("Published the shipping rules"),
    "prose_policy.saved": _("Saved a policy page"),
    "prose_policy.published": _("Published a policy page"),
    "prose_policy.unpublished": _("Unpublished a policy page"),
    "prose_policy.deleted": _("Deleted a policy page"),
    # Website chat
    "chat_widget.created": pgettext_lazy("audit log", "Set up the website chat"),
    "chat_widget.updated": _("Changed the website chat"),
    "chat_widget.secret_rotated": _("Replaced the website chat's identity secret"),
    # The store, its staff and teams
    "store.created": _("Created the store"),
    "store.two_factor_required": _("Changed whether two-factor sign-in is required"),
    "invitation.created": _("Invited someone to the staff"),
    "invitation.resent": _("Sent an invitation again"),
    "invitation.revoked": _("Revoked an invitation"),
    "invitation.accepted": _("Accepted an invitation"),
    "member.role_changed": _("Changed a member's role"),
    "member.deactivated": _("Deactivated a member"),
    "member.left": _("Left the store"),
    "member.reactivated": _("Reactivated a member"),
    "team.created": _("Created a team"),
    "team.renamed": _("Renamed a team"),
    "team.timezone_changed": _("Changed a team's time zone"),
    "team.members_changed": _("Changed a team's members"),
    "team.hours_changed": _("Changed a team's working hours"),
    "team.holidays_changed": _("Changed a team's holidays"),
    "team.deleted": _("Deleted a team"),
    "channel_route.changed": _("Changed which team a channel goes to"),
    "role_authority.changed": _("Changed a role's authority limits"),
    # Sign-in security
    "two_factor.enabled": _("Turned on two-factor sign-in"),
    "two_factor.disabled": _("Turned off two-factor sign-in"),
    "recovery_codes.regenerated": _("Made new recovery codes"),
    "recovery_code.used": _("Signed in with a recovery code"),
    "password.reset": _("Reset their own password"),
    # Access
    "api_token.revoked": _("Revoked an API token"),
    "audit_log.exported": _("Exported the audit log"),
}

TARGET_TYPE_LABELS: dict[str, Promise] = {
    "conversation": pgettext_lazy("kind of object", "Conversation"),
    "canned_reply": pgettext_lazy("kind of object", "Canned reply"),
    "customer": pgettext_lazy("kind of object", "Customer"),
    "order": pgettext_lazy("kind of object", "Order"),
    "return_policy_version": pgettext_lazy("kind of object", "Return rules"),
    "shipping_policy_version": pgettext_lazy("kind of object", "Shipping rules"),
    "prose_policy": pgettext_lazy("kind of object", "Policy page"),
    "chat_widget": pgettext_lazy("kind of object", "Website chat"),
    "api_token": pgettext_lazy("kind of object", "API token"),
    "audit_log": pgettext_lazy("kind of object", "Audit log"),
    "store": pgettext_lazy("kind of object", "Store"),
    "membership": pgettext_lazy("kind of object", "Staff member"),
    "invitation": pgettext_lazy("kind of object", "Invitation"),
    "team": pgettext_lazy("kind of object", "Team"),
    "role_authority": pgettext_lazy("kind of object", "Authority limits"),
    "channel_route": pgettext_lazy("kind of object", "Channel routing"),
    "user": pgettext_lazy("kind of object", "Person"),
}


def action_label(action: str) -> str:
    """The action as a sentence without its subject ("Assigned a conversation"), or its
    recorded name when it has no label yet."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


def target_type_label(target_type: str) -> str:
    label = TARGET_TYPE_LABELS.get(target_type)
    return str(label) if label is not None else target_type.replace("_", " ")


def actor_name(entry: AuditLogEntry) -> str:
    """Who made the entry, for people: a member's name (or email when they gave none), an
    integration's token by its name, "Storedesk" for its own work. A member whose account
    is gone reads by the email the entry kept."""
    if entry.actor_user is not None:
        return entry.actor_user.name or entry.actor_user.email
    if entry.actor_label == SYSTEM_LABEL:
        return "Storedesk"
    if entry.actor_label.startswith(TOKEN_LABEL_PREFIX):
        name = entry.actor_label.removeprefix(TOKEN_LABEL_PREFIX)
        return gettext("API token “%(name)s”") % {"name": name}
    return entry.actor_label


def actor_email(entry: AuditLogEntry) -> str:
    """The member's email beside their name; empty for tokens and Storedesk."""
    return entry.actor_user.email if entry.actor_user is not None else ""
