"""pyld 3.3.0's rate canonicalizing credentials as an eddsa-rdfc-2022 verifier must: the
document without its proof, and the proof options with the document's @context, URDNA2015.
Contexts from the bundled fixtures (no network). Prints {"perSecond": …, "credentials": N}.

Usage: python3 Scripts/bench_pyld.py FOLDER   (the *.json files BeaconBench verify wrote)
"""
import glob
import json
import os
import sys
import time

from pyld import jsonld

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTEXTS = os.path.join(ROOT, "Tests/BeaconLinkedDataTests/Fixtures/contexts")
index = json.load(open(os.path.join(CONTEXTS, "INDEX.json")))
documents = {url: json.load(open(os.path.join(CONTEXTS, name))) for url, name in index.items()}


def loader(url, options=None):
    return {"contextUrl": None, "documentUrl": url, "document": documents[url]}


options = {"algorithm": "URDNA2015", "format": "application/n-quads", "base": None, "documentLoader": loader}
credentials = [json.load(open(path)) for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))]
started = time.perf_counter()
for credential in credentials:
    proof = credential.pop("proof")[0]
    proof.pop("proofValue")
    proof["@context"] = credential["@context"]
    jsonld.normalize(credential, options)
    jsonld.normalize(proof, options)
seconds = time.perf_counter() - started
print(json.dumps({"perSecond": len(credentials) / seconds, "credentials": len(credentials)}))
