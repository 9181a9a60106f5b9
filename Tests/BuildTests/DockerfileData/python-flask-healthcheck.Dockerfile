FROM python:3.9-alpine
RUN apk add --no-cache curl
WORKDIR /app
COPY . .
RUN pip install flask
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
  CMD curl -f http://localhost:5000/health || exit 1
STOPSIGNAL SIGTERM
LABEL maintainer="ops@example.com" version="1.0" description="flask \
 service"
CMD ["flask", "run", "--host=0.0.0.0"]
