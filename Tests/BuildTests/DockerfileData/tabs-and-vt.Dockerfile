FROM	busybox
RUN	echo	"tab"
EXPOSE	80		81
ENV	K	V
