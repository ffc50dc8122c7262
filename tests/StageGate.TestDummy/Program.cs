// A tiny program the Processes tests start instead of OS tools, so they behave the same everywhere.
// Verbs run in order, e.g. `echo-line ready wait-for-file /tmp/go` or `stdout-lines 3 exit 2`.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var keepAlive = new List<PosixSignalRegistration>();
var verbs = new Queue<string>(args);
while (verbs.TryDequeue(out var verb))
{
    switch (verb)
    {
        case "exit":
            return Number();
        case "echo-args":
            // Everything after the verb is echoed, one argument per line, so the test sees argv as received.
            while (verbs.TryDequeue(out var argument))
            {
                Console.WriteLine(argument);
            }
            break;
        case "echo-line":
            Console.WriteLine(verbs.Dequeue());
            break;
        case "echo-error-line":
            Console.Error.WriteLine(verbs.Dequeue());
            break;
        case "echo-env":
            Console.WriteLine(Environment.GetEnvironmentVariable(verbs.Dequeue()) ?? "<unset>");
            break;
        case "stdout-lines":
            {
                var count = Number();
                for (var i = 1; i <= count; i++)
                {
                    Console.WriteLine($"line {i}");
                }
                break;
            }
        case "stderr-flood":
            {
                // Buffered on purpose: the point is to fill the pipe faster than a naive reader drains it.
                var count = Number();
                using var error = new StreamWriter(Console.OpenStandardError(), bufferSize: 1 << 16);
                for (var i = 1; i <= count; i++)
                {
                    error.WriteLine($"error line {i} of {count}, padded so the pipe fills quickly ........................");
                }
                break;
            }
        case "long-line":
            {
                var remaining = Number();
                using var output = Console.OpenStandardOutput();
                var chunk = new byte[1 << 16];
                Array.Fill(chunk, (byte)'x');
                for (; remaining > 0; remaining -= chunk.Length)
                {
                    output.Write(chunk, 0, Math.Min(chunk.Length, remaining));
                }
                break;
            }
        case "wait-for-file":
            {
                var path = verbs.Dequeue();
                while (!File.Exists(path))
                {
                    Thread.Sleep(20);
                }
                break;
            }
        case "stderr-file":
            {
                // Copies a file to stderr as it is, so a test can play a recorded or synthesized buildx stream.
                using var error = Console.OpenStandardError();
                using var file = File.OpenRead(verbs.Dequeue());
                file.CopyTo(error);
                break;
            }
        case "sleep":
            Thread.Sleep(Number());
            break;
        case "ignore-interrupt":
            keepAlive.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true));
            Console.WriteLine("ignoring interrupts");
            break;
        case "trap-interrupt":
            keepAlive.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                Console.WriteLine("interrupted");
                Environment.Exit(130);
            }));
            Console.WriteLine("waiting for interrupt");
            break;
        case "spawn-child":
            {
                // The grandchild inherits stdout and stderr, as a real tool's helper processes do.
                var child = new ProcessStartInfo(Environment.ProcessPath!);
                child.ArgumentList.Add(typeof(Program).Assembly.Location);
                child.ArgumentList.Add("sleep");
                child.ArgumentList.Add("60000");
                using var grandchild = Process.Start(child)!;
                Console.WriteLine($"grandchild {grandchild.Id}");
                break;
            }
        case "pid":
            Console.WriteLine($"pid {Environment.ProcessId}");
            break;
        case "print-secret":
            Console.WriteLine($"the secret is {verbs.Dequeue()}");
            break;
        case "pwd":
            Console.WriteLine(Environment.CurrentDirectory);
            break;
        default:
            Console.Error.WriteLine($"unknown verb: {verb}");
            return 64;
    }
}
GC.KeepAlive(keepAlive);
return 0;

int Number() => int.Parse(verbs.Dequeue(), CultureInfo.InvariantCulture);
