using System.Diagnostics;

namespace Civility.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and RabbitMQ come from: containers when an engine answers, else local processes.</summary>
public enum InfraMode { Containers, Local }

internal static class InfraModeProbe
{
    /// <summary>
    /// Decides before any resource is added: with container resources in the model and no engine, Aspire would wait
    /// for them forever.
    /// </summary>
    public static InfraMode Choose(string? configured)
    {
        switch (configured?.Trim().ToLowerInvariant())
        {
            case "containers":
                return EngineAnswers()
                    ? InfraMode.Containers
                    : throw Refuse("Infra:Mode=containers, but neither 'docker info' nor 'podman info' answers.");
            case "local":
                return LocalServersInstalled(out var missing) ? InfraMode.Local : throw Refuse(missing);
            case null or "" or "auto":
                if (EngineAnswers()) return InfraMode.Containers;
                return LocalServersInstalled(out var gap)
                    ? InfraMode.Local
                    : throw Refuse($"No container engine answers, and {gap}");
            default:
                throw new InvalidOperationException($"Infra:Mode must be auto, containers or local, not '{configured}'.");
        }
    }

    private static InvalidOperationException Refuse(string why) => new(
        why + " Install the local servers with 'sudo apt-get install -y postgresql rabbitmq-server' " +
        "(the README's run command does it), or start Docker or Podman.");

    private static bool LocalServersInstalled(out string missing)
    {
        var postgres = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateFiles("/usr/lib/postgresql", "postgres", SearchOption.AllDirectories).Any();
        var rabbit = File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server");
        missing = (postgres, rabbit) switch
        {
            (false, false) => "neither PostgreSQL nor RabbitMQ is installed.",
            (false, _) => "PostgreSQL is not installed.",
            (_, false) => "RabbitMQ is not installed.",
            _ => "",
        };
        return postgres && rabbit;
    }

    private static bool EngineAnswers() => Answers("docker") || Answers("podman");

    private static bool Answers(string engine)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(engine, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return false;
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
