"""Every write of the inbox, one module per part of it. Channel connectors, the chat widget,
the assistant, the agent UI and the REST API all come through here; each action commits once
and then publishes its events (see inbox/events.py)."""
