"""template.yaml: cfn-lint passes (with the serverless rules, run as the docs write the command),
and what no linter checks holds: streaming is really on, the Lambda Web Adapter (1.1, layer 30) is
wired with its SnapStart hooks, SnapStart serves the URL through an alias, CORS lives in exactly
one layer and exposes Retry-After as the app does, permissions are scoped to the one parameter
and the three tables, the tables have TTL (and point-in-time recovery where the data is worth
it), logs expire, the HTTP API logs and throttles, the alarms watch the metrics the app emits and
notify one topic, the concurrency cap and the limits are wired to their parameters, every
variable the template sets is a setting the app reads, and SAM builds each function with the
Makefile. And the booking events: the bookings table's stream, one pipe with a role that reads
only that stream and puts only on that bus, the rule, the showrooms' topic that only the rule may
publish to, the optional sales-desk address, and a dead-letter queue an alarm watches (what the
pipes put on the bus is tested in test_booking_events.py)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.middleware.cors import CORSMiddleware

from supercar.app import create_app
from supercar.config import Settings
from tests.aws import load_infra

ROOT = Path(__file__).resolve().parent.parent
# The Lambda Web Adapter's variables (the layer reads them, not the app).
LWA_ENV = {
    "AWS_LAMBDA_EXEC_WRAPPER",
    "AWS_LWA_PORT",
    "AWS_LWA_INVOKE_MODE",
    "AWS_LWA_READINESS_CHECK_PATH",
    "AWS_LWA_SNAPSTART_BEFORE_CHECKPOINT_PATH",
    "AWS_LWA_SNAPSTART_AFTER_RESTORE_PATH",
}
# Read by aws-lambda-powertools: the metrics' namespace and the `service` dimension and log key.
POWERTOOLS_ENV = {"POWERTOOLS_METRICS_NAMESPACE", "POWERTOOLS_SERVICE_NAME"}
# TurnFailed codes: failures on our side (counted), Groq's (a rate), the store's (its own
# metric, StoreUnavailable), and what a client did (no page).
OUR_CODES = {"timeout", "internal_error"}
UPSTREAM_CODES = {
    "upstream_auth",
    "model_unavailable",
    "upstream_unavailable",
    "upstream_error",
    "rate_limited",
}
CLIENT_CODES = {"query_too_long", "session_conflict"}


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


def documented_cfn_lint_commands() -> set[str]:
    """Every `cfn-lint ...` command the README, the docs and requirements-dev write out."""
    sources = [ROOT / "README.md", ROOT / "requirements-dev.txt", *(ROOT / "docs").glob("*.md")]
    return {
        " ".join(command.split())  # a command wrapped over two lines is still one command
        for source in sources
        for command in re.findall(r"`(cfn-lint\s[^`]+)`", source.read_text())
    }


def test_cfn_lint_passes_run_as_the_docs_write_it() -> None:
    cfn_lint = Path(sys.executable).parent / "cfn-lint"
    if not cfn_lint.exists():
        pytest.skip("cfn-lint is not installed in this environment (it is in requirements-dev)")
    pytest.importorskip("cfn_lint_serverless", reason="cfn-lint-serverless is in requirements-dev")
    commands = documented_cfn_lint_commands()
    assert any("cfn_lint_serverless" in command for command in commands), commands
    for command in commands:
        # Offline, no credentials needed; SAM's resources are checked with the Globals merged.
        _, *args = shlex.split(command)
        result = subprocess.run(
            [str(cfn_lint), *args], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"


def test_sam_validate_lint_passes() -> None:
    # SAM CLI is not a dependency (it is large); point SAM_CLI at one, or have `sam` on PATH.
    sam = os.environ.get("SAM_CLI") or shutil.which("sam")
    if not sam:
        pytest.skip("SAM CLI is not installed (pip install aws-sam-cli in a venv of its own)")
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0", "AWS_DEFAULT_REGION": "eu-west-1"}
    result = subprocess.run(
        [sam, "validate", "--lint", "--template", "template.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
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
    # Adapter 1.x reads the AWS_LWA_-prefixed names (the unprefixed ones are deprecated); run.sh
    # starts uvicorn on the same port.
    assert env["AWS_LWA_PORT"] == "8000" and "PORT" not in env
    assert '"${AWS_LWA_PORT:-$PORT}"' in (ROOT / "run.sh").read_text()
    url = fn["FunctionUrlConfig"]
    assert url["InvokeMode"] == "RESPONSE_STREAM" and url["AuthType"] == "NONE"
    # The layer: AWS's account, version 30 (adapter 1.1.0, the first with SnapStart hooks), the
    # architecture picking x86 or arm.
    (layer,) = fn["Layers"]
    condition, arm, x86 = layer["Fn::If"]
    assert template["Conditions"][condition] == {"Fn::Equals": [{"Ref": "Architecture"}, "arm64"]}
    prefix = re.escape("arn:${AWS::Partition}:lambda:${AWS::Region}:753240598075:layer:")
    assert re.fullmatch(prefix + r"LambdaAdapterLayerArm64:30", arm["Fn::Sub"])
    assert re.fullmatch(prefix + r"LambdaAdapterLayerX86:30", x86["Fn::Sub"])
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
    from_env: Any = ""  # the raw string the environment gives; the field parses it
    assert Settings(_env_file=None, cors_origins=from_env).cors_origins == []  # type: ignore[call-arg]


def test_the_deployed_page_can_read_retry_after_as_it_can_locally(
    template: dict[str, Any],
) -> None:
    # A browser shows a cross-origin response header to the page only if CORS exposes it; a
    # 429, 409 or 503 says when to ask again in Retry-After.
    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]
    (cors,) = [m for m in app.user_middleware if m.cls is CORSMiddleware]
    expose_headers: list[str] = cors.kwargs["expose_headers"]  # type: ignore[assignment]
    exposed = {header.lower() for header in expose_headers}
    assert "retry-after" in exposed
    url = function(template, "StreamFunction")["FunctionUrlConfig"]["Cors"]
    api = template["Resources"]["BufferedApi"]["Properties"]["CorsConfiguration"]
    for deployed in (url, api):
        assert {header.lower() for header in deployed["ExposeHeaders"]} == exposed


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
    assert set(tables) == {"SessionsTable", "BookingsTable", "LimitsTable"}
    for table in tables.values():
        props = table["Properties"]
        assert props["BillingMode"] == "PAY_PER_REQUEST"
        assert props["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    for name in ("SessionsTable", "BookingsTable"):
        props = tables[name]["Properties"]
        assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert tables["BookingsTable"]["DeletionPolicy"] == "Retain"


def test_the_limits_table_holds_expiring_counters_under_one_string_key(
    template: dict[str, Any],
) -> None:
    table = template["Resources"]["LimitsTable"]
    props = table["Properties"]
    assert props["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert props["AttributeDefinitions"] == [{"AttributeName": "pk", "AttributeType": "S"}]
    # Counters that expire within a day: nothing to recover, nothing to keep.
    assert "PointInTimeRecoverySpecification" not in props and "DeletionPolicy" not in table
    assert template["Globals"]["Function"]["Environment"]["Variables"]["LIMITS_TABLE"] == {
        "Ref": "LimitsTable"
    }
    # The tests' tables and infra/local_tables.py create it from this definition.
    definitions = load_infra("local_tables").table_definitions(template)
    assert definitions["LimitsTable"]["ttl"] == "expires_at"


def test_permissions_are_scoped_to_the_parameter_and_the_tables(
    template: dict[str, Any],
) -> None:
    for name in ("StreamFunction", "BufferedFunction"):
        assert function(template, name)["Policies"] == [{"Ref": "AppAccessPolicy"}]
    (policy,) = resources(template, "AWS::IAM::ManagedPolicy").values()
    listed = policy["Properties"]["PolicyDocument"]["Statement"]
    # The staff token's statement exists only when its parameter is set (see its own test).
    (staff,) = [s["Fn::If"] for s in listed if "Fn::If" in s]
    statements = {s["Sid"]: s for s in listed if "Sid" in s}
    assert set(statements) == {"ReadGroqKey", "Sessions", "Bookings", "Limits"}
    assert all(s["Effect"] == "Allow" for s in statements.values())
    key = statements["ReadGroqKey"]
    assert key["Action"] == "ssm:GetParameter"
    assert key["Resource"]["Fn::Sub"].endswith(":parameter${GroqApiKeyParameterName}")
    assert statements["Sessions"]["Resource"] == {"Fn::GetAtt": ["SessionsTable", "Arn"]}
    assert statements["Bookings"]["Resource"] == {"Fn::GetAtt": ["BookingsTable", "Arn"]}
    # Exactly the calls the stores make, nothing broader.
    assert sorted(statements["Sessions"]["Action"]) == ["dynamodb:GetItem", "dynamodb:UpdateItem"]
    assert sorted(statements["Bookings"]["Action"]) == [
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
    ]
    # The limiter's one conditional UpdateItem per limit (ADD, returning the new count).
    assert statements["Limits"]["Action"] == "dynamodb:UpdateItem"
    assert statements["Limits"]["Resource"] == {"Fn::GetAtt": ["LimitsTable", "Arn"]}
    assert "*" not in json.dumps(policy)  # no wildcard action or resource anywhere
    # The parameter name starts with "/", which the ARN above relies on.
    assert template["Parameters"]["GroqApiKeyParameterName"]["Default"].startswith("/")
    assert staff[0] == "HasStaffToken" and staff[2] == {"Ref": "AWS::NoValue"}


def test_the_stores_call_only_what_the_policy_allows() -> None:
    source = (ROOT / "supercar" / "store" / "dynamodb.py").read_text()
    calls = set(re.findall(r"self\.client\.(\w+)", source))
    # A transaction is authorised item by item: the bookings' hold `Put`s (PutItem) and
    # `Update`s (UpdateItem), which the policy allows on the bookings table.
    assert calls == {"get_item", "update_item", "query", "transact_write_items"}
    assert set(re.findall(r'\{"(\w+)": self\._', source)) == {"Put", "Update"}
    assert not re.search(r'"(Delete|ConditionCheck)": \{', source)


def test_every_variable_the_template_sets_is_a_setting_the_app_reads(
    template: dict[str, Any],
) -> None:
    # Settings ignore unknown variables, so a misspelt name would silently do nothing.
    fields = {name.upper() for name in Settings.model_fields}
    for name in ("StreamFunction", "BufferedFunction"):
        env = function(template, name)["Environment"]["Variables"]
        assert set(env) - LWA_ENV - POWERTOOLS_ENV <= fields
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


def test_snapstart_runs_on_published_versions_and_the_url_serves_the_alias(
    template: dict[str, Any],
) -> None:
    fn = function(template, "StreamFunction")
    # SnapStart applies to published versions only; with AutoPublishAlias SAM publishes one per
    # deploy, points the alias at it and attaches FunctionUrlConfig (the URL and its public
    # permission) to the alias, so every request reaches a snapshotted version.
    assert fn["AutoPublishAlias"] == "live" and "FunctionUrlConfig" in fn
    assert fn["SnapStart"] == {"ApplyOn": {"Fn::If": ["UseSnapStart", "PublishedVersions", "None"]}}
    assert template["Conditions"]["UseSnapStart"] == {
        "Fn::Equals": [{"Ref": "SnapStart"}, "Enabled"]
    }
    parameter = template["Parameters"]["SnapStart"]
    assert parameter["Default"] == "Enabled"
    assert set(parameter["AllowedValues"]) == {"Enabled", "Disabled"}
    # The buffered function stays on $LATEST: sam local invokes it, and nothing waits on it.
    buffered = function(template, "BufferedFunction")
    assert "SnapStart" not in buffered and "AutoPublishAlias" not in buffered


def test_the_snapstart_hooks_are_internal_paths_of_their_own(template: dict[str, Any]) -> None:
    env = function(template, "StreamFunction")["Environment"]["Variables"]
    hooks = {
        env["AWS_LWA_SNAPSTART_BEFORE_CHECKPOINT_PATH"],
        env["AWS_LWA_SNAPSTART_AFTER_RESTORE_PATH"],
    }
    # The routes the app serves for the adapter's POSTs (the adapter answers 403 to anyone
    # requesting them through the URL).
    assert hooks == {
        "/internal/snapstart/before-checkpoint",
        "/internal/snapstart/after-restore",
    }
    assert env["AWS_LWA_READINESS_CHECK_PATH"] not in hooks


def test_each_function_logs_to_a_group_that_expires(template: dict[str, Any]) -> None:
    groups = resources(template, "AWS::Logs::LogGroup")
    named = {g["Properties"].get("LogGroupName", {}).get("Fn::Sub"): g for g in groups.values()}
    for name in ("StreamFunction", "BufferedFunction"):
        # The group Lambda writes to, made by the stack with retention (Lambda's own keeps logs
        # forever).
        group = named[f"/aws/lambda/${{{name}}}"]
        assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
    assert groups["BufferedApiAccessLogs"]["Properties"]["RetentionInDays"] == {
        "Ref": "LogRetentionDays"
    }
    assert len(groups) == 3
    parameter = template["Parameters"]["LogRetentionDays"]
    cloudwatch_values = {1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731}
    cloudwatch_values |= {1096, 1827, 2192, 2557, 2922, 3288, 3653}
    assert set(parameter["AllowedValues"]) <= cloudwatch_values
    assert parameter["Default"] in parameter["AllowedValues"]


def test_the_http_api_logs_each_request_as_json_and_throttles(template: dict[str, Any]) -> None:
    api = template["Resources"]["BufferedApi"]["Properties"]
    access = api["AccessLogSettings"]
    assert access["DestinationArn"] == {"Fn::GetAtt": ["BufferedApiAccessLogs", "Arn"]}
    record = json.loads(access["Format"])  # one JSON object per request
    assert {"requestId", "ip", "routeKey", "status", "integrationLatency"} <= set(record)
    assert all(value.startswith("$context.") for value in record.values())
    # Nothing a customer typed: no request body, headers or query string.
    assert not re.search(r"\$input|\$request|header|querystring", access["Format"], re.I)
    routes = api["DefaultRouteSettings"]
    assert routes["ThrottlingRateLimit"] > 0
    assert routes["ThrottlingBurstLimit"] >= routes["ThrottlingRateLimit"]


def alarms(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: v["Properties"] for k, v in resources(template, "AWS::CloudWatch::Alarm").items()}


def turn_failed_codes(alarm: dict[str, Any], env: dict[str, Any]) -> set[str]:
    """The `code`s of the TurnFailed queries of a metric-math alarm, each checked to be what
    Powertools publishes: the template's namespace, `service`, the code, summed per 5 min."""
    codes = set()
    for query in alarm["Metrics"]:
        if "MetricStat" not in query or query["MetricStat"]["Metric"]["MetricName"] != "TurnFailed":
            continue
        assert query["ReturnData"] is False
        stat = query["MetricStat"]
        metric = stat["Metric"]
        assert metric["Namespace"] == env["POWERTOOLS_METRICS_NAMESPACE"]
        dimensions = {d["Name"]: d["Value"] for d in metric["Dimensions"]}
        assert dimensions.pop("service") == env["POWERTOOLS_SERVICE_NAME"]
        codes.add(dimensions.pop("code"))
        assert not dimensions and stat["Stat"] == "Sum" and stat["Period"] == 300
    return codes


