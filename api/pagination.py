"""ZGW pagination (`count`, `next`, `previous`, `results`) that never counts a million rows.

A page is read with one row extra to know whether there is a next page. `count` is exact when
the whole result fits on the first page (no extra query) or when it is at most `COUNT_CAP`
(a bounded count: ``SELECT COUNT(*) FROM (... LIMIT COUNT_CAP + 1)``); above that it is
PostgreSQL's planner estimate (``EXPLAIN``), never less than ``COUNT_CAP + 1``. See ADR 0030."""

from __future__ import annotations

import json

from django.db import connections
from rest_framework import exceptions
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

PAGE_SIZE = 100
COUNT_CAP = 10_000


def bounded_count(queryset, cap: int = COUNT_CAP) -> int:
    """Exact up to `cap`; above it an estimate from the PostgreSQL planner."""
    exact = queryset.order_by()[: cap + 1].count()
    if exact <= cap:
        return exact
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return queryset.count()
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    estimate = int(plan[0]["Plan"]["Plan Rows"])
    return max(estimate, cap + 1)


def page_number(request) -> int:
    raw = request.query_params.get("page")
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 0
    if number < 1 or number > 1_000_000:
        raise exceptions.ValidationError(
            {
                "page": [
                    exceptions.ErrorDetail("Geef een paginanummer van 1 of hoger.", code="invalid")
                ]
            }
        )
    return number


class ZgwPagination(BasePagination):
    page_size = PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.number = page_number(request)
        offset = (self.number - 1) * self.page_size
        rows = list(queryset[offset : offset + self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if self.number == 1 and not self.has_next:
            self.count = len(rows)
        else:
            self.count = bounded_count(queryset)
        return rows

    def _url(self, number: int | None) -> str | None:
        if number is None:
            return None
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, "page")
        return replace_query_param(url, "page", number)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count,
                "next": self._url(self.number + 1 if self.has_next else None),
                "previous": self._url(self.number - 1 if self.number > 1 else None),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": "Een pagina binnen de gepagineerde set resultaten.",
                "schema": {"type": "integer", "minimum": 1},
            }
        ]
