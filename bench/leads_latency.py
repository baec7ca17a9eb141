#!/usr/bin/env python3
"""Event-to-CRM latency probe for bench/leads-latency.sh.

Plays HubSpot (records when each POST /crm/v3/objects/tasks arrives) from before the silo starts, injects
qualifying users (billing visit + one invite) into the tracking API at known send times, and reports the
send -> task-request latency in two phases:

- start-up: probes sent from the start of the background load until the load is steady. This is when the
  background accounts cross their tiers and open their leads (the surge).
- steady: --leads probes sent once the background load is steady, i.e. for --steady-window seconds every
  second's accepted events/s (pql load --progress) stayed within 10% of --rate, no background lead opened
  (leads API) and no background task reached the fake HubSpot (the outbox has no backlog).

Loopback only; standard library only.
"""
import argparse
import base64
import json
import os
import statistics
import sys
import threading
import time
import urllib.request
import uuid
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROBE_PREFIX = "probe-"
lock = threading.Lock()
arrivals = {}  # probe id -> monotonic arrival time of its first task request
background_tasks = []  # wall-clock arrival times of task requests that are not a probe's


class FakeHubSpot(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        # Stamped before the body is read: the request has arrived once its headers have.
        arrived, wall = time.monotonic(), time.time()
        body = self._body().decode("utf-8", "replace")
        if self.path.rstrip("/").endswith("/crm/v3/objects/tasks"):
            with lock:
                at = body.find(PROBE_PREFIX)
                if at >= 0:
                    arrivals.setdefault(body[at:at + len(PROBE_PREFIX) + 12], arrived)
                else:
                    background_tasks.append(wall)
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


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def parse_time(text):
    return datetime.fromisoformat(text).timestamp()


class Cluster:
    """What the probe reads from the silo and from pql load while it runs."""

    def __init__(self, args):
        self.args = args
        self.ticks = os.sysconf("SC_CLK_TCK")

    def send(self, body):
        request = urllib.request.Request(self.args.gateway + "/v1/batch", data=body, method="POST", headers={
            "Content-Type": "application/json",
            "Authorization": "Basic " + base64.b64encode((self.args.write_key + ":").encode()).decode(),
        })
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.status != 200:
                raise RuntimeError(f"tracking API answered {response.status}")

    def newest_leads(self):
        """Total leads and the open times of the newest 200 background (not probe) leads, newest first."""
        request = urllib.request.Request(self.args.gateway + "/api/leads?status=all&limit=200",
                                         headers={"Authorization": "Bearer " + self.args.admin_token})
        with urllib.request.urlopen(request, timeout=30) as response:
            page = json.load(response)
        opened = [parse_time(row["openedAt"]) for row in page["leads"] if PROBE_PREFIX not in row["leadId"]]
        return page["total"], opened

    def accepted(self):
        """(wall time, events accepted so far) for every progress line pql load has written."""
        points = []
        try:
            with open(self.args.progress, encoding="utf-8") as lines:
                for line in lines:
                    parts = line.split()
                    if len(parts) == 4 and parts[0] == "progress" and parts[2] == "accepted":
                        points.append((float(parts[1]), int(parts[3])))
        except FileNotFoundError:
            pass
        return points

    def silo_cpu_seconds(self):
        try:
            with open(self.args.silo_pid_file, encoding="utf-8") as pid_file:
                pid = pid_file.read().strip()
            with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / self.ticks
        except (FileNotFoundError, ValueError, IndexError):
            return None


class Phase:
    def __init__(self, name):
        self.name = name
        self.sent, self.acked = {}, {}
        self.started = self.ended = None
        self.cpu_start = self.cpu_end = None
        self.leads_start = self.leads_end = None
        self.tasks_start = self.tasks_end = None
        self.load_start = self.load_end = None

    def begin(self, cluster):
        self.started, self.cpu_start, self.leads_start, self.tasks_start, self.load_start = snapshot(cluster)

    def end(self, cluster):
        self.ended, self.cpu_end, self.leads_end, self.tasks_end, self.load_end = snapshot(cluster)

    def probe(self, cluster):
        probe = PROBE_PREFIX + uuid.uuid4().hex[:12]
        body = qualifying_batch(probe)
        self.sent[probe] = time.monotonic()
        cluster.send(body)
        self.acked[probe] = time.monotonic()


def snapshot(cluster):
    """Wall time, silo CPU seconds, background leads, background tasks and load average, at a phase boundary."""
    with lock:
        tasks = len(background_tasks)
    return time.time(), cluster.silo_cpu_seconds(), background_lead_count(cluster), tasks, load_average()


def background_lead_count(cluster):
    # Probe leads open just before their task arrives; counting arrivals keeps them out of the background's count.
    total, _ = cluster.newest_leads()
    with lock:
        return total - len(arrivals)


def load_average():
    with open("/proc/loadavg", encoding="utf-8") as loadavg:
        return " ".join(loadavg.read().split()[:3])


def steadiness(cluster, args, now):
    """Why the background load is not steady yet over the last window, or None once it is."""
    points = [point for point in cluster.accepted() if point[0] >= now - args.steady_window - 1.5]
    rates = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(points, points[1:]) if b[0] > a[0] and b[0] >= now - args.steady_window]
    if len(rates) < args.steady_window - 1:
        return "waiting for pql load's progress"
    reference = args.rate if args.rate > 0 else statistics.median(rates)
    if any(abs(rate - reference) > 0.1 * reference for rate in rates):
        return "accepted events/s " + "/".join("%.0f" % rate for rate in rates)
    _, opened = cluster.newest_leads()
    recent = [at for at in opened if at >= now - args.steady_window]
    if recent:
        return f"{len(recent)}{'+' if len(recent) == len(opened) else ''} background leads opened in the last {args.steady_window:.0f} s"
    with lock:
        tasks = sum(1 for at in background_tasks if at >= now - args.steady_window)
    if tasks:
        return f"{tasks} background tasks reached HubSpot in the last {args.steady_window:.0f} s"
    return None


