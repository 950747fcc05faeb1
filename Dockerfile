# The image behind every service in docker-compose.yml (web, worker, beat).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=shop.settings.production

# WeasyPrint's system libraries and the fonts the invoices and demo images use.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY shop ./shop
COPY vendors ./vendors
COPY payments ./payments
COPY logistics ./logistics
COPY templates ./templates
COPY manage.py ./
RUN pip install --no-cache-dir . \
    && SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

RUN useradd --create-home encadena && mkdir -p /app/var && chown encadena /app/var
USER encadena
EXPOSE 8000
CMD ["gunicorn", "--config", "python:shop.gunicorn", "shop.wsgi"]
