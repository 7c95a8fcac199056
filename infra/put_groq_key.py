#!/usr/bin/env python3
"""Store the Groq API key in SSM Parameter Store as a SecureString (CloudFormation cannot).

    python infra/put_groq_key.py [--name /supercar/groq-api-key] [--region eu-west-1]

The key is read from the terminal without echo (or from stdin when piped, e.g. from a password
manager), never from the command line, so it stays out of shell history and the process list.
It is encrypted with the AWS managed key `aws/ssm`, which the function's role can use through
SSM without any KMS permission (see template.yaml). Re-running overwrites the value (rotation);
running sandboxes pick it up within the app's cache time, new ones at once.
"""

from __future__ import annotations

import argparse
import getpass
import sys

DEFAULT_NAME = "/supercar/groq-api-key"


def read_key() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Groq API key (input hidden): ")
    return sys.stdin.readline()


def put_key(name: str, key: str, region: str | None = None) -> int:
    """Store `key` under `name`; return the parameter's new version."""
    import boto3

    key = key.strip()
    if not key:
        raise ValueError("the key is empty")
    ssm = boto3.client("ssm", region_name=region)
    response = ssm.put_parameter(
        Name=name,
        Value=key,
        Type="SecureString",
        Overwrite=True,
        Description="Groq API key for SuperCar Assistant",
    )
    return int(response["Version"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", default=DEFAULT_NAME, help=f"parameter name ({DEFAULT_NAME})")
    parser.add_argument("--region", help="AWS region (default: your AWS configuration's)")
    args = parser.parse_args(argv)
    try:
        version = put_key(args.name, read_key(), args.region)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"stored {args.name} as a SecureString (version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
