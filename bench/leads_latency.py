#!/usr/bin/env python3
"""Event-to-CRM latency probe for bench/leads-latency.sh.

Plays HubSpot (records when each POST /crm/v3/objects/tasks arrives), injects qualifying
users (billing visit + one invite) into the tracking API at known send times, and reports the
send -> task-request latency. Loopback only; standard library only.
"""
import argparse
import base64
import json
import sys
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

arrivals = {}  # probe id -> monotonic arrival time of its first task request
arrivals_lock = threading.Lock()
tasks_seen = [0]
PROBE_PREFIX = "probe-"


class FakeHubSpot(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        # Stamped before the body is read: the request has arrived once its headers have.
        arrived = time.monotonic()
        body = self._body().decode("utf-8", "replace")
        if self.path.rstrip("/").endswith("/crm/v3/objects/tasks"):
            with arrivals_lock:
                tasks_seen[0] += 1
                at = body.find(PROBE_PREFIX)
                if at >= 0:
                    probe = body[at:at + len(PROBE_PREFIX) + 12]
                    arrivals.setdefault(probe, arrived)
        self._answer(201, {"id": str(uuid.uuid4().int % 10**12), "properties": {}})

    def do_PATCH(self):
        self._body()
        self._answer(200, {"id": "1", "properties": {}})

    def _body(self):
        # HttpClient streams JSON content chunked (no Content-Length).
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length", "0")))
        chunks = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    def _answer(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def qualifying_batch(probe):
    now = time.time()
    stamp = lambda offset: time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now + offset)) + "Z"
    user, account = "u-" + probe, "a-" + probe
    batch = [
        {"type": "identify", "userId": user, "messageId": probe + "-i", "timestamp": stamp(-2),
         "traits": {"email": f"{probe}@{probe}.io", "company": {"id": account, "name": probe}}},
        {"type": "group", "userId": user, "groupId": account, "messageId": probe + "-g", "timestamp": stamp(-2),
         "traits": {"name": probe, "employees": 120, "country": "DE"}},
        {"type": "track", "userId": user, "event": "user.billing_page_viewed", "messageId": probe + "-b", "timestamp": stamp(-1)},
        {"type": "track", "userId": user, "event": "team.member_invited", "messageId": probe + "-t", "timestamp": stamp(0)},
    ]
    return json.dumps({"batch": batch}).encode()


def send(url, write_key, body):
    request = urllib.request.Request(url + "/v1/batch", data=body, method="POST", headers={
        "Content-Type": "application/json",
        "Authorization": "Basic " + base64.b64encode((write_key + ":").encode()).decode(),
    })
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"tracking API answered {response.status}")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True, help="port the fake HubSpot listens on")
    parser.add_argument("--gateway", required=True, help="tracking API base address, e.g. http://127.0.0.1:5080")
    parser.add_argument("--write-key", default="dev-write-key")
    parser.add_argument("--leads", type=int, default=40)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between injected users")
    parser.add_argument("--grace", type=float, default=30, help="seconds to wait for the last task")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), FakeHubSpot)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sent = {}
    acked = {}
    for _ in range(args.leads):
        probe = PROBE_PREFIX + uuid.uuid4().hex[:12]
        body = qualifying_batch(probe)
        sent[probe] = time.monotonic()
        send(args.gateway, args.write_key, body)
        acked[probe] = time.monotonic()
        time.sleep(args.interval)

    deadline = time.monotonic() + args.grace
    while time.monotonic() < deadline:
        with arrivals_lock:
            if all(probe in arrivals for probe in sent):
                break
        time.sleep(0.05)

    with arrivals_lock:
        latencies = [(arrivals[p] - sent[p]) * 1000 for p in sent if p in arrivals]
        background_tasks = tasks_seen[0] - len(latencies)
    missing = len(sent) - len(latencies)
    if not latencies:
        print(f"leads: {len(sent)} injected, no HubSpot task arrived within {args.grace:.0f} s; "
              f"other task requests: {tasks_seen[0]}; first probe account: a-{next(iter(sent))}")
        return 1
    print(f"leads: {len(sent)} injected, {len(latencies)} tasks received, {missing} missing; "
          f"other task requests (background load): {background_tasks}")
    print("event-to-CRM latency ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f  min %.0f" % (
        percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), max(latencies), min(latencies)))
    # Splits each probe into the tracking API's acknowledgement and what follows it (scoring, lead, routing,
    # delivery), so a slow tail can be told apart: ingest congestion or the lead path.
    ack = [(acked[p] - sent[p]) * 1000 for p in sent]
    after = [(arrivals[p] - acked[p]) * 1000 for p in sent if p in arrivals]
    print("  of which ack ms: p50 %.0f  p90 %.0f  max %.0f; after ack ms: p50 %.0f  p90 %.0f  max %.0f" % (
        percentile(ack, 50), percentile(ack, 90), max(ack), percentile(after, 50), percentile(after, 90), max(after)))
    print("  per probe in send order (ack + after, ms): " + " ".join(
        "%.0f+%.0f" % ((acked[p] - sent[p]) * 1000, (arrivals[p] - acked[p]) * 1000) if p in arrivals else "missing" for p in sent))
    return 0 if missing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
