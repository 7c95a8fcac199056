"""All settings in one class, read from the environment and `.env`, refused at start-up if wrong.

Every field here is documented in `.env.example` and in docs/operations.md's settings table; keep
the three in step. The Groq key and the staff token are `SecretStr`s so they never show up in a
repr, a log line or /health; and a refused value is left out of the error
(`hide_input_in_errors`), since the value refused may be a secret.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

STAFF_TOKEN_MIN_CHARS = 16


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", hide_input_in_errors=True)

    # Model provider
    groq_api_key: SecretStr | None = None
    groq_api_key_param: str | None = None
    groq_model: str = "openai/gpt-oss-120b"
    groq_base_url: str | None = None
    groq_max_retries: Annotated[int, Field(ge=0, le=5)] = 2
    groq_read_timeout_seconds: Annotated[float, Field(gt=0)] = 20.0
    # A key read from SSM is read again after this long: a stored or rotated key reaches a
    # running app within it (see `supercar.llm.switch`).
    groq_key_max_age_seconds: Annotated[float, Field(gt=0)] = 300.0

    # The staff routes (GET /staff/bookings): the token a showroom's desk sends as a Bearer token,
    # from the environment or else the SSM SecureString named here. Neither: no staff routes (404).
    staff_token: SecretStr | None = None
    staff_token_param: str | None = None
    # A token read from SSM is read again after this long, as the Groq key is.
    staff_token_max_age_seconds: Annotated[float, Field(gt=0)] = 300.0

    # State: a DynamoDB table name selects the DynamoDB store; empty means in memory.
    sessions_table: str | None = None
    bookings_table: str | None = None
    # The rate limits' and daily budget's counters, shared by every sandbox; empty: in memory.
    limits_table: str | None = None
    # Another DynamoDB endpoint, e.g. DynamoDB Local for `sam local`; empty means AWS's own.
    dynamodb_endpoint_url: str | None = None
    # Every AWS call (DynamoDB, SSM): connect and read timeouts, and attempts in botocore's
    # standard retry mode (1 = no retry). A hung AWS must cost seconds, never minutes.
    aws_connect_timeout_seconds: Annotated[float, Field(gt=0, le=10)] = 1.0
    aws_read_timeout_seconds: Annotated[float, Field(gt=0, le=30)] = 2.0
    aws_max_attempts: Annotated[int, Field(ge=1, le=5)] = 2
    # The work before the stream (rate limits, claim, load) and the commit after the turn each
    # finish within this, or the request is answered `store_unavailable`.
    store_timeout_seconds: Annotated[float, Field(gt=0, le=30)] = 4.0
    # A turn's claim on its session lasts this long and is renewed every third of it while the
    # turn runs: a crashed sandbox frees its sessions within one lease.
    session_lease_seconds: Annotated[float, Field(ge=3, le=300)] = 15.0

    # HTTP server
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=1, le=65535)] = 8000
    cors_origins: Annotated[list[str], NoDecode] = [
        "http://localhost:3000",
        "http://127.0.0.1:3000",
    ]
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # The built-in chat page at GET /; a production API may turn it off (then GET / is 404).
    chat_page: bool = True

    # Limits
    max_query_chars: Annotated[int, Field(ge=1, le=100_000)] = 2000
    max_body_bytes: Annotated[int, Field(ge=1024)] = 64 * 1024
    max_tool_rounds: Annotated[int, Field(ge=1, le=20)] = 5
    history_turns: Annotated[int, Field(ge=0, le=200)] = 20
    session_ttl_seconds: Annotated[int, Field(ge=60)] = 24 * 3600
    turn_timeout_seconds: Annotated[float, Field(gt=0)] = 60.0
    tool_timeout_seconds: Annotated[float, Field(gt=0)] = 10.0
    booking_horizon_days: Annotated[int, Field(ge=1, le=365)] = 60
    ping_seconds: Annotated[float, Field(gt=0)] = 15.0
    # Text arriving within this window after a send travels in one chunk; 0 sends every delta.
    coalesce_ms: Annotated[float, Field(ge=0, le=200)] = 20.0
    send_timeout_seconds: Annotated[float, Field(gt=0)] = 30.0
    # Per client address and per session, turns a minute; 0 turns a limit off.
    rate_limit_per_minute: Annotated[int, Field(ge=0)] = 30
    session_rate_limit_per_minute: Annotated[int, Field(ge=0)] = 10
    # Turns per UTC day for the whole deployment; 0 is no budget.
    daily_turn_budget: Annotated[int, Field(ge=0)] = 0
    # Upcoming test drives one session may hold; 0 is no cap.
    max_bookings_per_session: Annotated[int, Field(ge=0)] = 2
    # Test drives one client address may book a UTC day, whatever its sessions; 0 is no cap.
    max_bookings_per_client_per_day: Annotated[int, Field(ge=0, le=1000)] = 5
    # Cancellations and moves one session may make a UTC day; 0 is no limit.
    max_changes_per_session_per_day: Annotated[int, Field(ge=0, le=100)] = 3

    # Privacy: customer text (queries, answers, tool arguments) is in no log line unless this
    # is true, which lets libraries' DEBUG payload dumps through (a developer's own machine).
    log_conversations: bool = False

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        # A comma-separated string is friendlier in .env and in a SAM parameter than JSON.
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator(
        "groq_api_key", "groq_base_url", "staff_token", "staff_token_param", mode="before"
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        # `.env.example` lists every setting with an empty value: empty means "not set".
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("staff_token")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        # It is all that guards the showroom's list: too short to guess under the rate limit.
        if value is not None and len(value.get_secret_value().strip()) < STAFF_TOKEN_MIN_CHARS:
            raise ValueError(f"must be at least {STAFF_TOKEN_MIN_CHARS} characters")
        return value

    @property
    def staff_routes(self) -> bool:
        """Whether the staff routes exist: only where a token is configured."""
        return self.staff_token is not None or bool(self.staff_token_param)

    # Weather: live from Open-Meteo (no key), simulated when it fails or when set to `simulated`.
    weather_provider: Literal["open-meteo", "simulated"] = "open-meteo"
    open_meteo_geocoding_url: str = "https://geocoding-api.open-meteo.com/v1/search"
    open_meteo_forecast_url: str = "https://api.open-meteo.com/v1/forecast"
    weather_timeout_seconds: Annotated[float, Field(gt=0, le=30)] = 3.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
