"""What the app builds once at start-up and every request shares: model, tools, stores, limits.

Building them may read SSM and create a DynamoDB client: blocking boto3 work, done once in the
lifespan before any request is accepted, so it stalls no stream (see `supercar.credentials`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from supercar.config import Settings
from supercar.credentials import GroqKey, resolve_groq_key
from supercar.limits import Limits
from supercar.llm.base import ChatModel
from supercar.store.base import BookingStore, SessionStore
from supercar.store.factory import build_stores
from supercar.tools import default_registry
from supercar.tools.base import ToolRegistry

log = logging.getLogger(__name__)


@dataclass
class Services:
    model: ChatModel
    tools: ToolRegistry
    sessions: SessionStore
    bookings: BookingStore
    key: GroqKey  # where the key was sought and how that went (for /health)
    limits: Limits

    async def aclose(self) -> None:
        await self.model.aclose()


def build_model(settings: Settings, key: GroqKey) -> ChatModel:
    api_key = key.value.get_secret_value() if key.value else None
    if api_key:
        from supercar.llm.groq import GroqModel

        model = GroqModel(
            api_key,
            settings.groq_model,
            base_url=settings.groq_base_url,
            max_retries=settings.groq_max_retries,
            read_timeout=settings.groq_read_timeout_seconds,
        )
        log.info("model backend: groq, model %s (key from %s)", settings.groq_model, key.source)
        return model
    from supercar.llm.offline import OfflineModel

    log.warning(
        "No Groq key available: using the OFFLINE demo model (rule-based, no network). "
        "Set GROQ_API_KEY, or GROQ_API_KEY_PARAM to an SSM parameter, to talk to Groq."
    )
    return OfflineModel()


def build_services(settings: Settings) -> Services:
    key = resolve_groq_key(settings)
    model = build_model(settings, key)
    stores = build_stores(settings)
    return Services(
        model=model,
        tools=default_registry(settings),
        sessions=stores.sessions,
        bookings=stores.bookings,
        key=key,
        limits=Limits(
            stores.counters,
            per_client=settings.rate_limit_per_minute,
            per_session=settings.session_rate_limit_per_minute,
            daily_budget=settings.daily_turn_budget,
        ),
    )
