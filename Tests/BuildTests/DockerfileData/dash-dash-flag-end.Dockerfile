FROM busybox
COPY --link -- --from=x /y
RUN -- echo hi