def test_the_failed_turns_alarm_sums_the_codes_that_fail_on_our_side(
    template: dict[str, Any],
) -> None:
    alarm = alarms(template)["FailedTurnsAlarm"]
    env = template["Globals"]["Function"]["Environment"]["Variables"]
    (expression,) = [m for m in alarm["Metrics"] if "Expression" in m]
    queries = {m["Id"] for m in alarm["Metrics"] if "MetricStat" in m}
    assert expression.get("ReturnData", True)
    ids = re.fullmatch(r"SUM\(\[(.*)\]\)", expression["Expression"])
    assert ids and {i.strip() for i in ids.group(1).split(",")} == queries
    assert turn_failed_codes(alarm, env) == OUR_CODES
    assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    assert alarm["TreatMissingData"] == "notBreaching"


def test_the_upstream_alarm_is_a_rate_of_groq_failures_over_turns(
    template: dict[str, Any],
) -> None:
    alarm = alarms(template)["UpstreamErrorRateAlarm"]
    env = template["Globals"]["Function"]["Environment"]["Variables"]
    by_id = {m["Id"]: m for m in alarm["Metrics"]}
    (returned,) = [m for m in alarm["Metrics"] if m.get("ReturnData", True)]
    # The share of turns Groq failed, once at least three failed (a blip on a quiet day is not
    # a page, a broken key is).
    assert returned["Expression"] == "IF(failed >= 3, 100 * failed / turns, 0)"
    summed = re.fullmatch(r"SUM\(\[(.*)\]\)", by_id["failed"]["Expression"])
    assert summed and {i.strip() for i in summed.group(1).split(",")} == {
        m["Id"] for m in alarm["Metrics"] if m["Id"] not in ("rate", "failed", "turns")
    }
    assert turn_failed_codes(alarm, env) == UPSTREAM_CODES
    turns = by_id["turns"]["MetricStat"]
    assert turns["Metric"]["MetricName"] == "Turns" and turns["Stat"] == "Sum"
    assert turns["Metric"]["Dimensions"] == [
        {"Name": "service", "Value": env["POWERTOOLS_SERVICE_NAME"]}
    ]
    assert 0 < alarm["Threshold"] <= 50
    assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    assert alarm["TreatMissingData"] == "notBreaching"


