FROM busybox
WORKDIR /path with spaces
USER app:app
MAINTAINER Jane Doe <jane@example.com>
STOPSIGNAL SIGKILL
EXPOSE 80 443
