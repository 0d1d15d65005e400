"""Reads of the help center: ``public`` for the shoppers' site, ``editor`` for the agent UI."""