def test_the_store_alarm_fires_on_the_first_unavailability_in_five_minutes(
    template: dict[str, Any],
) -> None:
    alarm = alarms(template)["StoreUnavailableAlarm"]
    env = template["Globals"]["Function"]["Environment"]["Variables"]
    assert alarm["Namespace"] == env["POWERTOOLS_METRICS_NAMESPACE"]
    assert alarm["MetricName"] == "StoreUnavailable"
    assert alarm["Dimensions"] == [{"Name": "service", "Value": env["POWERTOOLS_SERVICE_NAME"]}]
    assert alarm["Statistic"] == "Sum" and alarm["Period"] == 300
    assert alarm["Threshold"] == 1 and alarm["EvaluationPeriods"] == 1
    assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"


def test_every_failure_code_is_watched_by_an_alarm_or_is_a_client_s_doing() -> None:
    from supercar.events import ErrorCode

    # store_unavailable is watched through its own metric, StoreUnavailable.
    watched = OUR_CODES | UPSTREAM_CODES | {"store_unavailable"}
    assert {code.value for code in ErrorCode} == watched | CLIENT_CODES
    assert not watched & CLIENT_CODES


def test_the_alarms_watch_only_metrics_the_app_emits(template: dict[str, Any]) -> None:
    source = "\n".join(p.read_text() for p in (ROOT / "supercar").rglob("*.py"))
    emitted = set(re.findall(r'(?:count|add_metric)\(\s*"(\w+)"', source))
    watched = set()
    for alarm in alarms(template).values():
        if alarm.get("Namespace", "SuperCar") in ("AWS/Lambda", "AWS/SQS"):
            continue  # AWS's own metrics (the functions', the booking events' dead letters)
        for query in alarm.get("Metrics", [{"MetricStat": {"Metric": alarm}}]):
            if "MetricStat" in query:
                watched.add(query["MetricStat"]["Metric"]["MetricName"])
    assert watched == {"TurnFailed", "Turns", "BudgetExhausted", "StoreUnavailable"}
    assert watched <= emitted


