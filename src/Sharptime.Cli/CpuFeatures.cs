using System.Runtime.InteropServices;
using X86 = System.Runtime.Intrinsics.X86;
using Arm = System.Runtime.Intrinsics.Arm;

namespace Sharptime.Cli;

/// <summary>
/// The instruction sets the .NET JIT of this process may use (<c>IsSupported</c> of
/// System.Runtime.Intrinsics), which decide the machine code of compiled Wasm functions and of
/// Sharptime's SIMD and bit-counting helpers. Wasmtime's <c>settings</c> calls them the settings
/// inferred for the host.
/// </summary>
internal static class CpuFeatures
{
    /// <summary>The instruction sets of this process's architecture, in the order of their introduction, each with whether the JIT uses it.</summary>
    public static IReadOnlyList<(string Name, bool Supported)> Host => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 =>
        [
            ("sse", X86.Sse.IsSupported),
            ("sse2", X86.Sse2.IsSupported),
            ("sse3", X86.Sse3.IsSupported),
            ("ssse3", X86.Ssse3.IsSupported),
            ("sse4.1", X86.Sse41.IsSupported),
            ("sse4.2", X86.Sse42.IsSupported),
            ("popcnt", X86.Popcnt.IsSupported),
            ("aes", X86.Aes.IsSupported),
            ("pclmulqdq", X86.Pclmulqdq.IsSupported),
            ("avx", X86.Avx.IsSupported),
            ("avx2", X86.Avx2.IsSupported),
            ("fma", X86.Fma.IsSupported),
            ("bmi1", X86.Bmi1.IsSupported),
            ("bmi2", X86.Bmi2.IsSupported),
            ("lzcnt", X86.Lzcnt.IsSupported),
            ("avx-vnni", X86.AvxVnni.IsSupported),
            ("avx512f", X86.Avx512F.IsSupported),
            ("avx512bw", X86.Avx512BW.IsSupported),
            ("avx512cd", X86.Avx512CD.IsSupported),
            ("avx512dq", X86.Avx512DQ.IsSupported),
            ("avx512vl", X86.Avx512F.VL.IsSupported),
            ("avx512vbmi", X86.Avx512Vbmi.IsSupported),
            ("avx10.1", X86.Avx10v1.IsSupported),
        ],
        Architecture.Arm64 or Architecture.Arm =>
        [
            ("advsimd", Arm.AdvSimd.IsSupported),
            ("aes", Arm.Aes.IsSupported),
            ("crc32", Arm.Crc32.IsSupported),
            ("dotprod", Arm.Dp.IsSupported),
            ("rdm", Arm.Rdm.IsSupported),
            ("sha1", Arm.Sha1.IsSupported),
            ("sha256", Arm.Sha256.IsSupported),
        ],
        _ => [],
    };
}
