using BenchmarkDotNet.Running;
using PqlGrains.Benchmarks;

if (args.Length > 0 && args[0] == ReplayCpuTime.Command)
{
    return await ReplayCpuTime.RunAsync(args);
}

if (args.Length > 0 && args[0] == ParseCpuTime.Command)
{
    return ParseCpuTime.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
