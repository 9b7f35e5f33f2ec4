using System.Runtime.Intrinsics;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// Four xoshiro256** generators side by side in the lanes of one SIMD register, so four numbers cost about what
/// one did. Lane i is the scalar generator of the same seed after i jumps of 2^128 draws, so the lanes never overlap
/// and every lane is the published sequence. Integer operations only: the same numbers on every CPU.
/// </summary>
internal struct Xoshiro256x4
{
    public const int Lanes = 4;

    private Vector256<ulong> s0, s1, s2, s3;

    public Xoshiro256x4(ulong seed)
    {
        var lane = new Xoshiro256(seed);
        Span<ulong> a = stackalloc ulong[Lanes], b = stackalloc ulong[Lanes], c = stackalloc ulong[Lanes], d = stackalloc ulong[Lanes];
        for (var i = 0; i < Lanes; i++)
        {
            (a[i], b[i], c[i], d[i]) = lane.State;
            lane.Jump();
        }
        s0 = Vector256.Create<ulong>(a);
        s1 = Vector256.Create<ulong>(b);
        s2 = Vector256.Create<ulong>(c);
        s3 = Vector256.Create<ulong>(d);
    }

    /// <summary>The next output of each lane.</summary>
    public Vector256<ulong> Next()
    {
        // Multiplications by 5 and 9 as shifts and adds: AVX2 has no 64-bit multiply. Wrap-around is the algorithm.
        unchecked
        {
            var times5 = (s1 << 2) + s1;
            var rotated = RotateLeft(times5, 7);
            var result = (rotated << 3) + rotated;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>
    /// Fills <paramref name="uniform"/> (a length that is a multiple of <see cref="Lanes"/>) with uniform doubles in
    /// [0, 1): the top 52 bits of each output as the fraction of a double in [1, 2), minus one.
    /// </summary>
    public void Fill(Span<double> uniform)
    {
        var exponentOfOne = Vector256.Create(0x3FF0000000000000UL);
        for (var t = 0; t < uniform.Length; t += Lanes)
        {
            var bits = (Next() >> 12) | exponentOfOne;
            (bits.AsDouble() - Vector256<double>.One).CopyTo(uniform[t..]);
        }
    }

    private static Vector256<ulong> RotateLeft(Vector256<ulong> x, int k) => (x << k) | (x >> (64 - k));
}
