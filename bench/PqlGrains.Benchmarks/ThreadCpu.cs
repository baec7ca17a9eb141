using System.Globalization;

namespace PqlGrains.Benchmarks;

/// <summary>CPU time of the calling thread, which on a shared machine varies far less than wall clock.</summary>
internal static class ThreadCpu
{
    /// <summary>From /proc/thread-self/schedstat (nanoseconds on CPU); includes the gen0/gen1 collections this thread's allocations trigger.</summary>
    public static double Seconds() => long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture) / 1e9;
}
