FROM busybox
ENV A=trailing\\backslash\\
ENV B=next
RUN echo \\
RUN echo done
