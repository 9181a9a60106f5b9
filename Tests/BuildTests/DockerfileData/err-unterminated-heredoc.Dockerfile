FROM busybox
RUN cat <<EOF
no end
