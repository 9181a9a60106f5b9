# escape=`
FROM mcr.microsoft.com/windows/servercore
RUN dir c:\ `
   /s
COPY C:\src C:\dest
ENV PATH=C:\bin;C:\python
