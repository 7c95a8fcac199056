"""template.yaml: cfn-lint passes, and what no linter checks holds: streaming is really on, the
Lambda Web Adapter is wired, CORS lives in exactly one layer, permissions are scoped to the one
parameter and the two tables, the tables have TTL and point-in-time recovery, the concurrency
cap is wired to its parameter, and every variable the template sets is a setting the app reads."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supercar.config import Settings
from tests.aws import load_infra

ROOT = Path(__file__).resolve().parent.parent
LWA_ENV = {"AWS_LAMBDA_EXEC_WRAPPER", "AWS_LWA_INVOKE_MODE", "AWS_LWA_READINESS_CHECK_PATH", "PORT"}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    loaded: dict[str, Any] = load_infra("local_tables").load_template(ROOT / "template.yaml")
    return loaded


def resources(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == kind}


def function(template: dict[str, Any], name: str) -> dict[str, Any]:
    """A function's properties with the Globals merged in, as SAM does."""
    props: dict[str, Any] = dict(template["Resources"][name]["Properties"])
    globals_ = template["Globals"]["Function"]
    env = {
        **globals_["Environment"]["Variables"],
        **props.get("Environment", {}).get("Variables", {}),
    }
    return {**globals_, **props, "Environment": {"Variables": env}}


def test_cfn_lint_passes() -> None:
    cfn_lint = Path(sys.executable).parent / "cfn-lint"
    if not cfn_lint.exists():
        pytest.skip("cfn-lint is not installed in this environment (it is in requirements-dev)")
    # Offline, no credentials needed; it applies the SAM transform before linting.
    result = subprocess.run(
        [str(cfn_lint), "template.yaml"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_stream_function_runs_under_the_web_adapter_and_streams(
    template: dict[str, Any],
) -> None:
    fn = function(template, "StreamFunction")
    assert fn["Handler"] == "run.sh" and fn["Runtime"] == "python3.13"
    env = fn["Environment"]["Variables"]
    assert env["AWS_LAMBDA_EXEC_WRAPPER"] == "/opt/bootstrap"
    assert env["AWS_LWA_INVOKE_MODE"] == "response_stream"
    assert env["AWS_LWA_READINESS_CHECK_PATH"] == "/health"
    assert env["PORT"] == "8000"
    url = fn["FunctionUrlConfig"]
    assert url["InvokeMode"] == "RESPONSE_STREAM" and url["AuthType"] == "NONE"
    # The layer: AWS's account, a pinned numeric version, the architecture picking x86 or arm.
    (layer,) = fn["Layers"]
    condition, arm, x86 = layer["Fn::If"]
    assert template["Conditions"][condition] == {"Fn::Equals": [{"Ref": "Architecture"}, "arm64"]}
    prefix = re.escape("arn:${AWS::Partition}:lambda:${AWS::Region}:753240598075:layer:")
    assert re.fullmatch(prefix + r"LambdaAdapterLayerArm64:\d+", arm["Fn::Sub"])
    assert re.fullmatch(prefix + r"LambdaAdapterLayerX86:\d+", x86["Fn::Sub"])
    assert fn["Architectures"] == [{"Ref": "Architecture"}]
    assert set(template["Parameters"]["Architecture"]["AllowedValues"]) == {"x86_64", "arm64"}


def test_the_buffered_function_is_mangum_behind_an_http_api(template: dict[str, Any]) -> None:
    fn = function(template, "BufferedFunction")
    assert fn["Handler"] == "handler.handler"
    assert "Layers" not in fn and not LWA_ENV & set(fn["Environment"]["Variables"])
    (event,) = fn["Events"].values()
    assert event["Type"] == "HttpApi" and event["Properties"]["ApiId"] == {"Ref": "BufferedApi"}


def test_cors_is_configured_in_exactly_one_layer(template: dict[str, Any]) -> None:
    origins = {"Ref": "AllowedOrigins"}
    stream = function(template, "StreamFunction")
    assert stream["FunctionUrlConfig"]["Cors"]["AllowOrigins"] == origins
    api = template["Resources"]["BufferedApi"]["Properties"]
    assert api["CorsConfiguration"]["AllowOrigins"] == origins
    for name in ("StreamFunction", "BufferedFunction"):
        # Empty: the app adds no CORS middleware (a second Access-Control-Allow-Origin header
        # makes browsers refuse the response).
        assert function(template, name)["Environment"]["Variables"]["CORS_ORIGINS"] == ""
    assert Settings(_env_file=None, cors_origins="").cors_origins == []  # type: ignore[call-arg]


def test_timeouts_bound_a_turn(template: dict[str, Any]) -> None:
    for name, ceiling in (("StreamFunction", 900), ("BufferedFunction", 30)):
        fn = function(template, name)
        turn = float(fn["Environment"]["Variables"]["TURN_TIMEOUT_SECONDS"])
        # The app ends the turn (with an apology) before Lambda, or API Gateway, cuts it off.
        assert turn + 5 <= fn["Timeout"] < ceiling


def test_reserved_concurrency_is_wired_to_its_parameter(template: dict[str, Any]) -> None:
    cap = {"Fn::If": ["CapConcurrency", {"Ref": "ReservedConcurrency"}, {"Ref": "AWS::NoValue"}]}
    for name in ("StreamFunction", "BufferedFunction"):
        assert function(template, name)["ReservedConcurrentExecutions"] == cap
    assert template["Conditions"]["CapConcurrency"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "ReservedConcurrency"}, 0]}]
    }
    assert template["Parameters"]["ReservedConcurrency"]["Type"] == "Number"


