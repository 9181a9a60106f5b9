FROM busybox
HEALTHCHECK NONE
HEALTHCHECK CMD ["curl", "-f", "http://x"]
HEALTHCHECK --interval=5s --start-period=1m CMD wget -q localhost
healthcheck cmd echo lower