def test_each_function_has_error_and_throttle_alarms(template: dict[str, Any]) -> None:
    watched = set()
    for alarm in alarms(template).values():
        if alarm.get("Namespace") != "AWS/Lambda":
            continue
        (dimension,) = alarm["Dimensions"]
        assert dimension["Name"] == "FunctionName"
        watched.add((dimension["Value"]["Ref"], alarm["MetricName"]))
        assert alarm["Statistic"] == "Sum" and alarm["Threshold"] == 1
        assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    assert watched == {
        (name, metric)
        for name in ("StreamFunction", "BufferedFunction")
        for metric in ("Errors", "Throttles")
    }


def test_the_budget_alarm_fires_on_the_first_refused_turn(template: dict[str, Any]) -> None:
    alarm = alarms(template)["BudgetExhaustedAlarm"]
    env = template["Globals"]["Function"]["Environment"]["Variables"]
    assert alarm["Namespace"] == env["POWERTOOLS_METRICS_NAMESPACE"]
    assert alarm["MetricName"] == "BudgetExhausted"
    assert alarm["Dimensions"] == [{"Name": "service", "Value": env["POWERTOOLS_SERVICE_NAME"]}]
    assert alarm["Statistic"] == "Sum" and alarm["Threshold"] == 1
    assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"


