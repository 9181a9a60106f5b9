# syntax=docker/dockerfile:1.7
ARG PYTHON_VERSION=3.11
FROM python:${PYTHON_VERSION}-slim AS builder
ENV PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY pyproject.toml poetry.lock ./
RUN pip install poetry && \
    poetry export -f requirements.txt -o requirements.txt && \
    pip wheel -r requirements.txt -w /wheels

FROM python:${PYTHON_VERSION}-slim AS runtime
COPY --from=builder /wheels /wheels
RUN pip install /wheels/*.whl && rm -rf /wheels
COPY --chown=1000:1000 src/ /app/src/
USER 1000
ENV PYTHONPATH=/app/src:$PYTHONPATH
CMD python -m myservice
