FROM python:3.12
RUN echo one \
  two
CMD ["python"]
