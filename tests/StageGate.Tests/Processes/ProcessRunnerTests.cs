using System.Text;
using StageGate.Processes;

namespace StageGate.Tests.Processes;

public sealed class ProcessRunnerTests : IDisposable
{
    // Stops any run that hangs, so a broken runner fails a test instead of the whole test run.
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(30));

    public void Dispose() => _guard.Dispose();

    private Task<ProcessResult> RunAsync(ProcessCommand command, OutputTarget? output = null, OutputTarget? error = null) =>
        ProcessRunner.RunAsync(command, output, error, _guard.Token);

    [Fact]
    public async Task A_program_that_exits_with_zero_succeeded()
    {
        var result = await RunAsync(TestDummy.Command("exit", "0"));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_non_zero_exit_code_is_returned_not_thrown()
    {
        var result = await RunAsync(TestDummy.Command("exit", "3"));

        Assert.Equal((3, false), (result.ExitCode, result.Succeeded));
    }

    [Fact]
    public async Task Arguments_reach_the_program_exactly_as_written()
    {
        string[] arguments = ["two words", "say \"hi\"", "it's", "key=value", "", "ünïcødé ✓", "$HOME", "*", @"back\slash", "--flag"];
        var lines = new List<string>();

        await RunAsync(TestDummy.Command(["echo-args", .. arguments]), OutputTarget.ToLines(lines.Add));

        Assert.Equal(arguments, lines);
    }

    [Fact]
    public async Task An_environment_variable_is_set_for_the_program()
    {
        var lines = new List<string>();
        var command = TestDummy.Command("echo-env", "STAGEGATE_DUMMY_VALUE").WithEnvironment("STAGEGATE_DUMMY_VALUE", "a b=c");

        await RunAsync(command, OutputTarget.ToLines(lines.Add));

        Assert.Equal(["a b=c"], lines);
    }

    [Fact]
    public async Task An_environment_variable_set_to_null_is_removed_from_what_the_program_inherits()
    {
        Assert.NotNull(Environment.GetEnvironmentVariable("PATH"));
        var lines = new List<string>();
        var command = TestDummy.Command("echo-env", "PATH").WithEnvironment("PATH", null);

        await RunAsync(command, OutputTarget.ToLines(lines.Add));

        Assert.Equal(["<unset>"], lines);
    }

    [Fact]
    public async Task The_program_starts_in_the_working_directory()
    {
        var directory = Directory.CreateTempSubdirectory("stagegate-processes-");
        try
        {
            var lines = new List<string>();

            await RunAsync(TestDummy.Command("pwd").WithWorkingDirectory(directory.FullName), OutputTarget.ToLines(lines.Add));

            Assert.Equal([directory.FullName], lines);
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public async Task A_missing_working_directory_is_reported_before_the_program_starts()
    {
        var command = TestDummy.Command("exit", "0").WithWorkingDirectory(Path.Combine(Path.GetTempPath(), "stagegate-no-such-directory"));

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => RunAsync(command));
    }

    [Fact]
    public async Task A_missing_program_is_reported_as_not_started_with_its_name()
    {
        var error = await Assert.ThrowsAsync<ProcessNotStartedException>(
            () => RunAsync(new ProcessCommand("stagegate-no-such-program")));

        Assert.Equal("stagegate-no-such-program", error.FileName);
    }

    [Fact]
    public async Task Output_lines_arrive_while_the_program_is_still_running()
    {
        // The dummy only exits once the test has seen its line, so buffering until exit would hang until the guard fires.
        var signal = Path.Combine(Path.GetTempPath(), $"stagegate-signal-{Guid.NewGuid():N}");
        try
        {
            var output = OutputTarget.ToLines(line =>
            {
                if (line == "ready")
                {
                    File.WriteAllText(signal, "");
                }
            });

            var result = await RunAsync(TestDummy.Command("echo-line", "ready", "wait-for-file", signal), output);

            Assert.True(result.Succeeded);
        }
        finally
        {
            File.Delete(signal);
        }
    }

    [Fact]
    public async Task Standard_output_and_standard_error_go_to_their_own_targets()
    {
        var output = new List<string>();
        var error = new List<string>();

        await RunAsync(
            TestDummy.Command("echo-line", "to output", "echo-error-line", "to error"),
            OutputTarget.ToLines(output.Add),
            OutputTarget.ToLines(error.Add));

        Assert.Equal(["to output"], output);
        Assert.Equal(["to error"], error);
    }

    [Fact]
    public async Task A_flood_on_standard_error_does_not_block_the_program()
    {
        var errorLines = 0;

        await RunAsync(
            TestDummy.Command("stderr-flood", "50000", "echo-line", "done"),
            OutputTarget.Null,
            OutputTarget.ToLines(_ => errorLines++));

        Assert.Equal(50_000, errorLines);
    }

    [Fact]
    public async Task A_line_of_megabytes_without_a_newline_is_cut_with_a_marker()
    {
        var lines = new List<string>();

        await RunAsync(TestDummy.Command("long-line", "5000000"), OutputTarget.ToLines(lines.Add));

        var line = Assert.Single(lines);
        Assert.Equal(new string('x', 64 * 1024) + $" [... {5_000_000 - (64 * 1024)} more characters]", line);
    }

    [Fact]
    public async Task A_chunk_target_receives_a_line_of_megabytes_whole_while_the_tail_still_cuts_it()
    {
        long received = 0;
        var allX = true;

        var result = await RunAsync(TestDummy.Command("long-line", "5000000"), OutputTarget.ToChunks(chunk =>
        {
            received += chunk.Length;
            allX &= !chunk.ContainsAnyExcept('x');
        }));

        Assert.Equal((5_000_000L, true), (received, allX));
        Assert.EndsWith($" [... {5_000_000 - (64 * 1024)} more characters]", Assert.Single(result.StandardOutputTail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tail_keeps_only_the_last_lines()
    {
        var result = await RunAsync(TestDummy.Command("stdout-lines", "500") with { TailLines = 3 });

        Assert.Equal(["line 498", "line 499", "line 500"], result.StandardOutputTail);
    }

    [Fact]
    public async Task One_string_builder_can_take_both_streams()
    {
        var builder = new StringBuilder();
        var target = OutputTarget.ToStringBuilder(builder);

        await RunAsync(TestDummy.Command("stderr-flood", "2000", "stdout-lines", "2000"), target, target);

        Assert.Equal(4000, builder.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_duration_covers_the_time_the_program_ran()
    {
        var result = await RunAsync(TestDummy.Command("sleep", "300"));

        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(300), $"Duration was {result.Duration}.");
    }

    [Fact]
    public async Task Secrets_the_program_prints_are_masked_in_output_lines_and_tails()
    {
        var lines = new List<string>();
        var command = TestDummy.Command("print-secret", "hunter2").WithSecret("hunter2");

        var result = await RunAsync(command, OutputTarget.ToLines(lines.Add));

        Assert.Equal(["the secret is ***"], lines);
        Assert.Equal(["the secret is ***"], result.StandardOutputTail);
    }

    [Fact]
    public async Task A_cancelled_token_starts_nothing()
    {
        var lines = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(
            TestDummy.Command("echo-line", "started"), OutputTarget.ToLines(lines.Add), null, new CancellationToken(canceled: true)));

        Assert.Empty(lines);
    }

    [Fact]
    public async Task Cancelling_interrupts_the_program_so_it_can_clean_up()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_guard.Token);
        var lines = new List<string>();
        var output = OutputTarget.ToLines(line =>
        {
            lines.Add(line);
            if (line == "waiting for interrupt")
            {
                cancel.Cancel();
            }
        });
        var command = TestDummy.Command("trap-interrupt", "sleep", "60000").WithInterruptTimeout(TimeSpan.FromSeconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(command, output, null, cancel.Token));

        // Windows cannot send Ctrl+C to one process from outside, so there cancelling kills at once.
        if (OperatingSystem.IsWindows())
        {
            Assert.DoesNotContain("interrupted", lines);
        }
        else
        {
            Assert.Contains("interrupted", lines);
        }
    }

    [Fact]
    public async Task A_program_that_ignores_the_interrupt_is_killed_with_its_children_after_the_interrupt_timeout()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_guard.Token);
        var processIds = new List<int>();
        var output = OutputTarget.ToLines(line =>
        {
            if (line.StartsWith("pid ", StringComparison.Ordinal) || line.StartsWith("grandchild ", StringComparison.Ordinal))
            {
                processIds.Add(int.Parse(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            }
            if (line == "ignoring interrupts")
            {
                cancel.Cancel();
            }
        });
        var command = TestDummy.Command("pid", "spawn-child", "ignore-interrupt", "sleep", "60000")
            .WithInterruptTimeout(TimeSpan.FromMilliseconds(300));

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ProcessRunner.RunAsync(command, output, null, cancel.Token));

        Assert.Contains("process tree was killed", cancelled.Message, StringComparison.Ordinal);
        Assert.Equal(2, processIds.Count);
        foreach (var processId in processIds)
        {
            Assert.True(await TestDummy.HasEndedAsync(processId), $"Process {processId} is still running.");
        }
    }

    [Fact]
    public async Task The_forceful_token_kills_the_program_without_waiting_for_it()
    {
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(_guard.Token);
        var output = OutputTarget.ToLines(line =>
        {
            if (line == "ignoring interrupts")
            {
                forceful.Cancel();
            }
        });

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(
            TestDummy.Command("ignore-interrupt", "sleep", "60000"), output, null, forceful.Token, CancellationToken.None));

        Assert.Contains("process tree was killed", cancelled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_graceful_token_only_interrupts_and_the_program_decides_when_to_exit()
    {
        using var graceful = new CancellationTokenSource();
        var output = OutputTarget.ToLines(line =>
        {
            if (line == "ignoring interrupts")
            {
                graceful.Cancel();
            }
        });

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(
            TestDummy.Command("ignore-interrupt", "sleep", "500"), output, null, _guard.Token, graceful.Token));

        // Windows has no interrupt to send, so there the graceful token falls back to a kill.
        var expected = OperatingSystem.IsWindows() ? "process tree was killed" : "interrupted and exited with code 0";
        Assert.Contains(expected, cancelled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_throws_stops_the_program_and_the_run_rethrows_its_exception()
    {
        var output = OutputTarget.ToLines(_ => throw new InvalidOperationException("target broke"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => RunAsync(TestDummy.Command("echo-line", "boom", "sleep", "60000"), output));

        Assert.Equal("target broke", error.Message);
    }
}
