#!/usr/bin/env bash
# Builds the WASI example programs from their C sources into the committed .wasm files:
#   hello.wasm, args_env.wasm, clocks_random.wasm, files.wasm   one .c file each
#   squash.wasm                                                  squash/*.c
#   tern.wasm                                                    tern/*.c plus the Tern compiler
#                                                                from bench/corpus/src/tern
#   parallel_sum.wasm                                            parallel_sum.c, without libc, for
#                                                                wasi-threads (clang 19: LLVM 14's
#                                                                wasm-ld lacks --export-memory)
# Needs clang 14, wasm-ld 14 and wasi-libc with the wasm32 compiler-rt builtins. On Debian or
# Ubuntu: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32
# It installs nothing. The output is reproducible: running it again gives the same bytes.
# Usage: examples/wasi/build.sh [PROGRAM...]   (default: all programs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

llvm_bin=/usr/lib/llvm-14/bin
clang="${CLANG:-$llvm_bin/clang}"
wasm_ld="${WASM_LD:-$llvm_bin/wasm-ld}"
sysroot="${WASI_SYSROOT:-/usr}"
# The libc programs need clang 14 and wasi-libc; parallel_sum needs only clang 19.
check_libc_toolchain() {
    missing=()
    [ -x "$clang" ] || missing+=("clang 14 ($clang; package clang-14)")
    [ -x "$wasm_ld" ] || missing+=("wasm-ld 14 ($wasm_ld; package lld-14)")
    [ -f "$sysroot/lib/wasm32-wasi/libc.a" ] || missing+=("wasi-libc ($sysroot/lib/wasm32-wasi/libc.a; package wasi-libc)")
    if [ -x "$clang" ]; then
        builtins="$("$clang" --target=wasm32-wasi -print-libgcc-file-name 2>/dev/null || true)"
        [ -n "$builtins" ] && [ -f "$builtins" ] || \
            missing+=("compiler-rt builtins for wasm32 (${builtins:-?}; package libclang-rt-14-dev-wasm32)")
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "build.sh: cannot build, missing:" >&2
        printf '  %s\n' "${missing[@]}" >&2
        echo "On Debian/Ubuntu: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32" >&2
        exit 1
    fi
}

# clang's wasm driver silently runs binaryen's wasm-opt on the linked module when one is on PATH
# and -O is given, so the output would depend on whichever binaryen is installed. Every step
# therefore runs with a PATH holding only the LLVM tools directory, and the linker is named by
# its full path (the driver otherwise looks for "wasm-ld-14", which that directory lacks).
tools_path="$(dirname "$clang")"
if PATH="$tools_path" command -v wasm-opt >/dev/null 2>&1; then
    echo "build.sh: wasm-opt is in $tools_path; refusing to build with it reachable" >&2
    exit 1
fi

# -ffile-prefix-map keeps this checkout's path out of the output (assert messages embed
# __FILE__); --strip-debug drops DWARF but keeps the name section so traps show function names.
flags=(--target=wasm32-wasi --sysroot="$sysroot" -O2 -std=gnu11 -Wall -Wextra -Werror
       -ffile-prefix-map="$here/"= -ffile-prefix-map="$(cd ../.. && pwd)/"=
       -fuse-ld="$wasm_ld" -Wl,--strip-debug)

build() { # build NAME SOURCES...
    [ -n "${libc_checked:-}" ] || { check_libc_toolchain; libc_checked=1; }
    local name="$1"
    shift
    PATH="$tools_path" "$clang" "${flags[@]}" "$@" -o "$name.wasm"
    echo "$name.wasm ($(wc -c < "$name.wasm") bytes)"
}

# wasi-threads without a threaded wasi-libc: freestanding C, its own _start, the memory imported
# shared and exported (WASI reads through the export), wasi_thread_start exported.
build_threads() { # build_threads NAME SOURCE
    local clang19="${CLANG19:-/usr/lib/llvm-19/bin/clang}"
    [ -x "$clang19" ] || { echo "build.sh: $1 needs clang 19 ($clang19; package clang-19 lld-19)" >&2; exit 1; }
    PATH="$(dirname "$clang19")" "$clang19" --target=wasm32 -O2 -std=gnu11 -Wall -Wextra -Werror -nostdlib \
        -matomics -mbulk-memory -Wl,--import-memory,--export-memory,--shared-memory,--max-memory=1048576 \
        -fuse-ld="$(dirname "$clang19")/wasm-ld" -Wl,--export=wasi_thread_start,--strip-debug "$2" -o "$1.wasm"
    echo "$1.wasm ($(wc -c < "$1.wasm") bytes)"
}

tern_src=../../bench/corpus/src/tern
all=(hello args_env clocks_random files squash tern parallel_sum)
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=("${all[@]}")
for p in "${wanted[@]}"; do
    case "$p" in
    hello | args_env | clocks_random | files) build "$p" "$p.c" ;;
    squash) build squash squash/*.c ;;
    parallel_sum) build_threads parallel_sum parallel_sum.c ;;
    tern)
        # The Tern compiler and VM are shared with the benchmark corpus and compiled from there
        # unchanged (driver.c and programs.c give tern_compile and the self-check's programs);
        # tern/ adds the WASI front end.
        build tern -I"$tern_src" tern/*.c "$tern_src"/*.c
        ;;
    *)
        echo "build.sh: unknown program '$p' (known: ${all[*]})" >&2
        exit 1
        ;;
    esac
done
