ARG BASE=python
ARG TAG=3.12
FROM ${BASE}:${TAG} AS base
ARG APP_HOME=/opt/app APP_USER
ARG DEBUG
ENV APP_HOME=${APP_HOME} \
    DEBUG=${DEBUG:-0}
WORKDIR $APP_HOME
EXPOSE 8080/tcp 9090/udp
VOLUME ["/data", "/logs"]
VOLUME /cache /tmp/x
CMD ["python", "-m", "http.server", "8080"]
