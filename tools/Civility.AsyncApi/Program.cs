using Civility.AsyncApi;

// Writes docs/asyncapi.yaml from the contracts; "check" only compares (exit code 1 when the file is out of date).
var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "Civility.sln")))
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run it inside the repository (Civility.sln not found).");
var path = Path.Combine(root, AsyncApiDocument.RelativePath);
var generated = AsyncApiDocument.Generate();
if (args is ["check"])
{
    var current = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
    Console.WriteLine(current == generated
        ? $"{AsyncApiDocument.RelativePath} is up to date."
        : $"{AsyncApiDocument.RelativePath} is out of date: run without 'check'.");
    return current == generated ? 0 : 1;
}
await File.WriteAllTextAsync(path, generated);
Console.WriteLine($"Wrote {AsyncApiDocument.RelativePath} ({AsyncApiDocument.EventTypes.Count} events).");
return 0;
