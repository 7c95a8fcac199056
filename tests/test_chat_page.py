"""GET / serves the chat page, self-contained, unless CHAT_PAGE is off (then it is a 404)."""

from __future__ import annotations

import re

import httpx

from supercar.app import create_app
from supercar.config import Settings
from tests.helpers import asgi_client


async def get_root(settings: Settings) -> httpx.Response:
    async with asgi_client(create_app(settings)) as client:
        return await client.get("/")


async def test_page_is_served_by_default_and_loads_nothing_from_elsewhere():
    response = await get_root(Settings(_env_file=None))  # type: ignore[call-arg]
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    # No CDN, no external script or stylesheet: every src/href is inline, relative or data:.
    for url in re.findall(r'(?:src|href)="([^"]*)"', page):
        assert url.startswith("data:"), url
    assert "<script src" not in page and '<link rel="stylesheet"' not in page
    assert 'fetch("query"' in page  # relative: works behind a path prefix too


async def test_chat_page_setting_turns_it_off(monkeypatch):
    monkeypatch.setenv("CHAT_PAGE", "false")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.chat_page is False
    response = await get_root(settings)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
