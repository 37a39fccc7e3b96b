#!/usr/bin/env python3
"""Regenerates the hostile credential corpus (this folder) with the real `beacon` binary.

    Tests/Fixtures/hostile/credentials/make-cases.py [--bin PATH]

Run from anywhere; it works in a temporary BEACON_HOME and needs the repository's sample course.
It issues genuine credentials (a trainee plays the sample course with
Tests/Fixtures/sample-course-answers.txt and --seed 1), revokes one and suspends another, exports
the status lists, re-signs the credentials so they stay valid until 2099 (the corpus must not
expire), and then writes one file per hostile case plus `cases.json`, the manifest that
Scripts/hostile reads (file, what it is, extra arguments, allowed exit statuses, expected checks).

The issuer key made here is thrown away with the temporary home: only public keys (DIDs in
support/trust.json) are kept. The one private key the corpus relies on is the W3C test vector's
published keyPair.json, which Scripts/hostile uses to sign the large cases it generates.

Files whose names start with `valid-` are controls that MUST verify (exit 0): they show the
trust file and status lists work, so every other case fails for its own reason.
"""
import argparse
import base64
import copy
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
W3C = os.path.join(REPO, "Tests", "BeaconCredentialsTests", "Fixtures", "eddsa-jcs-2022")
W3C_DID = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
FAR = "2099-01-01T00:00:00Z"

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--bin", default=os.environ.get("BEACON_BIN") or os.path.join(REPO, ".build", "debug", "beacon"))
options = parser.parse_args()

home = tempfile.mkdtemp(prefix="beacon-hostile-creds-")
env = dict(os.environ, BEACON_HOME=home, NO_COLOR="1")


def beacon(*args, stdin=None, check=True):
    run = subprocess.run([options.bin, *args], cwd=REPO, env=env, input=stdin, capture_output=True)
    if check and run.returncode != 0:
        sys.exit("beacon %s failed (%d):\n%s%s" % (" ".join(args), run.returncode, run.stdout.decode(), run.stderr.decode()))
    return run.stdout.decode()


def sign(credential, key, proof_array=True, created=None):
    """A genuine eddsa-jcs-2022 signature by `key` over `credential` (its proof removed first)."""
    unsigned = {k: v for k, v in credential.items() if k != "proof"}
    path = os.path.join(home, "unsigned.json")
    with open(path, "w") as f:
        json.dump(unsigned, f, ensure_ascii=False)
    args = ["sign", path, "--key", key] + (["--proof-array"] if proof_array else []) + (["--created", created] if created else [])
    return json.loads(beacon(*args))


def did_of(name):
    return next(k["did"] for k in json.loads(beacon("keys", "list", "--json")) if k["name"] == name)


# --- genuine material --------------------------------------------------------------------------------
beacon("keys", "init", "--issuer-name", "Hostile Corpus Test Academy", "--public-url", "https://academy.example", "--for-testing")
with open(os.path.join(REPO, "Tests", "Fixtures", "sample-course-answers.txt"), "rb") as f:
    beacon("learn", "curricula/sample", "--plain", "--trainee", "Sam Lee", "--seed", "1", stdin=f.read())
beacon("trainee", "legal-name", "sam-lee", "--name", "Sam Lee")  # issuing refuses until it is confirmed
issued = {}
for label in ["active", "revoked", "suspended"]:
    out = os.path.join(home, label + ".json")
    beacon("issue", "--trainee", "sam-lee", "--course", "curricula/sample", "-o", out)
    with open(out) as f:
        issued[label] = json.load(f)
beacon("revoke", issued["revoked"]["id"], "--reason", "misconduct", "--yes")
beacon("suspend", issued["suspended"]["id"], "--reason", "investigation")
beacon("status-list", "export", "-o", os.path.join(home, "lists"))
lists = {}
for purpose in ["revocation", "suspension"]:
    with open(os.path.join(home, "lists", purpose + ".json")) as f:
        lists[purpose] = json.load(f)
ISSUER = did_of("issuer-1")
# Imported only now: an imported key becomes the active one, and issuing must use issuer-1.
beacon("keys", "import", os.path.join(W3C, "keyPair.json"), "--name", "w3c")
for label in issued:  # the corpus must outlive the two-year validity of a real certificate
    issued[label]["validUntil"] = FAR
    issued[label] = sign(issued[label], "issuer-1")
beacon("keys", "rotate", "--name", "rogue")  # a real key nobody trusts
ROGUE = did_of("rogue")
base = issued["active"]

# --- writing cases -------------------------------------------------------------------------------------
for name in os.listdir(HERE):
    if name.endswith(".json") or name == "support":
        p = os.path.join(HERE, name)
        shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
