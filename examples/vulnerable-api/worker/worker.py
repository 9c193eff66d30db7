"""Nightly export worker: pulls orders and uploads a CSV to S3 and to the accounting partner."""
import logging
import os

import boto3
import requests

log = logging.getLogger("export")

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIA4DEMOAUDITREADY7",
    aws_secret_access_key="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",
)
ACCOUNTING_TOKEN = os.environ["ACCOUNTING_TOKEN"]


def upload(rows):
    payload = {"rows": rows}
    log.debug("uploading %d rows with token %s", len(rows), ACCOUNTING_TOKEN)
    resp = requests.post(
        "https://books.accounting-partner.io/api/import",
        json=payload,
        headers={"Authorization": f"Bearer {ACCOUNTING_TOKEN}"},
        verify=False,
    )
    log.info("upload finished: status=%s bytes=%d", resp.status_code, len(resp.content))
    return resp


def fetch_rates():
    return requests.get("https://rates.fx-partner.io/latest", timeout=5, verify=True).json()