def test_the_tables_are_on_demand_with_ttl_and_point_in_time_recovery(
    template: dict[str, Any],
) -> None:
    tables = resources(template, "AWS::DynamoDB::Table")
    assert set(tables) == {"SessionsTable", "BookingsTable"}
    for table in tables.values():
        props = table["Properties"]
        assert props["BillingMode"] == "PAY_PER_REQUEST"
        assert props["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
        assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert tables["BookingsTable"]["DeletionPolicy"] == "Retain"


def test_permissions_are_scoped_to_the_parameter_and_the_tables(
    template: dict[str, Any],
) -> None:
    for name in ("StreamFunction", "BufferedFunction"):
        assert function(template, name)["Policies"] == [{"Ref": "AppAccessPolicy"}]
    (policy,) = resources(template, "AWS::IAM::ManagedPolicy").values()
    statements = {s["Sid"]: s for s in policy["Properties"]["PolicyDocument"]["Statement"]}
    assert set(statements) == {"ReadGroqKey", "Sessions", "Bookings"}
    assert all(s["Effect"] == "Allow" for s in statements.values())
    key = statements["ReadGroqKey"]
    assert key["Action"] == "ssm:GetParameter"
    assert key["Resource"]["Fn::Sub"].endswith(":parameter${GroqApiKeyParameterName}")
    assert statements["Sessions"]["Resource"] == {"Fn::GetAtt": ["SessionsTable", "Arn"]}
    assert statements["Bookings"]["Resource"] == {"Fn::GetAtt": ["BookingsTable", "Arn"]}
    # Exactly the calls the stores make, nothing broader.
    assert sorted(statements["Sessions"]["Action"]) == ["dynamodb:GetItem", "dynamodb:UpdateItem"]
    assert sorted(statements["Bookings"]["Action"]) == ["dynamodb:PutItem", "dynamodb:Query"]
    assert "*" not in json.dumps(policy)  # no wildcard action or resource anywhere
    # The parameter name starts with "/", which the ARN above relies on.
    assert template["Parameters"]["GroqApiKeyParameterName"]["Default"].startswith("/")


def test_the_stores_call_only_what_the_policy_allows() -> None:
    source = (ROOT / "supercar" / "store" / "dynamodb.py").read_text()
    calls = set(re.findall(r"self\.client\.(\w+)", source))
    # A transaction is authorised item by item: the booking cap's holds two `Put`s (PutItem).
    assert calls == {"get_item", "update_item", "put_item", "query", "transact_write_items"}
    assert not re.search(r'"(Update|Delete|ConditionCheck)": \{', source)


def test_every_variable_the_template_sets_is_a_setting_the_app_reads(
    template: dict[str, Any],
) -> None:
    # Settings ignore unknown variables, so a misspelt name would silently do nothing.
    fields = {name.upper() for name in Settings.model_fields}
    for name in ("StreamFunction", "BufferedFunction"):
        env = function(template, name)["Environment"]["Variables"]
        assert set(env) - LWA_ENV - {"AWS_LAMBDA_EXEC_WRAPPER"} <= fields
    # And `sam local` only overrides variables the template declares.
    sam_local = json.loads((ROOT / "infra" / "env.sam-local.json").read_text())
    for name, overrides in sam_local.items():
        assert set(overrides) <= set(function(template, name)["Environment"]["Variables"])


def test_the_output_is_the_function_url(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    assert outputs["FunctionUrl"]["Value"] == {"Fn::GetAtt": ["StreamFunctionUrl", "FunctionUrl"]}


def test_the_package_is_the_staged_copy(template: dict[str, Any]) -> None:
    # SAM has no ignore file: CodeUri is what `make lambda-src` stages (see test_lambda_entry).
    assert template["Globals"]["Function"]["CodeUri"] == "build/lambda/"
    assert "LAMBDA_SRC ?= build/lambda" in (ROOT / "Makefile").read_text()


def test_samconfig_matches_the_template(template: dict[str, Any]) -> None:
    import tomllib

    config = tomllib.loads((ROOT / "infra" / "samconfig.toml").read_text())["default"]
    overrides = config["deploy"]["parameters"]["parameter_overrides"]
    assert {item.split("=", 1)[0] for item in overrides} == set(template["Parameters"])
    for command in ("local_start_api", "local_invoke"):
        assert (ROOT / config[command]["parameters"]["env_vars"]).is_file()
    assert config["deploy"]["parameters"]["capabilities"] == "CAPABILITY_IAM"
