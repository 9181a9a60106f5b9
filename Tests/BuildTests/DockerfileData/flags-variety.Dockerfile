FROM --platform=$BUILDPLATFORM busybox AS b
COPY --from=b --chown="1000:1000" --chmod=0755 --link a /b
COPY -- --weird /dest
ADD --checksum=sha256:abc https://example.com/x.tgz /x
RUN --network=none --security=sandbox echo hi
COPY --exclude=*.pyc --exclude=__pycache__ . /app
COPY '--from=b' x y
