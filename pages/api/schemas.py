"""What the public API answers, as documented in its OpenAPI schema. No personal data here:
collectivities' public contact details, and published page content only."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

Kind = Literal["commune", "intercommunality"]


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: list[dict]


class CollectivityRef(Schema):
    slug: str
    name: str
    kind: Kind


class ContactOut(Schema):
    address: str
    phone: str
    email: str
    opening_hours: str
    website: str


class CollectivityOut(CollectivityRef):
    code: str = Field(description="INSEE code of a commune, SIREN of an intercommunality.")
    postal_codes: list[str]
    intercommunality: CollectivityRef | None
    portal_url: str = Field(description="Home page of the collectivity's portal.")
    contact: ContactOut


class RubricRef(Schema):
    slug: str
    name: str


class RubricOut(RubricRef):
    description: str
    catalogue_url: str = Field(description="The catalogue of the portal, filtered by the rubric.")


class ProcedureOut(Schema):
    id: int = Field(description="Stable identifier: it never changes, whatever the title.")
    title: str
    description: str
    online: bool = Field(description="Made online on the portal; otherwise at the counter.")
    incident_report: bool
    rubrics: list[RubricRef]
    collectivity: CollectivityRef = Field(description="The collectivity offering the procedure.")
    intercommunal: bool = Field(description="Offered by the intercommunality of the commune.")
    language: str
    url: str = Field(description="Current address of the procedure page.")
    stable_url: str = Field(description="Address that keeps working when the page moves.")
    request_url: str | None = Field(description="Where the citizen makes the request, if online.")
    last_published_at: datetime | None


class DocumentToPrepareOut(Schema):
    name: str
    details: str


class ProcedureDetailOut(ProcedureOut):
    eligibility_html: str
    documents_to_prepare: list[DocumentToPrepareOut]
    processing_time: str
    counter_place: str
    counter_hours: str


class FaqEntryOut(Schema):
    section: str
    question: str
    answer_html: str
    answer_text: str
    url: str = Field(description="The section of the FAQ page where the question is.")


class PageOut(Schema):
    count: int = Field(description="Number of results on every page together.")
    page: int
    page_size: int
    next: str | None
    previous: str | None


class CollectivityList(PageOut):
    results: list[CollectivityOut]


class ProcedureList(PageOut):
    results: list[ProcedureOut]


class RubricList(PageOut):
    results: list[RubricOut]


class FaqEntryList(PageOut):
    results: list[FaqEntryOut]
