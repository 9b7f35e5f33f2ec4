namespace Impactkaart.Engine.Calculation;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64: small, fast and the same on every platform and
/// .NET version, so a seed reproduces a simulation exactly. Not for anything secret.
/// </summary>
internal struct Xoshiro256
{
    private ulong s0, s1, s2, s3;

    public Xoshiro256(ulong seed)
    {
        var x = seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public ulong NextUInt64()
    {
        // Wrap-around is the algorithm, not an error.
        unchecked
        {
            var result = RotateLeft(s1 * 5, 7) * 9;
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

    /// <summary>The generator's state, to start SIMD lanes from.</summary>
    public readonly (ulong S0, ulong S1, ulong S2, ulong S3) State => (s0, s1, s2, s3);

    /// <summary>
    /// Advances the generator by 2^128 draws (the authors' jump polynomial): from one seed, up to 2^128
    /// non-overlapping streams.
    /// </summary>
    public void Jump()
    {
        ReadOnlySpan<ulong> polynomial = [0x180ec6d33cfd0abaUL, 0xd5a61266f0c9392cUL, 0xa9582618e03fc9aaUL, 0x39abdc4529b1661cUL];
        ulong a = 0, b = 0, c = 0, d = 0;
        foreach (var word in polynomial)
        {
            for (var bit = 0; bit < 64; bit++)
            {
                if ((word & (1UL << bit)) != 0)
                {
                    a ^= s0;
                    b ^= s1;
                    c ^= s2;
                    d ^= s3;
                }
                NextUInt64();
            }
        }
        (s0, s1, s2, s3) = (a, b, c, d);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
