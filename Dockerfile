FROM python:3.12-slim
WORKDIR /app
COPY requirements/lock.txt requirements/lock.txt
COPY pyproject.toml README.md ./
COPY src src
RUN pip install --no-cache-dir -c requirements/lock.txt . && useradd --system storedesk
USER storedesk
ENV STOREDESK_DATA_DIR=/tmp/storedesk
EXPOSE 8000
CMD ["storedesk", "serve", "--host", "0.0.0.0", "--port", "8000"]
