FROM busybox
CMD []
ENTRYPOINT [ "a" , "b c" ]
RUN ["echo", "\u00e9\t\"q\""]
SHELL ["/bin/bash", "-c"]
VOLUME []
