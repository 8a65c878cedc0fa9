#!/usr/bin/env python3
"""Regenerates the simulator's shipped resources from ../shared/data (see NOTICE).

Usage: python3 sim/tools/make_sim_resources.py [SHARED_DIR]

Deterministic: fixed sampling seed, sorted inputs. Only redistributable sources are read:
prompt files marked redistributable=yes in data/prompts/SOURCES.md, the CC BY 4.0
ip-location-db asn-ipv4.csv (+ NRO asn-country-ipv4.csv) and the MIT X4BNet lists.
cloud_ip_ranges (no licence) is never read.
"""
import bisect, csv, gzip, io, ipaddress, json, os, random, re, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DISTILLGUARD_SHARED", os.path.join(root, "..", "shared"))
out = os.path.join(root, "sim", "src", "main", "resources", "io", "distillguard", "sim")
rng = random.Random(20260201)

# ---------------------------------------------------------------- prompts
# file -> max records shipped (None = all). Redistributable only (SOURCES.md).
PROMPTS = {
    "human/awesome_chatgpt_prompts.jsonl": 260,
    "distill/gpteacher_codegen.jsonl": 900,
    "distill/gpteacher_toolformer.jsonl": 500,
    "distill/self_instruct_seed_tasks.jsonl": None,
    "distill/limo_glaive_toolcall_en_demo.jsonl": None,
    "benchmark/gsm8k_test.jsonl": 700,
    "benchmark/mmlu_test.jsonl": 1200,
    "benchmark/humaneval.jsonl": None,
    "benchmark/ifeval.jsonl": None,
    "benchmark/mt_bench.jsonl": None,
    "benchmark/vicuna_bench.jsonl": None,
    "rubric/fastchat_judge_prompts.jsonl": None,
    "rubric/alpaca_eval_evaluator_templates.jsonl": None,
    "rubric/ultrafeedback_templates.jsonl": None,
}
index = []
for rel, limit in PROMPTS.items():
    with open(os.path.join(shared, "data", "prompts", rel), encoding="utf-8") as f:
        lines = [l for l in f if l.strip()]
    if limit is not None and len(lines) > limit:
        # skip the very long ones so the sample stays small, then sample in source order
        short = [l for l in lines if len(l) < 3000]
        keep = sorted(rng.sample(range(len(short)), limit))
        lines = [short[i] for i in keep]
    dst = os.path.join(out, "prompts", rel + ".gz")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "wb") as raw:
        # mtime=0 keeps the archive byte-identical between runs
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            for l in lines:
                gz.write(l.encode("utf-8") if l.endswith("\n") else (l + "\n").encode("utf-8"))
    index.append(rel + ".gz")
with open(os.path.join(out, "prompts", "index.txt"), "w") as f:
    f.write("\n".join(index) + "\n")

# ---------------------------------------------------------------- network
net = os.path.join(shared, "data", "network")
def ip2i(s): return int(ipaddress.IPv4Address(s))

asn_rows = []
with open(os.path.join(net, "asn-ipv4.csv"), newline="", encoding="utf-8") as f:
    for r in csv.reader(f):
        asn_rows.append((ip2i(r[0]), ip2i(r[1]), int(r[2]), r[3]))
asn_rows.sort()
asn_starts = [r[0] for r in asn_rows]
cty = []
with open(os.path.join(net, "asn-country-ipv4.csv"), newline="") as f:
    for r in csv.reader(f):
        cty.append((ip2i(r[0]), ip2i(r[1]), r[2]))
cty.sort()
cty_starts = [r[0] for r in cty]
def country(ip):
    i = bisect.bisect_right(cty_starts, ip) - 1
    return cty[i][2] if i >= 0 and cty[i][1] >= ip else ""
def asn_of(ip):
    i = bisect.bisect_right(asn_starts, ip) - 1
    return asn_rows[i] if i >= 0 and asn_rows[i][1] >= ip else None

def cidrs(name):
    res = []
    with open(os.path.join(net, name)) as f:
        for l in f:
            l = l.strip()
            if l and not l.startswith("#"):
                n = ipaddress.IPv4Network(l, strict=False)
                res.append((int(n.network_address), int(n.broadcast_address)))
    res.sort()
    return res
dc = cidrs("x4bnet-datacenter-ipv4.txt")
dc_starts = [r[0] for r in dc]
def in_dc(a, b):
    i = bisect.bisect_right(dc_starts, b) - 1
    while i >= 0 and i > len(dc) - 1: i -= 1
    # any listed block overlapping [a,b]? check a few neighbours (blocks are small and sorted)
    for j in range(max(0, i - 50), min(len(dc), i + 2)):
        if dc[j][0] <= b and dc[j][1] >= a:
            return True
    return False

out_rows = []
def take(cls, provider, asns, per_asn, want_dc=None, min_size=256):
    for asn in asns:
        rows = [r for r in asn_rows if r[2] == asn and r[1] - r[0] + 1 >= min_size]
        if want_dc is False:
            rows = [r for r in rows if not in_dc(r[0], r[1])]
        rng.shuffle(rows)
        for r in sorted(rows[:per_asn]):
            out_rows.append((cls, provider(asn) if callable(provider) else provider, r[0], r[1], r[2], r[3], country(r[0])))

RESIDENTIAL = [7922, 701, 7018, 20115, 22773, 3320, 3215, 2856, 5089, 3352, 12322, 4766, 4713, 2516, 55836,
               24560, 1221, 812, 577, 28573, 18881, 9121, 4134, 4837, 45899, 17676, 3269, 8151, 6830, 9829, 7552, 6805]
take("residential", "", RESIDENTIAL, 7, want_dc=False)
CLOUD = {16509: "aws", 14618: "aws", 15169: "gcp", 396982: "gcp", 8075: "azure", 14061: "digitalocean",
         16276: "ovh", 24940: "hetzner", 63949: "linode", 20473: "vultr", 45102: "alibaba", 132203: "tencent",
         31898: "oracle"}
take("datacenter", lambda a: CLOUD[a], list(CLOUD), 10)

# VPN: X4BNet VPN netblocks, attributed through the ASN table
vpn = cidrs("x4bnet-vpn-ipv4.txt")
vpn = [v for v in vpn if v[1] - v[0] + 1 >= 256]
rng.shuffle(vpn)
seen = 0
for a, b in sorted(vpn[:400]):
    r = asn_of(a)
    if r is None or seen >= 70:
        continue
    seen += 1
    out_rows.append(("vpn", "", a, min(b, r[1]), r[2], r[3], country(a)))

# universities: eyeball-looking ASNs whose organisation names a university or college
uni = [r for r in asn_rows if re.search(r"universit|college", r[3], re.I) and r[1] - r[0] + 1 >= 1024]
by_org = {}
for r in uni:
    by_org.setdefault(r[3], []).append(r)
orgs = sorted(by_org)
rng.shuffle(orgs)
for o in sorted(orgs[:70]):
    r = by_org[o][0]
    out_rows.append(("university", "", r[0], r[1], r[2], r[3], country(r[0])))

os.makedirs(os.path.join(out, "network"), exist_ok=True)
with open(os.path.join(out, "network", "ip-ranges.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["class", "provider", "start_ip", "end_ip", "asn", "asn_org", "country"])
    for c, p, a, b, asn, org, cc in out_rows:
        w.writerow([c, p, str(ipaddress.IPv4Address(a)), str(ipaddress.IPv4Address(b)), asn, org, cc])
print("prompts:", len(index), "files; ranges:", len(out_rows))
