"""``medcite llm``: the optional language model (an OpenAI-compatible chat endpoint).

A thin shell over :mod:`medcite.llm`; errors become one red line and an exit code at
``medcite.cli``'s boundary (2: not configured, 4: the endpoint failed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from medcite.llm.health import EndpointCheck
    from medcite.llm.settings import LLMSettings

llm_app = typer.Typer(
    help="The optional language model that writes the synthesis (see docs/llm.md).",
    no_args_is_help=True,
)


@llm_app.command("check")
def check() -> None:
    """Check the model endpoint: lists its models, says whether the configured model is among
    them and times a 1-token completion. Configure it with MEDCITE_LLM_BASE_URL,
    MEDCITE_LLM_MODEL and, if the server needs one, MEDCITE_LLM_API_KEY (see docs/llm.md).
    Exit 2: not configured; 4: the endpoint cannot be used."""
    from medcite.cli import _errors
    from medcite.llm.client import LLMClient
    from medcite.llm.health import check_endpoint

    with _errors():
        settings = _settings()
        with LLMClient(settings) as client:
            found = check_endpoint(client)
        for line in report_lines(found, settings):
            typer.echo(line)


def _settings() -> LLMSettings:
    from pydantic import ValidationError

    from medcite.config import Settings
    from medcite.errors import InputError

    try:
        return Settings().llm
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(f"invalid settings ({problems})") from None


def report_lines(found: EndpointCheck, settings: LLMSettings) -> list[str]:
    """What ``llm check`` prints, one finding per line."""
    lines = [f"endpoint:   {found.base_url} answers"]
    if found.models is None:
        lines.append(f"models:     not listed ({found.models_problem})")
    else:
        lines.append(f"models:     {', '.join(found.models) or 'none'}")
    listed = {True: "listed by the endpoint", False: "NOT listed by the endpoint", None: "?"}
    lines.append(f"model:      {found.model} ({listed[found.model_listed]})")
    lines.append(f"completion: 1 token in {found.seconds:.2f} s (answered by {found.answered_by})")
    key = "set" if settings.api_key else "not set"
    use = "every answer" if settings.enabled else "only with --llm"
    lines.append(f"api key:    {key}; synthesis used for {use}")
    return lines
