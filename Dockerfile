# The Support Desk bot as a container: python app.py on port 3978, as a non-root user.
#
#   docker build -t supportdesk .
#   docker run -p 3978:3978 --env-file .env supportdesk
#
# The bot only listens on 0.0.0.0 (HOST) with authentication on: without MicrosoftAppId it binds
# 127.0.0.1 by design and nothing outside the container reaches it. So a container needs
# MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId, and, for more
# than one replica, DATABASE_URL=postgresql+asyncpg://... (docs/deployment.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOST=0.0.0.0 \
    PORT=3978

WORKDIR /app

# Dependencies first, read from pyproject.toml: this layer is rebuilt only when they change.
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The bot's packages (pyproject's [tool.setuptools.packages.find]) and its entry point.
COPY app.py ./
COPY bot/ bot/
COPY dialogs/ dialogs/
COPY cards/ cards/
COPY services/ services/
RUN pip install --no-deps . \
    && useradd --create-home --uid 10001 --user-group supportdesk \
    && mkdir -p /app/var \
    && chown supportdesk:supportdesk /app/var

# SQLite (the default DATABASE_URL) writes under /app/var; mount a volume there to keep it.
VOLUME ["/app/var"]
USER supportdesk

EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3978'), timeout=4)"]

CMD ["python", "app.py"]
