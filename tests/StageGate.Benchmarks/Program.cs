using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. `dotnet run -c Release -- --filter '*Context*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
