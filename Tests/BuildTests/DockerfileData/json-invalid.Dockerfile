FROM busybox
CMD ['single', 'quotes']
RUN ["unterminated"
ENTRYPOINT ["a"] trailing
COPY ["a", b] /x
RUN [ "x", ]
CMD ["tab	inside"]
