"""The Content-Security-Policy of pages that host the chat widget.

Every page sends ``settings.SECURE_CSP`` (Django's CSP middleware). The widget is written to
run on a shop's own pages: its shadow root carries its own ``<style>`` element, which a
nonce-only ``style-src`` refuses, so the pages of ours that embed it allow inline styles.
Scripts stay as strict as everywhere else.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override


def widget_host_policy() -> dict[str, Any]:
    policy = dict(settings.SECURE_CSP)
    policy["style-src"] = [CSP.SELF, CSP.UNSAFE_INLINE]
    return policy


def hosts_the_chat_widget[V: Callable[..., Any]](view: V) -> V:
    """Decorate a view whose page embeds the chat widget."""
    decorated: V = csp_override(widget_host_policy())(view)
    return decorated