def wait_for_load(cluster, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(accepted > 0 for _, accepted in cluster.accepted()):
            return True
        time.sleep(0.2)
    return False


def report(phase, args, cluster, accepted_points, note):
    latencies = [(arrivals[p] - phase.sent[p]) * 1000 for p in phase.sent if p in arrivals]
    seconds = phase.ended - phase.started
    inside = [point for point in accepted_points if phase.started <= point[0] <= phase.ended]
    accepted_rate = (inside[-1][1] - inside[0][1]) / (inside[-1][0] - inside[0][0]) if len(inside) > 1 and inside[-1][0] > inside[0][0] else float("nan")
    cpu = (phase.cpu_end - phase.cpu_start) / seconds if phase.cpu_start is not None and phase.cpu_end is not None and seconds > 0 else float("nan")
    missing = len(phase.sent) - len(latencies)
    print(f"{phase.name}: {note}")
    print(f"  {seconds:.0f} s, {len(phase.sent)} probes, {missing} missing; accepted {accepted_rate:,.0f} events/s; "
          f"background leads opened {phase.leads_end - phase.leads_start}, background tasks {phase.tasks_end - phase.tasks_start}; "
          f"silo CPU {cpu:.2f} cores ({cpu * seconds:.1f} s); load average {phase.load_start} -> {phase.load_end}")
    if not latencies:
        return missing, cpu, seconds
    print("  event-to-CRM latency ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f  min %.0f" % (
        percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), max(latencies), min(latencies)))
    # Splits each probe into the tracking API's acknowledgement and what follows it (scoring, lead, routing,
    # delivery), so a slow tail can be told apart: ingest congestion or the lead path.
    ack = [(phase.acked[p] - phase.sent[p]) * 1000 for p in phase.sent]
    after = [(arrivals[p] - phase.acked[p]) * 1000 for p in phase.sent if p in arrivals]
    print("  of which ack ms: p50 %.0f  p90 %.0f  max %.0f; after ack ms: p50 %.0f  p90 %.0f  max %.0f" % (
        percentile(ack, 50), percentile(ack, 90), max(ack), percentile(after, 50), percentile(after, 90), max(after)))
    print("  per probe in send order (ack + after, ms): " + " ".join(
        "%.0f+%.0f" % ((phase.acked[p] - phase.sent[p]) * 1000, (arrivals[p] - phase.acked[p]) * 1000) if p in arrivals else "missing"
        for p in phase.sent))
    return missing, cpu, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True, help="port the fake HubSpot listens on")
    parser.add_argument("--gateway", required=True, help="silo base address, e.g. http://127.0.0.1:5080")
    parser.add_argument("--progress", required=True, help="file pql load --progress writes to")
    parser.add_argument("--silo-pid-file", required=True, help="file holding the silo's process id (for its CPU time)")
    parser.add_argument("--rate", type=float, default=0, help="pql load's target events/s (0: steady means within 10%% of the median)")
    parser.add_argument("--write-key", default="dev-write-key")
    parser.add_argument("--admin-token", default="dev-admin-token")
    parser.add_argument("--leads", type=int, default=40, help="probes sent once the load is steady")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between injected users")
    parser.add_argument("--steady-window", type=float, default=5, help="seconds the load must stay steady before the steady probes")
    parser.add_argument("--steady-timeout", type=float, default=180, help="seconds to wait for a steady load before giving up")
    parser.add_argument("--grace", type=float, default=30, help="seconds to wait for the last task")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), FakeHubSpot)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    cluster = Cluster(args)
    if not wait_for_load(cluster, args.steady_timeout):
        print(f"pql load reported no accepted events within {args.steady_timeout:.0f} s (progress file {args.progress})")
        return 1

    startup = Phase("start-up (background leads opening)")
    startup.begin(cluster)
    load_began = time.time()
    reason = "not checked"
    while True:
        startup.probe(cluster)
        time.sleep(args.interval)
        now = time.time()
        if now - load_began >= args.steady_window:
            reason = steadiness(cluster, args, now)
            if reason is None or now - load_began > args.steady_timeout:
                break
    startup.end(cluster)
    steady_after = startup.ended - load_began

    steady = Phase("steady")
    steady.begin(cluster)
    for _ in range(args.leads):
        steady.probe(cluster)
        time.sleep(args.interval)
    steady.end(cluster)

    deadline = time.monotonic() + args.grace
    while time.monotonic() < deadline:
        with lock:
            if all(p in arrivals for phase in (startup, steady) for p in phase.sent):
                break
        time.sleep(0.05)

    accepted_points = cluster.accepted()
    with lock:
        startup_missing, startup_cpu, startup_seconds = report(
            startup, args, cluster, accepted_points,
            f"from the load's start until it was steady after {steady_after:.0f} s" if reason is None
            else f"the load was NOT steady after {steady_after:.0f} s ({reason}); the 'steady' phase below is not steady either")
        steady_missing, steady_cpu, _ = report(
            steady, args, cluster, accepted_points,
            (f"after {args.steady_window:.0f} steady seconds: accepted events/s within 10% of {'the target' if args.rate > 0 else 'the median'}, "
             "no background lead opened, no background task sent") if reason is None
            else "NOT steady (see above): these probes ran while the background load was still settling")
    leads_opened = startup.leads_end - startup.leads_start
    if reason is None and leads_opened > 0 and startup_cpu == startup_cpu and steady_cpu == steady_cpu:
        extra = (startup_cpu - steady_cpu) * startup_seconds
        print(f"silo CPU above the steady load during start-up: {extra:.1f} s for {leads_opened} background leads "
              f"= {1000 * extra / leads_opened:.1f} ms per opened lead (rough: includes warming up the user grains)")
    return 0 if startup_missing == 0 and steady_missing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
