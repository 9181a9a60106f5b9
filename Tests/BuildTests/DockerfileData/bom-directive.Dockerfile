# escape=`
FROM python:3.12
RUN echo a `
  b
