"""Every write of accounts: stores, staff and invitations, teams, sign-in security and API
tokens, one module per part."""
