"""The staff pages of accounts, one module per part: signing in, the home page, settings,
staff and invitations, teams, two-factor sign-in, the audit log and the first-run page."""
