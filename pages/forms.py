"""Admin forms of the rubric and synonym snippets."""

from wagtail.admin.forms import WagtailAdminModelForm

from commune_sites.selectors import collectivities_edited_by


class CollectivityScopedForm(WagtailAdminModelForm):
    """Offers only the collectivities the user edits (preselected when there is one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("collectivity")
        if field is None or self.for_user is None:
            return
        field.queryset = collectivities_edited_by(self.for_user)
        choices = list(field.queryset[:2])
        if len(choices) == 1 and not self.instance.collectivity_id:
            field.initial = choices[0].pk
