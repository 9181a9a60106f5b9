FROM busybox
RUN echo one \
# a comment in the middle
    two \
  # indented comment
    three
