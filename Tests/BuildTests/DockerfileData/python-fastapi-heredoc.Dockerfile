# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /srv
COPY <<EOF /srv/start.sh
#!/bin/sh
exec uvicorn app.main:app --host 0.0.0.0 --port ${PORT:-8000}
EOF
RUN <<-'SETUP' bash
	set -eux
	pip install fastapi uvicorn
	chmod +x /srv/start.sh
	SETUP
CMD ["/srv/start.sh"]
