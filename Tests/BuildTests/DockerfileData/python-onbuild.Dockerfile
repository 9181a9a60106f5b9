FROM python:3.8 AS parent
ONBUILD COPY requirements.txt /app/
ONBUILD RUN pip install -r /app/requirements.txt
ONBUILD ADD . /app
onbuild run echo lower
FROM parent
CMD python /app/main.py
