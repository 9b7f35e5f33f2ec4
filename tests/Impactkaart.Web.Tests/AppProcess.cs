using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The real app as a separate process (`dotnet Impactkaart.Web.dll`, the build the tests reference), configured by
/// environment variables as an operator would: for start-up failures, crashes (SIGKILL) and the backup command.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Received(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app stopped before it listened:\n" + Output));
        process.EnableRaisingEvents = true;
    }

    /// <summary>Standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The app's address, once it says it listens.</summary>
    public Task<Uri> Address => listening.Task;

    /// <summary>Starts the app on a free loopback port and waits until it listens.</summary>
    public static async Task<AppProcess> StartAsync(string workingFolder, IReadOnlyDictionary<string, string?> settings, TimeSpan? timeout = null)
    {
        var app = new AppProcess(Launch(workingFolder, settings));
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            await app.Address.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            app.Dispose();
            throw;
        }
        return app;
    }

    /// <summary>Runs the app (or one of its commands) until it exits: its exit code, its output and how long it took.</summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunAsync(
        string workingFolder, IReadOnlyDictionary<string, string?> settings, TimeSpan timeout, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        using var app = new AppProcess(Launch(workingFolder, settings, arguments));
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await app.process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app did not exit within {timeout}:\n{app.Output}");
        }
        app.process.WaitForExit(); // flushes the redirected output
        return (app.process.ExitCode, app.Output, clock.Elapsed);
    }

    /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown, no flushing, as in a crash or power cut.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }
        process.Dispose();
    }

    private static Process Launch(string workingFolder, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        Needs.Check(Needs.Process);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The web app's build beside the tests (the test project references it, so it is always current).
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Impactkaart.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Mail__PickupFolder"] = Path.Combine(workingFolder, "mail");
        // Warnings and errors only: a log line for every SQL command would slow the app down on a busy test machine.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"De Impactkaart draait op (http://\S+) ")]
    private static partial Regex ListeningLine();
}
