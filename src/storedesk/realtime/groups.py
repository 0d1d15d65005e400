"""Every channel-layer group name, from one place: who is in a group is an access decision.

Group names may hold ASCII letters, digits, '-', '_' and '.', and fewer than 100 characters.
"""


def agents(store_id: int) -> str:
    """Every connected staff member of the store who may view conversations."""
    return f"store.{store_id}.agents"


def user(store_id: int, user_id: int) -> str:
    """One staff member's sockets in one store (mentions)."""
    return f"store.{store_id}.user.{user_id}"


def chat(store_id: int, conversation_id: int) -> str:
    """The chat visitor's sockets showing this conversation."""
    return f"store.{store_id}.chat.{conversation_id}"


def visitor(store_id: int, audience: str) -> str:
    """Every socket of one chat visitor (their tabs), whatever conversation they show."""
    return f"store.{store_id}.visitor.{audience}"
