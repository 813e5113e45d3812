"""A Spark stage that runs the portable `tamiz` binary once per partition.

    spark-submit --master local[2] tamiz_job.py --binary PATH --input DIR --output DIR -- keep en --jsonl

Reads JSON Lines documents from the `.jsonl.gz` files in --input (one partition per file), pipes
each partition through `tamiz ARGS... --threads 1`, and writes the results gzipped to --output
(part-NNNNN.gz, one per partition, in input order).

Why it is written this way:
- The binary travels with the job (`SparkContext.addFile`) and is found inside the task with
  `SparkFiles.get`; it was built by scripts/build-portable.sh, so executors need no Swift.
- Lines stay bytes end to end (`use_unicode=False`): PySpark would otherwise decode them as
  strict UTF-8 and fail the task on a single bad byte that tamiz itself repairs.
- The child gets an explicit, minimal environment, and a non-zero exit fails the task with
  tamiz's own message (RDD.pipe ignores exit codes unless checkCode=True, and starts the child
  with an empty environment).
- tamiz's output depends only on its input, so a retried or speculative copy of a partition
  writes the same bytes; `--threads 1` because Spark already runs one task per core.
"""

import argparse
import os
import subprocess
import threading

from pyspark import SparkContext, SparkFiles


def tamiz_partition(binary_name, arguments):
    def run(lines):
        binary = SparkFiles.get(binary_name)
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        child = subprocess.Popen(
            [binary, *arguments, "--threads", "1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
        )
        errors = []

        def feed():
            try:
                for line in lines:
                    child.stdin.write(line)
                    child.stdin.write(b"\n")
            except BrokenPipeError:
                pass  # tamiz stopped early; its exit status says why
            finally:
                child.stdin.close()

        def collect_errors():
            errors.append(child.stderr.read())

        writer = threading.Thread(target=feed)
        reader = threading.Thread(target=collect_errors)
        writer.start()
        reader.start()
        for line in child.stdout:
            yield line.rstrip(b"\n")
        writer.join()
        reader.join()
        status = child.wait()
        if status != 0:
            message = b"".join(errors).decode("utf-8", "replace").strip()
            raise RuntimeError(f"tamiz exited with status {status}: {message}")

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the portable tamiz binary")
    parser.add_argument("--input", required=True, help="folder of .jsonl.gz documents")
    parser.add_argument("--output", required=True, help="folder to create for the results")
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="tamiz's arguments, after --")
    options = parser.parse_args()
    arguments = [a for a in options.arguments if a != "--"] or ["keep", "en", "es", "--jsonl"]

    context = SparkContext(appName="tamiz")
    context.setLogLevel("WARN")
    context.addFile(os.path.abspath(options.binary))
    binary_name = os.path.basename(options.binary)

    # One partition per input file, files in name order, so partitions are the same on every run.
    inputs = sorted(
        os.path.join(os.path.abspath(options.input), name)
        for name in os.listdir(options.input) if name.endswith(".jsonl.gz")
    )
    documents = context.union([context.textFile(path, minPartitions=1, use_unicode=False) for path in inputs])
    documents.mapPartitions(tamiz_partition(binary_name, arguments)).saveAsTextFile(
        options.output, compressionCodecClass="org.apache.hadoop.io.compress.GzipCodec")
    context.stop()


if __name__ == "__main__":
    main()