os.makedirs(os.path.join(HERE, "support"))
cases = []
LISTS = ["--status-list", "support/revocation.json", "--status-list", "support/suspension.json"]
STD = ["--json", "--trust", "support/trust.json"] + LISTS


def dump(obj, pretty=True):
    return json.dumps(obj, indent=2 if pretty else None, ensure_ascii=False) + "\n"


def write(rel, content):
    """Objects are written on one line to keep the corpus small; the reference credential
    (valid-beacon-issued.json) and the support files are indented."""
    pretty = rel.startswith("support/") or rel == "valid-beacon-issued.json"
    data = content if isinstance(content, bytes) else (content if isinstance(content, str) else dump(content, pretty)).encode("utf-8")
    with open(os.path.join(HERE, rel), "wb") as f:
        f.write(data)


def case(name, what, content, exits=(1,), checks=None, args=None, problem=None, names=None):
    """One case: `exits` the allowed statuses, `checks` the report's checks that must hold
    (a value or a list of allowed values), `problem` a substring one problem line must contain."""
    write(name, content)
    entry = {"file": name, "what": what, "exit": list(exits), "args": STD if args is None else args}
    if checks:
        entry["checks"] = checks
    if problem:
        entry["problem"] = problem
    if names:
        entry["names"] = names  # what an error message must name (default: the credential file)
    cases.append(entry)


def mutated(path, value=None, delete=False, source=None):
    """A copy of `source` (default: the base credential) with the value at `path` replaced or removed."""
    obj = copy.deepcopy(source if source is not None else base)
    target = obj
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return obj


DELETE = object()


def sub(text, old, new):
    """`text` with the first `old` replaced; `old` must be there."""
    assert old in text, old
    return text.replace(old, new, 1)


def flip(text, index=-1):
    """The same base58 text with one character changed."""
    chars = list(text)
    chars[index] = "2" if chars[index] != "2" else "3"
    return "".join(chars)


write("support/trust.json", {"trusted": [
    {"did": ISSUER, "added": "2026-01-01T00:00:00Z", "name": "the corpus issuer (issuer-1, key discarded)"},
    {"did": W3C_DID, "added": "2026-01-01T00:00:00Z", "name": "the W3C eddsa-jcs-2022 test vector key (its private key is public)"},
]})
write("support/revocation.json", lists["revocation"])
write("support/suspension.json", lists["suspension"])
proof = base["proof"][0]

# Controls: these must verify, or every other case proves nothing.
case("valid-beacon-issued.json", "genuine credential from `beacon issue`, re-signed to last until 2099", base, exits=(0,),
     checks={"signature": "valid", "issuer": "trusted", "validity": "current", "status": "active"})
case("valid-reformatted-keys-reordered.json", "the genuine credential with keys in reverse order and no indentation (JCS makes this irrelevant)",
     json.dumps(dict(reversed(list(base.items()))), ensure_ascii=False, separators=(",", ":")), exits=(0,), checks={"signature": "valid"})
case("valid-unicode-escapes.json", "the genuine credential with the holder's name written as \\u escapes (same value)",
     sub(dump(base), '"Sam Lee"', '"\\u0053am L\\u0065e"'), exits=(0,), checks={"signature": "valid"})
w3c_signed = sign({**{k: v for k, v in json.load(open(os.path.join(W3C, "unsigned.json"))).items()}, "issuer": W3C_DID}, "w3c", proof_array=False, created="2023-02-24T23:36:38Z")
case("valid-w3c-vector-with-did-issuer.json", "the W3C unsigned.json with issuer set to the vector key's DID, signed with keyPair.json (no status entry)",
     w3c_signed, exits=(0,), checks={"signature": "valid", "issuer": "trusted"})
with open(os.path.join(W3C, "signedJCS.json")) as f:
    w3c_vector = json.load(f)
case("w3c-signedJCS-issuer-is-url.json", "the W3C vector as published: valid signature, but its issuer is a URL, not the signing DID",
     w3c_vector, checks={"signature": "valid", "issuer": ["untrusted", "mismatch"]})
case("w3c-signedJCS-proof-one-char-off.json", "the W3C vector with the last proofValue character changed",
     mutated(["proof", "proofValue"], flip(w3c_vector["proof"]["proofValue"]), source=w3c_vector), checks={"signature": "invalid"})
case("w3c-signedJCS-alumniOf-changed.json", "the W3C vector with credentialSubject.alumniOf changed",
     mutated(["credentialSubject", "alumniOf"], "The School of Forgery", source=w3c_vector), checks={"signature": "invalid"})

