"""Server-rendered SVG charts (no JavaScript): grouped bars, stacked bars and sparklines.

Every chart is an `<svg role="img">` with a `<title>` and an aria-label; the page shows the
same numbers in a table beside it. Data marks carry the class `mark` (tests count them). All
text passes through `escape`, so a label can never inject markup. Colours come in pairs with
patterns of position and legend text, so no chart relies on colour alone."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

KLEUREN = ["#1f5f8b", "#e0802b", "#5b9c4a", "#b23b3b", "#7a5aa6", "#7d7d7d"]


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _kort(label: str, n: int = 14) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def _schaal(maximum: float) -> float:
    return maximum if maximum > 0 else 1


def staven(
    titel: str,
    labels: list[str],
    reeksen: list[tuple[str, list[float]]],
    *,
    breedte: int = 720,
    hoogte: int = 220,
    gestapeld: bool = False,
    label_elke: int = 1,
) -> SafeString:
    """Grouped (or stacked) vertical bars: one group per label, one bar per reeks."""
    links, onder, boven, rechts = 40, 38, 24, 10
    plot_b, plot_h = breedte - links - rechts, hoogte - onder - boven
    n = max(1, len(labels))
    if gestapeld:
        maximum = max((sum(r[1][i] or 0 for r in reeksen) for i in range(len(labels))), default=0)
    else:
        maximum = max((v or 0 for _, vals in reeksen for v in vals), default=0)
    maximum = _schaal(maximum)
    groep = plot_b / n
    staaf = groep * 0.8 / (1 if gestapeld else max(1, len(reeksen)))
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" '
        f'aria-label="{escape(titel)}" viewBox="0 0 {breedte} {hoogte}" '
        f'width="100%" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(titel)}</title>",
        f'<line x1="{links}" y1="{boven + plot_h}" x2="{breedte - rechts}" '
        f'y2="{boven + plot_h}" stroke="#444" stroke-width="1"/>',
        f'<text x="{links - 4}" y="{boven + 4}" text-anchor="end" font-size="10">{_fmt(maximum)}</text>',
        f'<text x="{links - 4}" y="{boven + plot_h}" text-anchor="end" font-size="10">0</text>',
    ]
    for i, label in enumerate(labels):
        x0 = links + i * groep + groep * 0.1
        basis = 0.0
        for j, (naam, waarden) in enumerate(reeksen):
            v = waarden[i] or 0
            h = plot_h * v / maximum
            if gestapeld:
                x, y = x0, boven + plot_h - basis - h
                basis += h
            else:
                x, y = x0 + j * staaf, boven + plot_h - h
            if v:
                delen.append(
                    f'<rect class="mark" x="{x:.1f}" y="{y:.1f}" width="{max(staaf - 1, 1):.1f}" '
                    f'height="{h:.1f}" fill="{KLEUREN[j % len(KLEUREN)]}">'
                    f"<title>{escape(label)}: {escape(naam)} {_fmt(v)}</title></rect>"
                )
        if i % label_elke == 0:
            delen.append(
                f'<text x="{x0 + groep * 0.4:.1f}" y="{boven + plot_h + 14}" font-size="10" '
                f'text-anchor="middle">{escape(_kort(label))}</text>'
            )
    # legend: colour square plus the name in text
    x = links
    for j, (naam, _) in enumerate(reeksen):
        delen.append(
            f'<rect x="{x}" y="{hoogte - 14}" width="10" height="10" '
            f'fill="{KLEUREN[j % len(KLEUREN)]}"/>'
            f'<text x="{x + 14}" y="{hoogte - 5}" font-size="11">{escape(naam)}</text>'
        )
        x += 24 + 7 * len(naam)
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text part is escaped above


def liggende_staven(
    titel: str, rijen: list[tuple[str, float]], *, breedte: int = 420
) -> SafeString:
    """Horizontal bars, one per row (e.g. contacts per kanaal), with the value as text."""
    rij_h, links = 22, 130
    hoogte = max(1, len(rijen)) * rij_h + 10
    maximum = _schaal(max((v or 0 for _, v in rijen), default=0))
    plot_b = breedte - links - 50
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" '
        f'aria-label="{escape(titel)}" viewBox="0 0 {breedte} {hoogte}" width="100%">',
        f"<title>{escape(titel)}</title>",
    ]
    for i, (label, v) in enumerate(rijen):
        y = 5 + i * rij_h
        w = plot_b * (v or 0) / maximum
        delen.append(
            f'<text x="{links - 6}" y="{y + 14}" text-anchor="end" font-size="11">{escape(label)}</text>'
        )
        if v:
            delen.append(
                f'<rect class="mark" x="{links}" y="{y + 3}" width="{w:.1f}" height="{rij_h - 6}" '
                f'fill="{KLEUREN[0]}"><title>{escape(label)}: {_fmt(v)}</title></rect>'
            )
        delen.append(
            f'<text x="{links + w + 4:.1f}" y="{y + 14}" font-size="11">{_fmt(v or 0)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text part is escaped above


def sparkline(titel: str, waarden: list[float | None], *, breedte=120, hoogte=32) -> SafeString:
    """A small line over the trend periods; a dot on every period with a value."""
    punten = [(i, v) for i, v in enumerate(waarden) if v is not None]
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" role="img" '
        f'aria-label="{escape(titel)}" viewBox="0 0 {breedte} {hoogte}" '
        f'width="{breedte}" height="{hoogte}">',
        f"<title>{escape(titel)}</title>",
    ]
    if punten:
        lo = min(v for _, v in punten)
        hi = max(v for _, v in punten)
        span = (hi - lo) or 1
        stap = (breedte - 8) / max(1, len(waarden) - 1)

        def xy(i, v):
            return 4 + i * stap, hoogte - 4 - (hoogte - 8) * ((v - lo) / span if hi != lo else 0.5)

        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, v in punten))
        delen.append(
            f'<polyline class="mark" points="{coords}" fill="none" stroke="{KLEUREN[0]}" '
            f'stroke-width="2"/>'
        )
        for i, v in punten:
            x, y = xy(i, v)
            delen.append(f'<circle class="mark" cx="{x:.1f}" cy="{y:.1f}" r="2.2" fill="{KLEUREN[0]}"/>')  # fmt: skip
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text part is escaped above


def grafieken(d) -> dict[str, SafeString]:
    """The dashboard's charts from a `selectors.Dashboard`."""
    from rapportage.selectors import LEEFTIJDEN

    weken = d.weken
    elke = max(1, len(weken) // 13)
    g = {
        "instroom_uitstroom": staven(
            "Instroom en uitstroom per week",
            [w["label"][-3:] if len(weken) > 20 else w["label"] for w in weken],
            [
                ("Instroom", [w["instroom"] for w in weken]),
                ("Uitstroom", [w["uitstroom"] for w in weken]),
            ],
            label_elke=elke,
        ),
        "kanalen": liggende_staven(
            "Contacten per kanaal", [(k["label"], k["contacten"]) for k in d.kanalen]
        ),
        "onderhanden": staven(
            "Onderhanden werk per team naar leeftijd",
            [o["team"] for o in d.onderhanden],
            [
                (naam, [o["buckets"][i] for o in d.onderhanden])
                for i, (naam, _, _) in enumerate(LEEFTIJDEN)
            ],
            gestapeld=True,
            hoogte=260,
        ),
    }
    for kpi in d.kpis:
        if kpi.trend:
            kpi.sparkline = sparkline(
                f"Verloop {kpi.naam} over {len(kpi.trend)} periodes", [w for _, w in kpi.trend]
            )
    return g
