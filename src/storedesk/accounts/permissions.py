"""Roles and what each may do. One table, read by every access check."""

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    AGENT = "agent"
    VIEWER = "viewer"


class Permission(StrEnum):
    VIEW_CUSTOMERS = "view_customers"
    EDIT_CUSTOMERS = "edit_customers"
    VIEW_ORDERS = "view_orders"
    EDIT_ORDERS = "edit_orders"
    VIEW_CATALOG = "view_catalog"
    EDIT_CATALOG = "edit_catalog"
    MANAGE_STORE = "manage_store"
    MANAGE_STAFF = "manage_staff"
    VIEW_AUDIT_LOG = "view_audit_log"
    VIEW_CONVERSATIONS = "view_conversations"
    # Write to customers, add notes, assign, tag and change status.
    REPLY_CONVERSATIONS = "reply_conversations"
    MANAGE_CANNED_REPLIES = "manage_canned_replies"
    # Write and preview help-center articles as drafts.
    EDIT_HELP_CENTER = "edit_help_center"
    # Publish articles and change the store's policies, which shoppers are promised.
    PUBLISH_HELP_CENTER = "publish_help_center"
    MANAGE_POLICIES = "manage_policies"


_READ = {
    Permission.VIEW_CUSTOMERS,
    Permission.VIEW_ORDERS,
    Permission.VIEW_CATALOG,
    Permission.VIEW_CONVERSATIONS,
}
_AGENT = _READ | {
    Permission.EDIT_CUSTOMERS,
    Permission.EDIT_ORDERS,
    Permission.REPLY_CONVERSATIONS,
    Permission.EDIT_HELP_CENTER,
}
_ADMIN = _AGENT | {
    Permission.MANAGE_CANNED_REPLIES,
    Permission.PUBLISH_HELP_CENTER,
    Permission.MANAGE_POLICIES,
    Permission.EDIT_CATALOG,
    Permission.MANAGE_STORE,
    Permission.MANAGE_STAFF,
    Permission.VIEW_AUDIT_LOG,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset(_READ),
    Role.AGENT: frozenset(_AGENT),
    Role.ADMIN: frozenset(_ADMIN),
    Role.OWNER: frozenset(_ADMIN),
}

# A store platform pushing its data through an API token may read and write the
# commerce records and bridge conversations of its own channels, but never manage staff
# or read the audit log.
INTEGRATION_PERMISSIONS = frozenset(
    _READ
    | {
        Permission.EDIT_CUSTOMERS,
        Permission.EDIT_ORDERS,
        Permission.EDIT_CATALOG,
        Permission.REPLY_CONVERSATIONS,
        Permission.MANAGE_CANNED_REPLIES,
    }
)
