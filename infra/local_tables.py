#!/usr/bin/env python3
"""Create the app's DynamoDB tables, exactly as template.yaml defines them, on another endpoint.

    python infra/local_tables.py [--endpoint http://localhost:8001]

For `sam local start-api` against DynamoDB Local (`docker run -p 8001:8000
amazon/dynamodb-local`); the table names are the ones infra/env.sam-local.json configures. The
tests create their moto tables with `table_definitions` too, so the key schema the stores use is
the key schema the template deploys.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"
SAM_LOCAL_ENV = ROOT / "infra" / "env.sam-local.json"
# Logical id in the template -> the setting that names the table.
TABLES = {
    "SessionsTable": "SESSIONS_TABLE",
    "BookingsTable": "BOOKINGS_TABLE",
    "LimitsTable": "LIMITS_TABLE",
}


class CfnLoader(yaml.SafeLoader):
    """YAML loader that turns CloudFormation short tags (!Ref, !Sub...) into their long form."""


def _cfn_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {"Ref" if suffix == "Ref" else f"Fn::{suffix}": value}


CfnLoader.add_multi_constructor("!", _cfn_tag)


def load_template(path: Path = TEMPLATE) -> dict[str, Any]:
    template: dict[str, Any] = yaml.load(path.read_text(), Loader=CfnLoader)
    return template


def table_definitions(template: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """CreateTable arguments (without TableName) per logical id, and the TTL attribute."""
    resources = (template or load_template())["Resources"]
    out = {}
    for logical_id in TABLES:
        props = resources[logical_id]["Properties"]
        out[logical_id] = {
            "AttributeDefinitions": props["AttributeDefinitions"],
            "KeySchema": props["KeySchema"],
            "BillingMode": props["BillingMode"],
            "ttl": props["TimeToLiveSpecification"]["AttributeName"],
        }
        if "StreamSpecification" in props:  # the bookings table's stream, the events' outbox
            out[logical_id]["StreamSpecification"] = {
                "StreamEnabled": True,
                "StreamViewType": props["StreamSpecification"]["StreamViewType"],
            }
    return out


def create_tables(client: Any, names: dict[str, str]) -> None:
    """Create the tables named (logical id -> table name) with their TTL; existing ones are kept."""
    existing = set(client.list_tables()["TableNames"])
    specs = table_definitions()
    for logical_id, name in names.items():
        spec = specs[logical_id]
        if name in existing:
            continue
        args = {k: v for k, v in spec.items() if k != "ttl"}
        client.create_table(TableName=name, **args)
        client.get_waiter("table_exists").wait(TableName=name)
        client.update_time_to_live(
            TableName=name,
            TimeToLiveSpecification={"Enabled": True, "AttributeName": spec["ttl"]},
        )


def main() -> None:
    import boto3

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", default="http://localhost:8001")
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    env = next(iter(json.loads(SAM_LOCAL_ENV.read_text()).values()))
    names = {logical_id: env[setting] for logical_id, setting in TABLES.items()}
    client = boto3.client("dynamodb", endpoint_url=args.endpoint, region_name=args.region)
    create_tables(client, names)
    print("tables ready:", ", ".join(names.values()))


if __name__ == "__main__":
    main()