def test_every_alarm_notifies_the_topic_and_the_email_is_optional(
    template: dict[str, Any],
) -> None:
    found = alarms(template)
    assert len(found) == 9
    assert all(alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}] for alarm in found.values())
    subscription = template["Resources"]["AlarmEmailSubscription"]
    assert subscription["Condition"] == "HasAlarmEmail"
    assert subscription["Properties"]["Endpoint"] == {"Ref": "AlarmEmail"}
    assert subscription["Properties"]["TopicArn"] == {"Ref": "AlarmTopic"}
    assert template["Conditions"]["HasAlarmEmail"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "AlarmEmail"}, ""]}]
    }
    parameter = template["Parameters"]["AlarmEmail"]
    assert parameter["Default"] == ""
    email = re.compile(parameter["AllowedPattern"])
    assert email.fullmatch("") and email.fullmatch("ops@example.com")
    assert not email.fullmatch("ops example.com")


@pytest.mark.parametrize(
    ("parameter", "variable", "default"),
    [
        ("RateLimitPerMinute", "RATE_LIMIT_PER_MINUTE", 30),
        ("SessionRateLimitPerMinute", "SESSION_RATE_LIMIT_PER_MINUTE", 10),
        ("DailyTurnBudget", "DAILY_TURN_BUDGET", 2000),
        ("MaxBookingsPerSession", "MAX_BOOKINGS_PER_SESSION", 2),
        ("MaxBookingsPerClientPerDay", "MAX_BOOKINGS_PER_CLIENT_PER_DAY", 5),
        ("MaxChangesPerSessionPerDay", "MAX_CHANGES_PER_SESSION_PER_DAY", 3),
        ("GroqKeyMaxAgeSeconds", "GROQ_KEY_MAX_AGE_SECONDS", 300),
    ],
)
def test_the_limit_parameters_reach_both_functions(
    template: dict[str, Any], parameter: str, variable: str, default: int
) -> None:
    declared = template["Parameters"][parameter]
    assert declared["Type"] == "Number" and declared["Default"] == default
    assert declared["MinValue"] >= 0
    for name in ("StreamFunction", "BufferedFunction"):
        assert function(template, name)["Environment"]["Variables"][variable] == {"Ref": parameter}