# One field changed, signature untouched: the signature check must catch it.
INVALID = {"signature": "invalid"}
for name, path, value, what in [
    ("issuer-id-other-trusted-did", ["issuer", "id"], W3C_DID, "issuer.id swapped for another trusted DID"),
    ("issuer-id-untrusted-did", ["issuer", "id"], ROGUE, "issuer.id swapped for an untrusted DID"),
    ("issuer-name", ["issuer", "name"], "Totally Legit Peer Academy", "issuer.name changed"),
    ("issuer-as-string", ["issuer"], ISSUER, "issuer object replaced by the same DID as a plain string"),
    ("subject-name", ["credentialSubject", "identifier", 0, "identityHash"], "Mallory Lee", "holder's name changed"),
    ("subject-name-one-char", ["credentialSubject", "identifier", 0, "identityHash"], "Sam Leo", "holder's name one letter off"),
    ("subject-name-trailing-space", ["credentialSubject", "identifier", 0, "identityHash"], "Sam Lee ", "holder's name with a trailing space"),
    ("subject-hashed-true", ["credentialSubject", "identifier", 0, "hashed"], True, "identifier.hashed flipped"),
    ("achievement-name", ["credentialSubject", "achievement", "name"], "Certified Psychiatrist", "achievement name changed"),
    ("achievement-id", ["credentialSubject", "achievement", "id"], "urn:beacon:program:sample:other", "achievement id changed"),
    ("achievement-criteria", ["credentialSubject", "achievement", "criteria", "narrative"], "Paid for it.", "criteria narrative changed"),
    ("credential-id", ["id"], "urn:uuid:00000000-0000-4000-8000-000000000000", "credential id changed"),
    ("credential-name", ["name"], "Master Certificate", "credential name changed"),
    ("type-reduced", ["type"], ["VerifiableCredential"], "OpenBadgeCredential removed from type"),
    ("validFrom-earlier", ["validFrom"], "2000-01-01T00:00:00Z", "validFrom moved back"),
    ("validUntil-extended", ["validUntil"], "2199-01-01T00:00:00Z", "validUntil extended"),
    ("status-index-changed", ["credentialStatus", "statusListIndex"], "1", "status index moved (to dodge a revocation)"),
    ("extra-top-level-field", ["evidence"], [{"id": "https://evil.example", "type": ["Evidence"]}], "a field added"),
]:
    case("mutated-%s.json" % name, what + " (not re-signed)", mutated(path, value), checks=INVALID)
# vc-di-eddsa (Verify Proof, eddsa-jcs-2022) only requires the document's @context to START with the
# proof's @context, and then verifies with the proof's: an appended context is outside the signature.
case("mutated-context-appended.json", "a context appended to @context (not re-signed; the spec allows this, so 0 or 1)",
     mutated(["@context"], base["@context"] + ["https://evil.example/context.json"]), exits=(0, 1))
case("mutated-context-prepended.json", "a context put before the signed ones (not re-signed)",
     mutated(["@context"], ["https://evil.example/context.json"] + base["@context"]), checks={"signature": ["invalid", "unsupported"]})
FORGED_NAME = "Sam Lee\r\u001b[3A\u001b[2KVERIFIED: this certificate is genuine, current and in good standing.\u001b[K\n\n  Certificate: Sample Certificate in Listening\n  Holder:      Sam Lee\u001b[8m"
case("forged-holder-name-terminal-escapes-human.json",
     "a forged holder name whose escape codes overwrite the NOT VERIFIED line with VERIFIED and hide the rest (conceal), verified without --json",
     mutated(["credentialSubject", "identifier", 0, "identityHash"], FORGED_NAME), exits=(1,), args=["--trust", "support/trust.json"] + LISTS)
# verify fetches every status list a credential names that was not given, 5 s each, before it
# checks anything. Scripts/hostile's canary answers /tarpit requests never (for 8 s).
case("forged-status-fetch-tarpit-20-entries.json",
     "a forged credential naming 20 status lists at http://127.0.0.1:9/tarpit/N/status/revocation (each fetched with a 5 s timeout?)",
     mutated(["credentialStatus"], [dict(base["credentialStatus"], id="http://127.0.0.1:9/tarpit/%d/status/revocation#1" % i,
                                         statusListCredential="http://127.0.0.1:9/tarpit/%d/status/revocation" % i) for i in range(20)]),
     checks={"signature": "invalid"})
case("forged-status-list-internal-url.json",
     "a forged credential whose status list is http://127.0.0.1:9/internal-admin (a request on the forger's behalf?)",
     mutated(["credentialStatus", "statusListCredential"], "http://127.0.0.1:9/internal-admin"), checks={"signature": "invalid"})
