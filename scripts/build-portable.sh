#!/usr/bin/env bash
# Builds a release `tamiz` that runs on any x86_64 glibc Linux without a Swift toolchain: the
# Swift runtime (--static-swift-stdlib), ICU, zlib and libzstd are linked in statically, so the
# binary needs only libc, libm, libstdc++ and libgcc. Prints the binary's path as its last line.
#
#   scripts/build-portable.sh            # → .build-portable/release/tamiz
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-portable
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
system_libs=/usr/lib/$multiarch

# The linker takes the first libX it finds on its search path, and prefers libX.so to libX.a in
# the same folder; a folder holding only the archives, searched first, makes it take them.
static_libs=$scratch/static-libs
mkdir -p "$static_libs"
for lib in icuuc icudata z zstd; do
  if [ ! -f "$system_libs/lib$lib.a" ]; then
    echo "build-portable: $system_libs/lib$lib.a is missing (apt-get install libicu-dev zlib1g-dev libzstd-dev)" >&2
    exit 1
  fi
  ln -sf "$system_libs/lib$lib.a" "$static_libs/lib$lib.a"
done

swift build -c release --product tamiz --scratch-path "$scratch" --static-swift-stdlib \
  -Xlinker -L"$PWD/$static_libs" -Xlinker -licudata -Xlinker -lstdc++ -Xlinker -ldl -Xlinker -lpthread >&2

binary=$PWD/$scratch/release/tamiz
# Fail loudly if anything but the C and C++ runtimes is still loaded dynamically.
unexpected=$(ldd "$binary" | awk '{print $1}' | grep -Ev '^(linux-vdso\.so|/lib64/ld-linux-x86-64\.so|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so)' || true)
if [ -n "$unexpected" ]; then
  echo "build-portable: $binary still needs: $unexpected" >&2
  exit 1
fi
echo "$binary"
