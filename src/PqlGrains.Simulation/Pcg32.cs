namespace PqlGrains.Simulation;

/// <summary>
/// PCG32 (O'Neill, XSH-RR) seeded explicitly. <see cref="System.Random"/> with a seed is only
/// stable within one .NET version; simulated data sets back tests and published benchmark
/// figures, so the generator must give the same stream forever.
/// </summary>
public sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private ulong _state;
    private readonly ulong _increment;

    public Pcg32(ulong seed, ulong stream = 54)
    {
        _increment = (stream << 1) | 1UL;
        _state = 0;
        NextUInt();
        _state += seed;
        NextUInt();
    }

    public uint NextUInt()
    {
        var old = _state;
        _state = unchecked(old * Multiplier + _increment);
        var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        var rotation = (int)(old >> 59);
        return (xorShifted >> rotation) | (xorShifted << ((-rotation) & 31));
    }

    /// <summary>Uniform in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble()
    {
        var bits = ((ulong)NextUInt() << 21) ^ NextUInt();
        return (bits & ((1UL << 53) - 1)) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform integer in [0, bound) without modulo bias.</summary>
    public int Next(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var threshold = (uint)(-bound) % (uint)bound;
        while (true)
        {
            var value = NextUInt();
            if (value >= threshold)
            {
                return (int)(value % (uint)bound);
            }
        }
    }

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by Box-Muller (one value per call keeps the stream simple to reason about).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
