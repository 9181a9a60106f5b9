FROM busybox
RUN ["cat", "<<EOF"]
CMD cat <<EOF