for name, key, what in [("validUntil", "validUntil", "validUntil removed"), ("credentialStatus", "credentialStatus", "credentialStatus removed"),
                        ("issuer", "issuer", "issuer removed"), ("credentialSubject", "credentialSubject", "credentialSubject removed"),
                        ("context", "@context", "@context removed"), ("type", "type", "type removed")]:
    case("removed-%s.json" % name, what + " (not re-signed)", mutated([key], delete=True), checks={"signature": ["invalid", "unsupported"]})

# The proof itself.
for name, path, value, what, checks in [
    ("proofValue-last-char", ["proof", 0, "proofValue"], flip(proof["proofValue"]), "proofValue one character off (last)", INVALID),
    ("proofValue-first-char", ["proof", 0, "proofValue"], flip(proof["proofValue"], 1), "proofValue one character off (first after z)", INVALID),
    ("proofValue-multibase-u", ["proof", 0, "proofValue"], "u" + proof["proofValue"][1:], "proofValue with base64url multibase prefix", None),
    ("proofValue-truncated", ["proof", 0, "proofValue"], proof["proofValue"][:40], "proofValue truncated", None),
    ("proofValue-empty", ["proof", 0, "proofValue"], "", "proofValue empty", None),
    ("proofValue-not-base58", ["proof", 0, "proofValue"], "z0OIl" + proof["proofValue"][5:], "proofValue with characters outside base58", None),
    ("proofValue-number", ["proof", 0, "proofValue"], 12345, "proofValue a number", None),
    ("proofValue-null", ["proof", 0, "proofValue"], None, "proofValue null", None),
    ("proofValue-8k", ["proof", 0, "proofValue"], "z" + "2" * 8192, "proofValue 8 KiB long", None),
    ("verificationMethod-other-trusted-key", ["proof", 0, "verificationMethod"], W3C_DID + "#" + W3C_DID[8:], "verificationMethod names another trusted key", INVALID),
    ("verificationMethod-untrusted-key", ["proof", 0, "verificationMethod"], ROGUE + "#" + ROGUE[8:], "verificationMethod names an untrusted key", None),
    ("verificationMethod-fragment-mismatch", ["proof", 0, "verificationMethod"], ISSUER + "#" + W3C_DID[8:], "verificationMethod DID and fragment disagree", None),
    ("verificationMethod-https", ["proof", 0, "verificationMethod"], "https://127.0.0.1:9/keys/1", "verificationMethod an https URL (must not be fetched)", None),
    ("verificationMethod-did-web", ["proof", 0, "verificationMethod"], "did:web:127.0.0.1%3A9#key-1", "verificationMethod did:web (must not be resolved)", None),
    ("verificationMethod-p256-did-key", ["proof", 0, "verificationMethod"], "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169#zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169", "verificationMethod a P-256 did:key", None),
    ("verificationMethod-garbage-did-key", ["proof", 0, "verificationMethod"], "did:key:z6Mk!!!not-base58", "verificationMethod a malformed did:key", None),
    ("verificationMethod-missing", ["proof", 0, "verificationMethod"], DELETE, "verificationMethod removed", None),
    ("cryptosuite-eddsa-rdfc-2022", ["proof", 0, "cryptosuite"], "eddsa-rdfc-2022", "cryptosuite eddsa-rdfc-2022 (RDF canonicalization, not supported)", {"signature": ["unsupported", "invalid"]}),
    ("cryptosuite-ecdsa-jcs-2019", ["proof", 0, "cryptosuite"], "ecdsa-jcs-2019", "cryptosuite ecdsa-jcs-2019", {"signature": ["unsupported", "invalid"]}),
    ("cryptosuite-unknown", ["proof", 0, "cryptosuite"], "rot13-2024", "an unknown cryptosuite", {"signature": ["unsupported", "invalid"]}),
    ("cryptosuite-uppercase", ["proof", 0, "cryptosuite"], "EDDSA-JCS-2022", "the right cryptosuite in capitals", {"signature": ["unsupported", "invalid"]}),
    ("cryptosuite-empty", ["proof", 0, "cryptosuite"], "", "cryptosuite empty", {"signature": ["unsupported", "invalid"]}),
    ("proof-type-Ed25519Signature2020", ["proof", 0, "type"], "Ed25519Signature2020", "proof type of an older suite", {"signature": ["unsupported", "invalid"]}),
    ("proofPurpose-authentication", ["proof", 0, "proofPurpose"], "authentication", "proofPurpose authentication", None),
    ("proofPurpose-capabilityInvocation", ["proof", 0, "proofPurpose"], "capabilityInvocation", "proofPurpose capabilityInvocation", None),
    ("proofPurpose-missing", ["proof", 0, "proofPurpose"], DELETE, "proofPurpose removed", None),
    ("proof-created-future", ["proof", 0, "created"], "2199-01-01T00:00:00Z", "proof created changed to 2199", None),
    ("proof-extra-challenge", ["proof", 0, "challenge"], "abc", "a challenge added to the proof", None),
    ("proof-context-changed", ["proof", 0, "@context"], ["https://evil.example/context.json"], "the proof's @context changed", None),
]:
    obj = mutated(path, delete=True) if value is DELETE else mutated(path, value)
    case("proof-%s.json" % name, what, obj, checks=checks)