def test_sam_builds_each_function_with_the_makefile(template: dict[str, Any]) -> None:
    makefile = (ROOT / "Makefile").read_text()
    for name, resource in resources(template, "AWS::Serverless::Function").items():
        # SAM runs `make build-<Function>` from the repository's Makefile (ContextPath), in a
        # copy of the staged CodeUri.
        assert resource["Metadata"]["BuildMethod"] == "makefile"
        assert resource["Metadata"]["ContextPath"] == "."
        assert re.search(rf"^(build-\S+ )*build-{name}\b.*:", makefile, re.M)


# --- the staff list ---------------------------------------------------------------------------


def test_the_staff_token_parameter_is_off_by_default_and_readable_only_when_set(
    template: dict[str, Any],
) -> None:
    parameter = template["Parameters"]["StaffTokenParameterName"]
    # Empty by default: no STAFF_TOKEN_PARAM, so the app mounts no staff routes at all.
    assert parameter["Default"] == ""
    pattern = re.compile(parameter["AllowedPattern"])
    assert pattern.fullmatch("") and pattern.fullmatch("/supercar/staff-token")
    assert not pattern.fullmatch("supercar/staff-token")  # the ARN below needs the "/"
    assert template["Conditions"]["HasStaffToken"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "StaffTokenParameterName"}, ""]}]
    }
    for name in ("StreamFunction", "BufferedFunction"):
        env = function(template, name)["Environment"]["Variables"]
        assert env["STAFF_TOKEN_PARAM"] == {"Ref": "StaffTokenParameterName"}
        assert "STAFF_TOKEN" not in env  # a secret never sits in the template
    (policy,) = resources(template, "AWS::IAM::ManagedPolicy").values()
    (conditional,) = [
        s for s in policy["Properties"]["PolicyDocument"]["Statement"] if "Fn::If" in s
    ]
    condition, statement, otherwise = conditional["Fn::If"]
    assert condition == "HasStaffToken" and otherwise == {"Ref": "AWS::NoValue"}
    assert statement["Action"] == "ssm:GetParameter"
    assert statement["Resource"]["Fn::Sub"].endswith(":parameter${StaffTokenParameterName}")


