using System.Security.Cryptography;
using System.Text.Json;
using Civility.ServiceDefaults.Files;

namespace Civility.AppHost.Infrastructure;

/// <summary>
/// Development secrets generated once and kept beside the data they protect (the git-ignored data folder), so a
/// restarted stack opens its own databases again. Values given through configuration (user secrets, environment,
/// <c>Parameters:*</c>) always win; nothing here is ever committed.
/// </summary>
internal sealed class DevSecrets
{
    private readonly string _file;
    private readonly Dictionary<string, string> _values;

    private DevSecrets(string file, Dictionary<string, string> values) => (_file, _values) = (file, values);

    public static DevSecrets Open(string dataDirectory)
    {
        // The data folder itself stays traversable: under root, PostgreSQL's data folder inside it belongs to the
        // postgres user. The secrets file is the owner's alone from its first byte.
        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, "dev-secrets.json");
        var values = File.Exists(file)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? []
            : [];
        return new DevSecrets(file, values);
    }

    /// <summary>Adds a secret parameter whose development value is generated on first use.</summary>
    public IResourceBuilder<ParameterResource> Parameter(IDistributedApplicationBuilder builder, string name)
    {
        if (_parameters.TryGetValue(name, out var existing)) return existing;
        var key = $"Parameters:{name}";
        if (string.IsNullOrEmpty(builder.Configuration[key]))
        {
            if (!_values.TryGetValue(name, out var value))
            {
                // Letters and digits only: the value goes into URIs and connection strings unescaped.
                value = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 32);
                _values[name] = value;
                Save();
            }
            builder.Configuration[key] = value;
        }
        return _parameters[name] = builder.AddParameter(name, secret: true);
    }

    private readonly Dictionary<string, IResourceBuilder<ParameterResource>> _parameters = [];

    private void Save()
    {
        PrivateFiles.Write(_file, JsonSerializer.Serialize(_values, new JsonSerializerOptions { WriteIndented = true }));
    }
}
