"""Writes of the help center: ``contact`` (contact form to inbox), ``feedback`` ("Was this
helpful?"), ``articles`` (categories, drafts, publishing)."""
