"""core.pdf: WeasyPrint renders with a fetcher that only reads the project's own static files."""

import http.server
import threading

import pytest

from core.pdf import BlockedFetch, pdf_text, render_pdf, safe_url_fetcher


@pytest.fixture
def http_server():
    """A local web server in a thread that records every request it gets."""
    verzoeken = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            verzoeken.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", verzoeken
    server.shutdown()
    server.server_close()


@pytest.fixture
def geheim(tmp_path):
    pad = tmp_path / "geheim.css"
    pad.write_text('body::after { content: "GEHEIME-INHOUD-42"; }')
    tekst = tmp_path / "geheim.txt"
    tekst.write_text("GEHEIME-INHOUD-42")
    return pad, tekst


def test_static_files_are_served_by_the_project_scheme():
    bestand = safe_url_fetcher("zs-static:brieven/logo.svg")
    assert bestand["mime_type"] == "image/svg+xml"
    assert b"<svg" in bestand["string"]


@pytest.mark.parametrize(
    "url",
    [
        "zs-static:../config/settings/base.py",
        "zs-static:/etc/passwd",
        "zs-static:brieven/bestaat-niet.svg",
        "http://127.0.0.1:1/x.png",
        "https://example.org/x.png",
        "file:///etc/passwd",
        "data:text/plain,hallo",
        "brieven/logo.svg",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(BlockedFetch):
        safe_url_fetcher(url)


def test_render_and_extract_text():
    pdf = render_pdf(
        '<html lang="nl"><body><img src="zs-static:brieven/logo.svg" alt="">'
        "<p>Beslissing op uw aanvraag: verleend. Één, twee, drieëntwintig.</p></body></html>"
    )
    assert pdf.startswith(b"%PDF-")
    tekst = pdf_text(pdf)
    assert "Beslissing op uw aanvraag: verleend." in tekst
    assert "drieëntwintig" in tekst


def test_html_that_names_urls_and_files_causes_no_fetch(http_server, geheim):
    basis, verzoeken = http_server
    css, tekst = geheim
    html = (
        "<html><head>"
        f'<link rel="stylesheet" href="file://{css}">'
        f'<link rel="stylesheet" href="{basis}/stijl.css">'
        f"<style>@import url('{basis}/import.css'); body {{ background: url('{basis}/bg.png'); }}</style>"
        "</head><body>"
        f'<img src="{basis}/pixel.png"><img src="file://{tekst}">'
        f'<object data="file://{tekst}"></object><iframe src="file://{tekst}"></iframe>'
        "<p>Alleen deze tekst.</p></body></html>"
    )
    pdf = render_pdf(html)
    assert verzoeken == []
    assert "GEHEIME-INHOUD-42" not in pdf_text(pdf)
    assert b"GEHEIME-INHOUD-42" not in pdf
    assert "Alleen deze tekst." in pdf_text(pdf)
