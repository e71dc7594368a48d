# Production image for Zaakstroom: web (gunicorn), Celery worker and beat share it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
        fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 zaakstroom

WORKDIR /app
# Dependencies first (the project itself is not packaged; see pyproject.toml).
COPY pyproject.toml README.md ./
RUN pip install .

# The code runs from /app. Set after the install: the `pip` app would shadow pip itself.
ENV PYTHONPATH=/app
COPY config ./config
COPY core ./core
COPY organisatie ./organisatie
COPY zaken ./zaken
COPY processen ./processen
COPY klantregie ./klantregie
COPY pip ./pip
COPY api ./api
COPY rapportage ./rapportage
COPY templates ./templates
COPY static ./static
COPY manage.py ./
RUN SECRET_KEY=build-only-secret-key-not-used-at-runtime-0123456789 python manage.py collectstatic --noinput \
 && mkdir -p /data/private && chown -R zaakstroom /data /app/var

USER zaakstroom
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "4", "--threads", "4", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
