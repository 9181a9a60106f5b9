FROM busybox
COPY --chown='a b' --from="x\"y" src dst
RUN --mount=type=secret,id="tok en" cat /run/secrets/tok
