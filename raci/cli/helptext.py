"""Help text as people read it: literal text, and value types in plain words.

typer renders help with rich markup, so a help string such as "'paths' under
[tool.raci]" loses its brackets. Every command is built through :class:`RaciCommand`,
which escapes the help of the command and of each parameter (epilogs keep their
deliberate ``[bold]`` markup), and shows each value's type the way a user reads it:
``PATH``, ``FILE``, ``FORMAT``, ``N`` or the parameter's own metavar such as
``RULE,...``, never ``<list[Path]>`` or ``<bool>``.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup

# rich's own markup pattern: a '[' followed by a tag-like start and a closing ']'.
_MARKUP = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")


def escape(text: str) -> str:
    """``text`` with every bracketed span rich would read as markup escaped.

    The same rule as ``rich.markup.escape``, without importing rich at start-up.
    """
    escaped = _MARKUP.sub(lambda match: f"{match[1]}{match[1]}\\{match[2]}", text)
    if escaped.endswith("\\") and not escaped.endswith("\\\\"):
        escaped += "\\"
    return escaped


_PATH_WORDS = {"file": "FILE", "dir": "DIR", "path": "PATH"}


def readable_type(param: Any) -> str | None:
    """The value a parameter takes, in a word; None when there is nothing to show."""
    if isinstance(param, TyperArgument):
        return None  # the name column already shows the metavar (PATH, OLD NEW...)
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.metavar is not None:
        return str(param.metavar)
    descriptor = getattr(param, "type_descriptor", None)
    longs = [opt for opt in param.opts if opt.startswith("--")]
    name = (longs[0][2:] if longs else str(param.name or "value")).upper()
    if descriptor is None:
        return name
    if descriptor.is_choice:
        return name
    if descriptor.is_path:
        return _PATH_WORDS.get(descriptor.path_type, "PATH")
    if descriptor.annotation is int:
        return "N"
    if descriptor.annotation is float:
        return "NUMBER"
    return name


def _plain_params(command: Any) -> None:
    """Escape each parameter's help and give it a readable type column."""
    for param in command.params:
        if getattr(param, "help", None):
            param.help = escape(param.help)
        _show_type(param, readable_type(param))


def _show_type(param: Any, shown: str | None) -> None:
    # typer asks each parameter for its type column; answer in plain words.
    setattr(param, "display_type_rich", lambda ctx: shown)  # noqa: B010


def _escaped(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The command's own help and short help escaped; the epilog keeps its markup."""
    return {
        key: escape(value) if key in ("help", "short_help") and value else value
        for key, value in kwargs.items()
    }


class RaciCommand(TyperCommand):
    """A typer command whose help prints literally, with readable value types."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **_escaped(kwargs))
        _plain_params(self)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            _show_type(option, None)
        return option

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """``raci load [OPTIONS] PATH``: a required argument plain, as usage lines write
        it (typer braces it, which reads as a choice of values)."""
        return [_unbraced(piece) for piece in super().collect_usage_pieces(ctx)]


def _unbraced(piece: str) -> str:
    """``{PATH}...`` as ``PATH...``; alternatives (``OLD NEW | PATH``) in parentheses."""
    if piece.startswith("{") and "}" in piece:
        name, _, rest = piece[1:].partition("}")
        return f"({name})" if " | " in name else name + rest
    if piece.startswith("[") and " | " in piece:  # optional alternatives: no '...'
        return piece.removesuffix("...")
    return piece


class RaciGroup(TyperGroup):
    """The ``raci`` group: its options (``--version``, ``--help``) read as plainly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_params(self)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            _show_type(option, None)
        return option
