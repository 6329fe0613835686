from django.apps import AppConfig


class StockFormsConfig(AppConfig):
    name = "tests.stock_forms"
    label = "stock_forms"
