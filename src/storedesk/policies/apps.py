from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "storedesk.policies"
    label = "policies"
    verbose_name = "Store policies"

    def ready(self) -> None:
        from storedesk.policies import checklist as getting_started
        from storedesk.policies import tasks
        from storedesk.policies.site import public_policy_links
        from storedesk.publicsite.site import PublicSection, register_section

        tasks.connect()
        getting_started.register()
        # The policy pages are listed in the public site's footer and sitemap.
        register_section(PublicSection(name="policies", links=public_policy_links))
