"""Stable links of procedures: `/d/<page_id>/` on a portal redirects to the procedure's page.

A page's id never changes, whatever its title or slug: commune websites link to the procedure
with it. The link works on the portal of the collectivity that offers the procedure and, for
an intercommunality's procedure, on the portal of each member commune (where the procedure
opens under the commune's catalogue). The redirect is temporary (302): the page may move
again. Old addresses of a page whose slug changed are covered by Wagtail's redirects.
"""

from django.http import Http404
from django.shortcuts import redirect

from commune_sites.selectors import collectivity_for_request

from .selectors import procedure_offered, procedure_url_on_portal


def stable_link(request, page_id: int):
    collectivity = collectivity_for_request(request)
    procedure = collectivity and procedure_offered(collectivity=collectivity, page_id=page_id)
    url = procedure and procedure_url_on_portal(
        collectivity=collectivity, procedure=procedure, request=request
    )
    if not url:
        raise Http404
    return redirect(url)
