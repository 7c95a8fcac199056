"""template.yaml: cfn-lint passes (with the serverless rules, run as the docs write the command),
and what no linter checks holds: streaming is really on, the Lambda Web Adapter (1.1, layer 30) is
wired with its SnapStart hooks, SnapStart serves the URL through an alias, CORS lives in exactly
one layer and exposes Retry-After as the app does, permissions are scoped to the one parameter
and the three tables, the tables have TTL (and point-in-time recovery where the data is worth
it), logs expire, the HTTP API logs and throttles, the alarms watch the metrics the app emits and
notify one topic, the concurrency cap and the limits are wired to their parameters, every
variable the template sets is a setting the app reads, and SAM builds each function with the
Makefile."""

from __future__ import annotations

import json
import re
import shlex
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
# TurnFailed codes someone must act on, and those that are what a client or Groq's quota did.
ACTIONABLE_CODES = {
    "upstream_auth",
    "model_unavailable",
    "upstream_unavailable",
    "upstream_error",
    "timeout",
    "internal_error",
}
CLIENT_CODES = {"rate_limited", "query_too_long", "session_conflict"}


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
    statements = {s["Sid"]: s for s in policy["Properties"]["PolicyDocument"]["Statement"]}
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


def test_the_failed_turns_alarm_sums_the_codes_that_need_action(
    template: dict[str, Any],
) -> None:
    alarm = alarms(template)["FailedTurnsAlarm"]
    (expression,) = [m for m in alarm["Metrics"] if "Expression" in m]
    queries = {m["Id"]: m["MetricStat"] for m in alarm["Metrics"] if "MetricStat" in m}
    assert expression.get("ReturnData", True)
    assert all(m.get("ReturnData") is False for m in alarm["Metrics"] if "MetricStat" in m)
    ids = re.fullmatch(r"SUM\(\[(.*)\]\)", expression["Expression"])
    assert ids and {i.strip() for i in ids.group(1).split(",")} == set(queries)
    env = template["Globals"]["Function"]["Environment"]["Variables"]
    codes = set()
    for stat in queries.values():
        metric = stat["Metric"]
        # What Powertools publishes: the template's namespace, `service`, and the turn's code.
        assert metric["Namespace"] == env["POWERTOOLS_METRICS_NAMESPACE"]
        assert metric["MetricName"] == "TurnFailed"
        dimensions = {d["Name"]: d["Value"] for d in metric["Dimensions"]}
        assert dimensions.pop("service") == env["POWERTOOLS_SERVICE_NAME"]
        codes.add(dimensions.pop("code"))
        assert not dimensions and stat["Stat"] == "Sum" and stat["Period"] == 300
    assert codes == ACTIONABLE_CODES and not codes & CLIENT_CODES
    assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    assert alarm["TreatMissingData"] == "notBreaching"


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
    assert len(found) == 6
    assert all(alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}] for alarm in found.values())
    (subscription,) = resources(template, "AWS::SNS::Subscription").values()
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
