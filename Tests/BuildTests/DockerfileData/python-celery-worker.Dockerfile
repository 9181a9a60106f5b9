FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential libpq-dev \
 && rm -rf /var/lib/apt/lists/*
RUN useradd -m worker
COPY --chown=worker:worker requirements.txt /home/worker/
RUN pip install --user -r /home/worker/requirements.txt
USER worker
WORKDIR /home/worker/app
COPY --chown=worker:worker . .
ENTRYPOINT ["celery"]
CMD ["-A", "tasks", "worker", "--loglevel=info"]
