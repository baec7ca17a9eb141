using PqlGrains.Simulation;

namespace PqlGrains.Simulation.Tests;

public sealed class Pcg32Tests
{
    [Fact]
    public void Seed42Stream54MatchesThePcgReferenceImplementation()
    {
        // pcg32-demo from pcg-random.org: pcg32_srandom_r(&rng, 42u, 54u) prints these first words.
        var random = new Pcg32(42, 54);
        uint[] expected = [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e];
        Assert.Equal(expected, expected.Select(_ => random.NextUInt()).ToArray());
    }

    [Fact]
    public void BoundedDrawsStayInRangeAndCoverIt()
    {
        var random = new Pcg32(7);
        var seen = new bool[6];
        for (var i = 0; i < 1_000; i++)
        {
            seen[random.Next(6)] = true;
            var unit = random.NextDouble();
            Assert.InRange(unit, 0.0, 0.9999999999999999);
        }

        Assert.All(seen, Assert.True);
    }
}
