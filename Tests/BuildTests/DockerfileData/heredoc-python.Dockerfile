FROM python:3.12
RUN <<EOF python3
import sys
print(sys.version)
EOF
COPY --chmod=755 <<-EOT /usr/local/bin/entry
	#!/bin/sh
	exec python -m app "$@"
	EOT
ENTRYPOINT ["entry"]
