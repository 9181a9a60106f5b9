FROM busybox
ENV A=1 B="two words" C='single' D=\"esc\"
ENV LEGACY value with   spaces
ENV E= F=""
LABEL "com.example.vendor"="ACME" multi.label="a\
 b"
ENV G=x\ y H=$A
