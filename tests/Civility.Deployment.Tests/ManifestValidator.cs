using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Civility.Deployment.Tests;

/// <summary>
/// Runs <c>deploy/kubernetes/validate/validate.mjs</c> (Node) on rendered manifests: every object against the Kubernetes
/// API's JSON schemas and its field lists, from npm packages installed by <c>npm ci</c> (nothing fetched at test time
/// but the packages the lock file names, and only when they are not installed yet).
/// </summary>
public static class ManifestValidator
{
    public sealed record Problem(string Object, string Path, string Message)
    {
        public override string ToString() => $"{Object} {Path}: {Message}";
    }

    public sealed record Result(string KubernetesVersion, int ObjectCount, IReadOnlyList<Problem> Problems);

    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string ValidatorDirectory => Path.Combine(KubernetesManifests.Directory, "validate");

    public static Result Validate(string yaml)
    {
        var directory = Installed.Value;
        var (exitCode, output, error) = Run(Tool("node"), directory, yaml, Path.Combine(directory, "validate.mjs"));
        if (exitCode is not (0 or 1)) throw new InvalidOperationException($"The validator failed ({exitCode}): {error}");
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var problems = root.GetProperty("problems").EnumerateArray()
            .Select(p => new Problem(
                p.GetProperty("object").GetString()!, p.GetProperty("path").GetString()!, p.GetProperty("message").GetString()!))
            .ToList();
        return new Result(root.GetProperty("kubernetesVersion").GetString()!, root.GetProperty("objects").GetArrayLength(), problems);
    }

    /// <summary><c>npm ci</c> once, and again only when the lock file changed since (a stamp in node_modules says which).</summary>
    private static string Install()
    {
        var directory = ValidatorDirectory;
        var lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, "package-lock.json"))));
        var stamp = Path.Combine(directory, "node_modules", ".civility-installed");
        if (File.Exists(stamp) && File.ReadAllText(stamp) == lockHash) return directory;
        var (exitCode, output, error) = Run(Tool("npm"), directory, null, "ci", "--no-audit", "--no-fund");
        if (exitCode != 0) throw new InvalidOperationException($"npm ci in {directory} failed ({exitCode}):\n{output}\n{error}");
        File.WriteAllText(stamp, lockHash);
        return directory;
    }

    private static string Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            $"{name} is not on the PATH: the manifests are validated by a Node script (deploy/kubernetes/validate). " +
            "Install Node.js and npm (Debian: apt-get install nodejs npm; .ci/run does).");

    private static (int ExitCode, string Output, string Error) Run(string tool, string directory, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
