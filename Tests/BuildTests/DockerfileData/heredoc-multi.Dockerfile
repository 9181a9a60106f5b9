FROM busybox
RUN <<A cat <<-"B" > /out
first
A
	second
	B
COPY <<one <<two /dest/
1
one
2
two