# --- the booking events -----------------------------------------------------------------------


def pipes(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: v["Properties"] for k, v in resources(template, "AWS::Pipes::Pipe").items()}


def test_the_bookings_table_streams_each_item_before_and_after(template: dict[str, Any]) -> None:
    props = template["Resources"]["BookingsTable"]["Properties"]
    # Old images too: a change is told when the event it names differs from the one before.
    assert props["StreamSpecification"] == {"StreamViewType": "NEW_AND_OLD_IMAGES"}
    definitions = load_infra("local_tables").table_definitions(template)
    assert definitions["BookingsTable"]["StreamSpecification"]["StreamEnabled"] is True
    for name in ("SessionsTable", "LimitsTable"):  # nothing reads them
        assert "StreamSpecification" not in template["Resources"][name]["Properties"]


def test_one_pipe_reads_the_stream_from_its_start_and_names_each_event_by_the_record(
    template: dict[str, Any],
) -> None:
    # One reader of the stream: DynamoDB Streams advise at most two per shard.
    (pipe,) = pipes(template).values()
    assert pipe["Source"] == {"Fn::GetAtt": ["BookingsTable", "StreamArn"]}
    assert pipe["Target"] == {"Fn::GetAtt": ["BookingEventsBus", "Arn"]}
    assert pipe["RoleArn"] == {"Fn::GetAtt": ["BookingEventsPipeRole", "Arn"]}
    bus = pipe["TargetParameters"]["EventBridgeEventBusParameters"]
    # The kind is the `event` the stores write on the slot (a dynamic path parameter).
    assert bus == {"Source": "supercar.lex", "DetailType": "$.dynamodb.NewImage.event.S"}
    reading = pipe["SourceParameters"]["DynamoDBStreamParameters"]
    # Nothing written before the pipe ran is skipped, and a record that cannot be delivered
    # after its retries is reported to the queue rather than retried for a day.
    assert reading["StartingPosition"] == "TRIM_HORIZON"
    assert reading["DeadLetterConfig"] == {
        "Arn": {"Fn::GetAtt": ["BookingEventsDeadLetterQueue", "Arn"]}
    }
    assert 0 < reading["MaximumRetryAttempts"] <= 185
    filters = pipe["SourceParameters"]["FilterCriteria"]["Filters"]
    assert 1 <= len(filters) <= 5  # the most a pipe takes
    for each in filters:
        pattern = json.loads(each["Pattern"])
        # Only slot items carry a confirmation code; REMOVEs (TTL) are never events.
        assert pattern["dynamodb"]["NewImage"]["confirmation_id"] == {"S": [{"exists": True}]}
        assert set(pattern["eventName"]) <= {"INSERT", "MODIFY"}
        # Pipes do not support anything-but with prefix, suffix or wildcard.
        assert not re.search(r'"anything-but":\s*\{', each["Pattern"])
    detail = pipe["TargetParameters"]["InputTemplate"]
    assert "session" not in detail  # no conversation in any event
    assert len(detail) <= 8192 and all(len(f["Pattern"]) <= 4096 for f in filters)


