"""Inbound email: one parser for every way mail comes in (the MTA's pipe through
``storedesk receive_email`` now; an SMTP receiver and IMAP polling later), and the intake
that turns a parsed mail into an inbox message."""
