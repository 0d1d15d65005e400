from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "storedesk.policies"
    label = "policies"
    verbose_name = "Store policies"

    def ready(self) -> None:
        from storedesk.policies import tasks
        from storedesk.policies.site import public_policy_links
        from storedesk.publicsite.site import PublicSection, register_section

        tasks.connect()
        # The policy pages are listed in the public site's footer and sitemap.
        register_section(PublicSection(name="policies", links=public_policy_links))