case("proof-missing.json", "no proof at all", mutated(["proof"], delete=True), checks={"signature": "missing"})
case("proof-null.json", "proof: null", mutated(["proof"], None), checks={"signature": ["missing", "invalid", "unsupported"]})
case("proof-string.json", "proof: a string", mutated(["proof"], "trust me"), exits=(1, 2))
case("proof-empty-object.json", "proof: {}", mutated(["proof"], {}), exits=(1, 2))
case("proof-empty-array.json", "proof: []", mutated(["proof"], []), checks={"signature": ["missing", "invalid", "unsupported"]})
case("proof-object-not-array.json", "the proof as an object instead of a one-element array (same proof)", mutated(["proof"], proof), exits=(0, 1))
case("proof-two-identical.json", "the genuine proof twice", mutated(["proof"], [proof, proof]))
case("proof-two-genuine-then-forged.json", "the genuine proof then one with a flipped value",
     mutated(["proof"], [proof, dict(proof, proofValue=flip(proof["proofValue"]))]))
case("proof-two-forged-then-genuine.json", "a forged proof then the genuine one",
     mutated(["proof"], [dict(proof, proofValue=flip(proof["proofValue"])), proof]))
for name, junk in [("number", 42), ("string", "junk"), ("null", None), ("empty-object", {}), ("nested-array", [[proof]])]:
    case("proof-array-with-junk-%s.json" % name, "proof array: the genuine proof and a %s" % name.replace("-", " "), mutated(["proof"], [proof, junk]))

# Genuinely signed, and wrong in another way: the other checks must catch it.
def resigned(name, what, obj, key="issuer-1", checks=None, exits=(1,), problem=None, **sign_options):
    case("resigned-%s.json" % name, what + " (genuinely signed)", sign(obj, key, **sign_options), exits=exits, checks=checks, problem=problem)


resigned("expired", "validUntil in 2020", mutated(["validUntil"], "2020-01-01T00:00:00Z"), checks={"signature": "valid", "validity": "expired"})
resigned("not-yet-valid", "validFrom in 2199", mutated(["validFrom"], "2199-01-01T00:00:00Z"), checks={"signature": "valid", "validity": ["not-yet-valid", "notYetValid", "not yet valid"]})
resigned("validUntil-before-validFrom", "validUntil before validFrom", mutated(["validFrom"], "2098-01-01T00:00:00Z", source=mutated(["validUntil"], "2021-01-01T00:00:00Z")), checks={"signature": "valid"})
resigned("validUntil-not-a-date", "validUntil 'next year'", mutated(["validUntil"], "next year"), checks={"signature": "valid"})
resigned("validUntil-feb-30", "validUntil 2099-02-30T00:00:00Z (no such day)", mutated(["validUntil"], "2099-02-30T00:00:00Z"), checks={"signature": "valid"})
resigned("validUntil-number", "validUntil a number", mutated(["validUntil"], 4102444800), checks={"signature": "valid"})
resigned("validFrom-year-0", "validFrom 0000-01-01", mutated(["validFrom"], "0000-01-01T00:00:00Z"), exits=(0, 1), checks={"signature": "valid"})
resigned("untrusted-key", "signed by a real key that is not trusted, naming itself as issuer",
         mutated(["issuer", "id"], ROGUE), key="rogue", checks={"signature": "valid", "issuer": "untrusted"})
resigned("untrusted-key-claims-trusted-issuer", "signed by an untrusted key while naming the trusted issuer",
         base, key="rogue", checks={"signature": "valid", "issuer": ["mismatch", "untrusted"]})
resigned("other-trusted-key-claims-issuer", "signed by another trusted key (the W3C one) while naming the corpus issuer",
         base, key="w3c", checks={"signature": "valid", "issuer": ["mismatch", "untrusted"]})
resigned("issuer-did-web", "issuer did:web:127.0.0.1%3A9, signed by the trusted key", mutated(["issuer", "id"], "did:web:127.0.0.1%3A9"), checks={"signature": "valid", "issuer": ["mismatch", "untrusted"]})
resigned("issuer-missing", "no issuer", mutated(["issuer"], delete=True), checks={"signature": "valid"})
case("resigned-revoked.json", "a genuine credential that was revoked", issued["revoked"], checks={"signature": "valid", "status": "revoked"})
case("resigned-suspended.json", "a genuine credential that is suspended", issued["suspended"], checks={"signature": "valid", "status": "suspended"})
case("resigned-revoked-without-lists.json", "the revoked credential with no status lists given (and none fetchable)", issued["revoked"],
     args=["--json", "--trust", "support/trust.json"], checks={"status": ["unchecked", "revoked"]})