def test_the_pipes_role_reads_that_stream_and_puts_on_that_bus_only(
    template: dict[str, Any],
) -> None:
    role = template["Resources"]["BookingEventsPipeRole"]["Properties"]
    (trust,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert trust["Principal"] == {"Service": "pipes.amazonaws.com"}
    assert trust["Condition"] == {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}
    (policy,) = role["Policies"]
    statements = {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"]}
    assert statements["ReadBookingsStream"]["Resource"] == {
        "Fn::GetAtt": ["BookingsTable", "StreamArn"]
    }
    assert sorted(statements["ReadBookingsStream"]["Action"]) == [
        "dynamodb:DescribeStream",
        "dynamodb:GetRecords",
        "dynamodb:GetShardIterator",
        "dynamodb:ListStreams",
    ]
    assert statements["PutBookingEvents"]["Action"] == "events:PutEvents"
    assert statements["PutBookingEvents"]["Resource"] == {"Fn::GetAtt": ["BookingEventsBus", "Arn"]}
    assert statements["ReportUndelivered"]["Action"] == "sqs:SendMessage"
    assert len(statements) == 3
    assert all(s["Effect"] == "Allow" for s in statements.values())
    assert "*" not in json.dumps(role)


def test_a_rule_sends_every_kind_to_the_topic_only_it_may_publish_to(
    template: dict[str, Any],
) -> None:
    (rule_name, rule) = next(iter(resources(template, "AWS::Events::Rule").items()))
    props = rule["Properties"]
    assert props["EventBusName"] == {"Ref": "BookingEventsBus"}
    # The kinds the pipe's filter lets through (its detail-type is the record's `event`).
    (pipe,) = pipes(template).values()
    kinds = {
        kind
        for each in pipe["SourceParameters"]["FilterCriteria"]["Filters"]
        for kind in json.loads(each["Pattern"])["dynamodb"]["NewImage"]["event"]["S"]
    }
    assert props["EventPattern"]["source"] == ["supercar.lex"]
    assert sorted(props["EventPattern"]["detail-type"]) == sorted(kinds)
    assert len(kinds) == 3
    (target,) = props["Targets"]
    assert target["Arn"] == {"Ref": "BookingEventsTopic"}
    # The whole event, so a subscription can filter on detail.dealership_id.
    assert not {"Input", "InputPath", "InputTransformer"} & set(target)
    assert target["DeadLetterConfig"] == {
        "Arn": {"Fn::GetAtt": ["BookingEventsDeadLetterQueue", "Arn"]}
    }
    from_rule = {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": [rule_name, "Arn"]}}}
    (topic_policy,) = resources(template, "AWS::SNS::TopicPolicy").values()
    (publish,) = topic_policy["Properties"]["PolicyDocument"]["Statement"]
    assert publish["Principal"] == {"Service": "events.amazonaws.com"}
    assert publish["Action"] == "sns:Publish" and publish["Condition"] == from_rule
    (queue_policy,) = resources(template, "AWS::SQS::QueuePolicy").values()
    (send,) = queue_policy["Properties"]["PolicyDocument"]["Statement"]
    assert send["Action"] == "sqs:SendMessage" and send["Condition"] == from_rule


def test_the_sales_desk_address_is_optional(template: dict[str, Any]) -> None:
    subscription = template["Resources"]["SalesDeskSubscription"]
    assert subscription["Condition"] == "HasSalesDeskEmail"
    assert subscription["Properties"] == {
        "TopicArn": {"Ref": "BookingEventsTopic"},
        "Protocol": "email",
        "Endpoint": {"Ref": "SalesDeskEmail"},
    }
    parameter = template["Parameters"]["SalesDeskEmail"]
    assert parameter["Default"] == ""
    assert re.fullmatch(parameter["AllowedPattern"], "sales@supercar.example")


def test_an_undelivered_event_sets_off_an_alarm(template: dict[str, Any]) -> None:
    queue = template["Resources"]["BookingEventsDeadLetterQueue"]["Properties"]
    assert queue["MessageRetentionPeriod"] == 14 * 86400 and queue["SqsManagedSseEnabled"]
    alarm = alarms(template)["BookingEventsUndeliveredAlarm"]
    assert alarm["Namespace"] == "AWS/SQS"
    assert alarm["MetricName"] == "ApproximateNumberOfMessagesVisible"
    assert alarm["Dimensions"] == [
        {
            "Name": "QueueName",
            "Value": {"Fn::GetAtt": ["BookingEventsDeadLetterQueue", "QueueName"]},
        }
    ]
    assert alarm["Threshold"] == 1 and alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def test_the_outputs_name_the_bus_and_the_topic(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    assert outputs["BookingEventsBusName"]["Value"] == {"Ref": "BookingEventsBus"}
    assert outputs["BookingEventsBusArn"]["Value"] == {"Fn::GetAtt": ["BookingEventsBus", "Arn"]}
    assert outputs["BookingEventsTopicArn"]["Value"] == {"Ref": "BookingEventsTopic"}
