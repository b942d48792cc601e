#!/usr/bin/env python3
"""lsp_session.py: drive a language server through a scripted LSP session.

    lsp_session.py --file SRC --line N --code CODE [--timeout S] -- SERVER ARGS...

initialize -> initialized -> textDocument/didOpen(SRC) -> wait for a
textDocument/publishDiagnostics for SRC that contains a diagnostic with the
given code on (1-based) line N -> shutdown -> exit. Prints every diagnostic
it received as `line:col: [source] code: message`; exits 1 when the expected
one never came. The server is started exactly as an editor starts it: the
command line after `--`, in the directory of SRC's project (--root)."""
import argparse
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse


def uri(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


class Server:
    def __init__(self, cmd, cwd, log):
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=log)
        self.next_id = 0
        self.messages = []
        self.cond = threading.Condition()
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    with self.cond:
                        self.messages.append(None)
                        self.cond.notify_all()
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            with self.cond:
                self.messages.append(json.loads(body))
                self.cond.notify_all()

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def wait_for(self, pred, deadline):
        """The first message (scanning from the start) satisfying pred."""
        seen = 0
        with self.cond:
            while True:
                while seen < len(self.messages):
                    m = self.messages[seen]
                    seen += 1
                    if m is None:
                        return None  # the server exited
                    if pred(m):
                        return m
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)


def main():
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else None
    p = argparse.ArgumentParser()
    p.add_argument("--file", required=True)
    p.add_argument("--line", type=int, required=True)
    p.add_argument("--code", required=True)
    p.add_argument("--root", default=None)
    p.add_argument("--timeout", type=float, default=240)
    p.add_argument("--log", default=None, help="server stderr goes here")
    p.add_argument("--vscode-settings", default=None,
                   help="start the server as VS Code's clangd extension "
                        "does with this settings.json: clangd.path, then "
                        "clangd.arguments")
    args = p.parse_args(argv[:cut] if cut is not None else argv)
    cmd = argv[cut + 1:] if cut is not None else []
    if args.vscode_settings:
        with open(args.vscode_settings) as f:
            settings = json.load(f)
        cmd = [settings["clangd.path"]] + settings.get("clangd.arguments", [])
    if not cmd:
        p.error("no server command: give one after -- or --vscode-settings")

    root = os.path.abspath(args.root or os.path.dirname(args.file))
    log = open(args.log, "w") if args.log else subprocess.DEVNULL
    server = Server(cmd, root, log)
    deadline = time.monotonic() + args.timeout

    rid = server.request("initialize", {
        "processId": os.getpid(), "rootUri": uri(root),
        "workspaceFolders": [{"uri": uri(root), "name": "test"}],
        "capabilities": {"textDocument": {"publishDiagnostics": {
            "relatedInformation": True, "codeDescriptionSupport": True}}}})
    init = server.wait_for(lambda m: m.get("id") == rid, deadline)
    if not init or "result" not in init:
        print("no initialize response: %r" % (init,))
        return 1
    print("server: %s" % init["result"].get("serverInfo", {}).get("name"))
    server.notify("initialized", {})
    with open(args.file) as f:
        text = f.read()
    doc = uri(args.file)
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": doc, "languageId": "cpp", "version": 1, "text": text}})

    def wanted(m):
        if m.get("method") != "textDocument/publishDiagnostics":
            return False
        params = m["params"]
        if params["uri"] != doc:
            return False
        for d in params["diagnostics"]:
            print("%d:%d: [%s] %s: %s" % (
                d["range"]["start"]["line"] + 1,
                d["range"]["start"]["character"] + 1, d.get("source"),
                d.get("code"), d["message"].splitlines()[0]))
        return any(d.get("code") == args.code and
                   d["range"]["start"]["line"] + 1 == args.line
                   for d in params["diagnostics"])

    got = server.wait_for(wanted, deadline)
    rid = server.request("shutdown", None)
    server.wait_for(lambda m: m.get("id") == rid, time.monotonic() + 30)
    server.notify("exit", None)
    try:
        server.proc.wait(30)
    except subprocess.TimeoutExpired:
        server.proc.kill()
    if not got:
        print("no %s diagnostic on line %d" % (args.code, args.line))
        return 1
    print("ok: %s on line %d" % (args.code, args.line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
