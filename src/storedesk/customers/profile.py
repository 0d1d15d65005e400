"""The customer profile's sections from other apps: the inbox adds the customer's
conversations, and later apps (returns, reviews, loyalty) add theirs, without this app
knowing any of them."""

from storedesk.core.sections import PageSections
from storedesk.customers.models import Customer

profile_sections: PageSections[Customer] = PageSections("customer_profile")
