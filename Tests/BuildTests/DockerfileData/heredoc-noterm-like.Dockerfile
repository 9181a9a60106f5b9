FROM busybox
RUN cat <<EOF
  EOF
EOF not alone
EOF
RUN echo after
