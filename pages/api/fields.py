"""Serializers of the related objects that page models expose in Wagtail's API v2 (`api_fields`).

Plain DRF serializers, importing no model, so that `pages.models` can use them.
"""

from rest_framework import serializers


class RubricSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class CollectivitySerializer(serializers.Serializer):
    """The collectivity that owns a page: a commune or an intercommunality."""

    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
