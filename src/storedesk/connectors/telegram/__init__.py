"""The Telegram Bot API connector (webhook mode)."""
