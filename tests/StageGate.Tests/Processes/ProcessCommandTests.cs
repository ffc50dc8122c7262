using StageGate.Processes;

namespace StageGate.Tests.Processes;

public sealed class ProcessCommandTests
{
    [Fact]
    public void Plain_arguments_are_shown_unquoted()
    {
        var command = new ProcessCommand("docker").WithArguments("buildx", "build", "--target=test", "-f", "./Dockerfile", ".");

        Assert.Equal("docker buildx build --target=test -f ./Dockerfile .", command.ToDisplayString());
    }

    [Fact]
    public void Arguments_with_spaces_quotes_or_nothing_are_quoted_for_a_posix_shell()
    {
        var command = new ProcessCommand("echo").WithArguments("two words", "it's", "", "$HOME");

        Assert.Equal(@"echo 'two words' 'it'\''s' '' '$HOME'", command.ToDisplayString());
    }

    [Fact]
    public void Secrets_are_masked_in_the_display_string()
    {
        var command = new ProcessCommand("docker").WithArguments("login", "--password=hunter2").WithSecret("hunter2");

        Assert.Equal("docker login '--password=***'", command.ToDisplayString());
    }

    [Fact]
    public void ToString_never_shows_a_secret()
    {
        var command = new ProcessCommand("docker").WithArguments("login", "-p", "hunter2").WithSecret("hunter2");

        Assert.Equal("docker login -p '***'", command.ToString());
    }

    [Fact]
    public void A_secret_that_contains_another_is_masked_whole()
    {
        var command = new ProcessCommand("tool").WithArguments("token-abc-123").WithSecret("abc").WithSecret("token-abc-123");

        Assert.Equal("tool '***'", command.ToDisplayString());
    }

    [Fact]
    public void An_empty_secret_is_ignored()
    {
        var command = new ProcessCommand("tool").WithSecret("");

        Assert.Empty(command.Secrets);
    }

    [Fact]
    public void With_methods_leave_the_original_command_unchanged()
    {
        var original = new ProcessCommand("tool");

        _ = original.WithArguments("a").WithEnvironment("NAME", "value").WithSecret("s").WithWorkingDirectory("/tmp");

        Assert.Equal(new ProcessCommand("tool").ToDisplayString(), original.ToDisplayString());
        Assert.Empty(original.Environment);
    }

    [Fact]
    public void Changing_the_list_given_as_arguments_does_not_change_the_command()
    {
        var arguments = new List<string> { "a" };
        var command = new ProcessCommand("tool").WithArguments(arguments);

        arguments.Add("b");

        Assert.Equal(["a"], command.Arguments);
    }

    [Fact]
    public void The_defaults_keep_fifty_lines_and_wait_five_seconds_after_an_interrupt()
    {
        var command = new ProcessCommand("tool");

        Assert.Equal((50, TimeSpan.FromSeconds(5)), (command.TailLines, command.InterruptTimeout));
    }

    [Fact]
    public void An_empty_file_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ProcessCommand(" "));
    }
}
