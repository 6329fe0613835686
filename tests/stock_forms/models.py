"""A stock `wagtail.contrib.forms` form page: the benchmarks' point of comparison."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField


class StockFormField(AbstractFormField):
    page = ParentalKey("StockFormPage", on_delete=models.CASCADE, related_name="form_fields")


class StockFormPage(AbstractEmailForm):
    template = "stock_forms/stock_form_page.html"
    landing_page_template = "stock_forms/stock_form_page_landing.html"
