"""PDF rendering with WeasyPrint that never fetches what a user typed.

Letters and reports contain user-supplied text (a zaak's omschrijving, a note, a template
edited in the admin). Django's autoescaping keeps that text out of the markup, and the
`url_fetcher` below is the second wall: WeasyPrint may only read the project's own static
files, by the `zs-static:` scheme (`zs-static:css/brief.css`). Every other URL (http, https,
file, data, relative paths) is refused, so an `<img src="http://...">` or `file:///etc/passwd`
that slips into a document causes no request and no file read.
"""

from __future__ import annotations

import functools
import logging
import mimetypes
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

STATIC_SCHEME = "zs-static:"


class BlockedFetch(ValueError):
    """Raised for every URL outside the project's own static files."""


def _static_dirs() -> list[Path]:
    return [Path(d).resolve() for d in settings.STATICFILES_DIRS]


def safe_url_fetcher(url: str, *args, **kwargs) -> dict:
    """WeasyPrint url_fetcher: only `zs-static:<path>` inside STATICFILES_DIRS."""
    if url.startswith(STATIC_SCHEME):
        relative = url[len(STATIC_SCHEME) :].lstrip("/")
        for base in _static_dirs():
            candidate = (base / relative).resolve()
            if candidate.is_relative_to(base) and candidate.is_file():
                mime, _ = mimetypes.guess_type(candidate.name)
                return {
                    "string": candidate.read_bytes(),
                    "mime_type": mime or "application/octet-stream",
                    "filename": candidate.name,
                }
    logger.info("PDF rendering refused to fetch %r", url[:200])
    raise BlockedFetch(f"Fetching {url[:80]!r} is not allowed while rendering a PDF.")


@functools.cache
def _fetcher_class():
    """WeasyPrint (70+) wants a `URLFetcher` whose `fetch` returns a `URLFetcherResponse`; this
    one never opens a connection or a file outside the static directories."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeURLFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=(), fail_on_errors=False)

        def fetch(self, url, headers=None):
            bestand = safe_url_fetcher(url)
            return URLFetcherResponse(
                url, bestand["string"], headers={"Content-Type": bestand["mime_type"]}
            )

    return SafeURLFetcher


def gemeente_gegevens() -> dict:
    """The municipality's name, contact data and logo (a `zs-static:` URL) for the header of a
    letter or report, from settings."""
    return {
        "naam": settings.GEMEENTE_NAAM,
        "adres": settings.GEMEENTE_ADRES,
        "telefoon": settings.GEMEENTE_TELEFOON,
        "email": settings.GEMEENTE_EMAIL,
        "website": settings.GEMEENTE_WEBSITE,
        "logo_url": f"{STATIC_SCHEME}{settings.GEMEENTE_LOGO}" if settings.GEMEENTE_LOGO else "",
    }


def render_pdf(html: str) -> bytes:
    """Render an HTML string to PDF bytes. Relative URLs resolve to nothing (no base_url)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=None, url_fetcher=_fetcher_class()()).write_pdf()


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF (for tests and checks), via pypdf."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)