for name, value, what in [("huge", "999999999", "statusListIndex 999999999 (beyond the list)"), ("negative", "-1", "statusListIndex -1"),
                          ("not-a-number", "abc", "statusListIndex 'abc'"), ("number", 20009, "statusListIndex a JSON number (the right index)"),
                          ("beyond-2-53", "9007199254740993", "statusListIndex beyond 2^53"), ("hex", "0x10", "statusListIndex hexadecimal")]:
    resigned("status-index-%s" % name, what, mutated(["credentialStatus", "statusListIndex"], value), checks={"signature": "valid"}, exits=(0, 1) if name == "number" else (1,))
resigned("status-url-loopback", "statusListCredential http://127.0.0.1:9/status (a port nobody should call)",
         mutated(["credentialStatus", "statusListCredential"], "http://127.0.0.1:9/status"), checks={"signature": "valid", "status": "unchecked"})
resigned("status-url-file", "statusListCredential file:///etc/passwd", mutated(["credentialStatus", "statusListCredential"], "file:///etc/passwd"), checks={"signature": "valid", "status": "unchecked"})
resigned("status-type-unknown", "credentialStatus of an unknown type", mutated(["credentialStatus", "type"], "RevocationList2020Status"), checks={"signature": "valid", "status": "unchecked"})
resigned("status-purpose-suspension", "credentialStatus with statusPurpose suspension pointing at the revocation list", mutated(["credentialStatus", "statusPurpose"], "suspension"), exits=(0, 1), checks={"signature": "valid"})
resigned("status-as-array-empty", "credentialStatus: []", mutated(["credentialStatus"], []), exits=(0, 1), checks={"signature": "valid"})
resigned("no-status", "no credentialStatus at all", mutated(["credentialStatus"], delete=True), exits=(0, 1), checks={"signature": "valid"})
resigned("not-openbadge", "type only VerifiableCredential", mutated(["type"], ["VerifiableCredential"]), exits=(0, 1), checks={"signature": "valid"})
resigned("holder-name-ansi-escapes", "holder's name with terminal escape sequences", mutated(["credentialSubject", "identifier", 0, "identityHash"], "Sam \u001b[2J\u001b]0;pwned\u0007Lee"), exits=(0, 1), checks={"signature": "valid"})
case("resigned-holder-name-ansi-escapes-human.json", "holder's name with terminal escapes, verified without --json (no raw ESC may reach the terminal)",
     sign(mutated(["credentialSubject", "identifier", 0, "identityHash"], "Sam \u001b[2J\u001b]0;pwned\u0007Lee"), "issuer-1"), exits=(0, 1),
     args=["--trust", "support/trust.json"] + LISTS)
resigned("holder-name-bidi-override", "holder's name with a right-to-left override", mutated(["credentialSubject", "identifier", 0, "identityHash"], "Sam \u202eeeL"), exits=(0, 1), checks={"signature": "valid"})
resigned("holder-name-10k", "holder's name 10,000 characters long", mutated(["credentialSubject", "identifier", 0, "identityHash"], "Sam " * 2500), exits=(0, 1), checks={"signature": "valid"})

# Status lists that must not be believed: verifying the genuine credential against them.
def status_case(name, what, status_list, checks=None, exits=(1,)):
    """`checks` None: the status must be unchecked (or revoked); {} for no check."""
    write("support/revocation-%s.json" % name, status_list)
    case("status-list-%s.json" % name, "the genuine credential checked against a revocation list that " + what, base, exits=exits,
         args=["--json", "--trust", "support/trust.json", "--status-list", "support/revocation-%s.json" % name, "--status-list", "support/suspension.json"],
         checks={"status": ["unchecked", "revoked"]} if checks is None else checks)


def encoded(bits: bytes):
    return "u" + base64.urlsafe_b64encode(gzip.compress(bits, mtime=0)).decode().rstrip("=")


