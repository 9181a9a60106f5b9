FROM busybox
ENV GREETING="héllo wörld" KOREAN=한국어
LABEL emoji="🚀"
RUN echo ünïcödé
