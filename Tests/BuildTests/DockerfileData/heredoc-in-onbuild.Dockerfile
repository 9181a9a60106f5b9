FROM busybox
ONBUILD RUN <<EOF
echo onbuild heredoc
EOF
CMD x