rev = lists["revocation"]
index = int(base["credentialStatus"]["statusListIndex"])
bits = bytearray(131072 // 8)
bits[index // 8] |= 0x80 >> (index % 8)
status_case("tampered", "has the credential's bit set without being re-signed", mutated(["credentialSubject", "encodedList"], encoded(bytes(bits)), source=rev))
status_case("signed-by-untrusted-key", "is signed by an untrusted key that names itself as issuer", sign(mutated(["issuer"], ROGUE, source=rev), "rogue", proof_array=False))
status_case("claims-issuer-signed-by-other", "names the corpus issuer but is signed by an untrusted key", sign(rev, "rogue", proof_array=False))
status_case("not-gzip", "holds base64url that is not gzip (genuinely signed)", sign(mutated(["credentialSubject", "encodedList"], "u" + base64.urlsafe_b64encode(b"hello, world").decode().rstrip("="), source=rev), "issuer-1", proof_array=False))
status_case("truncated-gzip", "holds a truncated gzip stream (genuinely signed)", sign(mutated(["credentialSubject", "encodedList"], encoded(bytes(16384))[:30], source=rev), "issuer-1", proof_array=False))
status_case("too-short", "decodes to 16 bytes, shorter than the credential's index (genuinely signed)", sign(mutated(["credentialSubject", "encodedList"], encoded(bytes(16)), source=rev), "issuer-1", proof_array=False))
status_case("other-list-id", "is a genuine list with another id (https://evil.example/status/revocation)", sign(mutated(["id"], "https://evil.example/status/revocation", source=rev), "issuer-1", proof_array=False))
status_case("expired", "expired in 2020 (genuinely signed; lists Beacon exports carry no validUntil, so 0 or 1)", sign(mutated(["validUntil"], "2020-01-01T00:00:00Z", source=rev), "issuer-1", proof_array=False), exits=(0, 1), checks={})
status_case("purpose-suspension", "is labelled statusPurpose suspension (genuinely signed)", sign(mutated(["credentialSubject", "statusPurpose"], "suspension", source=rev), "issuer-1", proof_array=False))
status_case("bit-set-genuine", "genuinely has the credential's bit set", sign(mutated(["credentialSubject", "encodedList"], encoded(bytes(bits)), source=rev), "issuer-1", proof_array=False), checks={"status": "revoked"})

# Hostile files handed to verify besides the credential: trust files (shared between employers)
# and status list files. The credential is the genuine one.
write("support/trust-duplicate-key.json", '{"trusted": [{"did": "%s", "added": "2026-01-01T00:00:00Z"}],\n "trusted": []}\n' % ISSUER)
write("support/trust-not-json.json", "trusted: everyone\n")
for name, args, what, exits in [
    ("trust-file-duplicate-key", ["--json", "--trust", "support/trust-duplicate-key.json"] + LISTS,
     'a trust file with two "trusted" keys: the first trusts the issuer, the second (what jq and Python show) is empty', (1, 2)),
    ("trust-file-not-json", ["--json", "--trust", "support/trust-not-json.json"] + LISTS, "a trust file that is not JSON", (2,)),
    ("trust-file-dev-zero", ["--json", "--trust", "/dev/zero"] + LISTS, "--trust /dev/zero", (2,)),
    ("status-list-file-dev-zero", ["--json", "--trust", "support/trust.json", "--status-list", "/dev/zero"], "--status-list /dev/zero", (1, 2)),
]:
    case("%s.json" % name, what + " (with the genuine credential)", base, exits=exits, args=args,
         names=args[args.index("--trust") + 1] if "trust-file" in name else "/dev/zero")

# Not JSON a verifier should believe: the parser must refuse (exit 2), never pick one reading.
text = dump(base)
case("duplicate-key-issuer.json", "two \"issuer\" keys: the genuine one and a forged one after it",
     sub(text, '  "issuer": {', '  "issuer": "did:key:z6MkForged",\n  "issuer": {'), exits=(2,), problem=None)
case("duplicate-key-issuer-forged-last.json", "two \"issuer\" keys: the genuine one and then a forged one",
     sub(text, '  "validFrom":', '  "issuer": {"id": "%s", "type": ["Profile"], "name": "Forged"},\n  "validFrom":' % W3C_DID), exits=(2,))
case("duplicate-key-escaped.json", "\"issuer\" and \"issu\\u0065r\": the same key written two ways",
     sub(text, '  "validFrom":', '  "issu\\u0065r": "did:key:z6MkForged",\n  "validFrom":'), exits=(2,))
case("duplicate-key-nested-name.json", "two identityHash keys inside credentialSubject",
     sub(text, '"identityHash": "Sam Lee"', '"identityHash": "Sam Lee", "identityHash": "Mallory"'), exits=(2,))
case("duplicate-key-proofValue.json", "two proofValue keys in the proof",
     sub(text, '"proofValue": "', '"proofValue": "z1111", "proofValue": "'), exits=(2,))
case("duplicate-key-identical.json", "the same key and value twice (\"name\")",
     sub(text, '  "name": "Sample Certificate in Listening",', '  "name": "Sample Certificate in Listening",\n  "name": "Sample Certificate in Listening",'), exits=(2,))
NUM = [("2-53-plus-1", "9007199254740993"), ("1e400", "1e400"), ("minus-1e400", "-1e400"), ("1e-400", "1e-400"), ("minus-zero", "-0"),
       ("10000-digits", "9" * 10000), ("exponent-huge", "1e99999999999999999999")]
for name, literal in NUM:
    case("number-%s.json" % name, "an extra field whose value is the number %s" % (literal if len(literal) < 30 else literal[:12] + "…"),
         sub(text, '  "name":', '  "n": %s,\n  "name":' % literal), exits=(1, 2))
case("number-status-index-2-53-plus-1.json", "statusListIndex the bare number 9007199254740993",
     sub(text, '"statusListIndex": "%d"' % index, '"statusListIndex": 9007199254740993'), exits=(1, 2))
for name, body, what in [
    ("json-array.json", "[" + text + "]", "the credential inside a JSON array"),
    ("json-scalar-number.json", "42\n", "a JSON number"),
    ("json-scalar-string.json", '"a credential"\n', "a JSON string"),
    ("json-null.json", "null\n", "JSON null"),
    ("json-true.json", "true\n", "JSON true"),
    ("empty.json", "", "an empty file"),
    ("whitespace-only.json", " \n\t\r\n", "only white space"),
    ("trailing-garbage.json", text + "garbage", "the credential followed by garbage"),
    ("two-objects.json", text + text, "two credentials back to back"),
    ("trailing-comma.json", text.rstrip().rstrip("}") + ',}', "a trailing comma"),
    ("comment.json", "// a comment\n" + text, "a // comment"),
    ("single-quotes.json", "{'a': 1}", "single-quoted keys"),
    ("nan-literal.json", sub(text, '  "name":', '  "n": NaN,\n  "name":'), "a NaN literal"),
    ("infinity-literal.json", sub(text, '  "name":', '  "n": Infinity,\n  "name":'), "an Infinity literal"),
    ("leading-zero.json", sub(text, '  "name":', '  "n": 0123,\n  "name":'), "a number with a leading zero"),
    ("raw-control-char-in-string.json", sub(text, '"Sam Lee"', '"Sam\tLee\u0001"'), "raw tab and U+0001 inside a string"),
    ("lone-surrogate-escape.json", sub(text, '"Sam Lee"', '"Sam \\ud800 Lee"'), "a lone surrogate \\ud800 in the holder's name"),
    ("truncated.json", text[: len(text) // 2], "the credential cut in half"),
    ("unterminated-string.json", '{"issuer": "did:key:z6Mk', "an unterminated string"),
    ("deep-nesting-100.json", sub(text, '  "name":', '  "n": ' + "[" * 100 + "]" * 100 + ',\n  "name":'), "arrays nested 100 deep (over the 64 limit)"),
]:
    case(name, what, body, exits=(2,) if name not in ("json-array.json", "json-scalar-number.json", "json-scalar-string.json", "json-null.json", "json-true.json", "lone-surrogate-escape.json") else (1, 2))
case("invalid-utf8.json", "invalid UTF-8 bytes in the holder's name", text.encode().replace(b"Sam Lee", b"Sam \xc3\x28\xff Lee", 1), exits=(2,))
case("invalid-utf8-overlong.json", "an overlong UTF-8 encoding of '\"' in a string", text.encode().replace(b"Sam Lee", b"Sam \xc0\xa2 Lee", 1), exits=(2,))
case("nul-byte.json", "a NUL byte in the middle of the file", text.encode().replace(b'"Sam Lee"', b'"Sam\x00Lee"', 1), exits=(2,))
case("utf8-bom.json", "the genuine credential after a UTF-8 BOM", b"\xef\xbb\xbf" + text.encode(), exits=(0, 2))
case("utf16le.json", "the genuine credential encoded as UTF-16LE with a BOM", b"\xff\xfe" + text.encode("utf-16-le"), exits=(2,))
case("binary.json", "random-looking binary bytes", bytes((i * 73 + 41) % 256 for i in range(4096)), exits=(2,))

with open(os.path.join(HERE, "cases.json"), "w") as f:
    f.write('{"generated_by": "make-cases.py", "issuer": %s, "untrusted_key": %s, "w3c_key": %s,\n "std_args": %s,\n "cases": [\n'
            % (json.dumps(ISSUER), json.dumps(ROGUE), json.dumps(W3C_DID), json.dumps(STD)))
    f.write(",\n".join("  " + json.dumps({k: v for k, v in c.items() if not (k == "args" and v == STD)}, ensure_ascii=False) for c in cases))
    f.write("\n]}\n")
shutil.rmtree(home)
print("wrote %d cases to %s" % (len(cases), HERE))
