FROM busybox
FRM busybox
RUNN echo
