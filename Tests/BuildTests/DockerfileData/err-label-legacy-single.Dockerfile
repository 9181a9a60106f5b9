FROM busybox
LABEL onlykey
