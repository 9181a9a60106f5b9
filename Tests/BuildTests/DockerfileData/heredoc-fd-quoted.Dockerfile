FROM busybox
RUN 3<<EOF cat /dev/fd/3
fd three
EOF
RUN cat <<'RAW'
$HOME stays
RAW
RUN cat <<e"o"f
mixed
eof
