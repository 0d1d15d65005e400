"""Form helpers shared by the editors of the agent UI."""

from collections.abc import Mapping, Sequence

from django import forms
from django.http import QueryDict


class PerLanguageForm(forms.Form):
    """A form with the same fields once for each store language; ``add_language_fields``
    adds one language's."""

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        languages: Sequence[str],
        initial: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(data, initial=None if initial is None else dict(initial))
        self.languages = list(languages)
        for code in self.languages:
            self.add_language_fields(code)

    def add_language_fields(self, code: str) -> None:
        raise NotImplementedError
