"""A minimal Language Server Protocol client over stdio, enough to drive
yaml-language-server from a test: open a document, read its diagnostics, ask for
completions."""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from typing import Any

SETTINGS = {
    "yaml": {
        "validate": True,
        "completion": True,
        "hover": True,
        "schemas": {},
        "schemaStore": {"enable": False},
    }
}


class Client:
    def __init__(self, node: str, server: str) -> None:
        self.proc = subprocess.Popen(
            [node, server, "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.buffer = b""
        self.notes: list[dict[str, Any]] = []
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": None,
                "capabilities": {"workspace": {"configuration": True}},
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def send(self, message: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def _read(self, deadline: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        while True:
            if b"\r\n\r\n" in self.buffer:
                head, rest = self.buffer.split(b"\r\n\r\n", 1)
                length = int(head.split(b"Content-Length:")[1].split(b"\r\n")[0])
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    message: dict[str, Any] = json.loads(rest[:length])
                    return message
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.proc.stdout], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("yaml-language-server did not answer")
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                raise EOFError("yaml-language-server exited")
            self.buffer += chunk

    def _next(self, deadline: float) -> dict[str, Any]:
        """The next message that is not a request from the server (those are answered)."""
        while True:
            message = self._read(deadline)
            if "method" in message and "id" in message:
                items = message.get("params", {}).get("items", [])
                answer = [SETTINGS["yaml"]] * len(items) if items else None
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": answer})
                continue
            return message

    def request(self, method: str, params: dict[str, Any], timeout: float = 30) -> Any:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("id") == self.next_id:
                return message.get("result")
            self.notes.append(message)

    def diagnostics(self, uri: str, timeout: float = 30) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            for note in self.notes:
                params = note.get("params", {})
                if (
                    note.get("method") == "textDocument/publishDiagnostics"
                    and params.get("uri") == uri
                ):
                    self.notes.remove(note)
                    found: list[dict[str, Any]] = params["diagnostics"]
                    return found
            self.notes.append(self._next(deadline))

    def open(self, uri: str, text: str) -> None:
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})

    def completions(self, uri: str, line: int, character: int) -> list[str]:
        position = {"line": line, "character": character}
        result = self.request(
            "textDocument/completion", {"textDocument": {"uri": uri}, "position": position}
        )
        items = result["items"] if isinstance(result, dict) else result or []
        return [str(item["label"]) for item in items]

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=5)
            self.notify("exit", {})
            self.proc.wait(timeout=5)
        except (TimeoutError, EOFError, subprocess.TimeoutExpired, BrokenPipeError):
            self.proc.kill()
            self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()
