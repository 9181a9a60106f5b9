FROM continuumio/miniconda3:latest
COPY environment.yml /tmp/
RUN conda env create -f /tmp/environment.yml
SHELL ["conda", "run", "-n", "app", "/bin/bash", "-c"]
COPY . /app
WORKDIR /app
ENTRYPOINT ["conda", "run", "--no-capture-output", "-n", "app", "python", "serve.py"]
