using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Civility.ServiceDefaults.Files;

namespace Civility.AppHost.Infrastructure;

/// <summary>
/// The broker's users and what each may do, written as a RabbitMQ definitions file that the broker imports at every
/// start (so a changed password or a new partner takes effect on the next start). The services share one user that
/// may do everything; each partner app gets a user that may declare, bind and read only its own queues
/// (<c>partner.&lt;name&gt;.*</c>), read from the event exchanges it is allowed, and publish to no exchange at all:
/// it cannot forge an event that every consumer would believe.
/// </summary>
internal sealed partial class BrokerAccounts(ParameterResource servicesUser, ParameterResource servicesPassword)
{
    private readonly List<PartnerAccount> _partners = [];

    public IReadOnlyList<PartnerAccount> Partners => _partners;

    public void AddPartner(PartnerAccount partner)
    {
        if (!PartnerName().IsMatch(partner.Name))
            throw new InvalidOperationException(
                $"Partner name '{partner.Name}': lower-case letters, digits and hyphens, starting with a letter, at most 40.");
        if (_partners.Any(p => p.Name == partner.Name))
            throw new InvalidOperationException($"Partner '{partner.Name}' is configured twice.");
        _partners.Add(partner);
    }

    /// <summary>Writes the definitions file, readable by its owner only (it holds password hashes).</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var users = new List<object>
        {
            User(
                await ValueAsync(servicesUser, cancellationToken),
                await ValueAsync(servicesPassword, cancellationToken),
                ["administrator"]),
        };
        var permissions = new List<object> { Permission(await ValueAsync(servicesUser, cancellationToken), ".*", ".*", ".*") };
        foreach (var partner in _partners)
        {
            users.Add(User(partner.UserName, await ValueAsync(partner.Password, cancellationToken), []));
            var own = $@"^partner\.{Regex.Escape(partner.Name)}\..+$";
            permissions.Add(Permission(partner.UserName, configure: own, write: own, read: partner.ReadPattern));
        }
        var definitions = new { users, vhosts = new[] { new { name = "/" } }, permissions };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        PrivateFiles.Write(path, JsonSerializer.Serialize(definitions, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static async Task<string> ValueAsync(ParameterResource parameter, CancellationToken cancellationToken) =>
        await parameter.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Parameter {parameter.Name} has no value.");

    private static object User(string name, string password, string[] tags) => new Dictionary<string, object>
    {
        ["name"] = name,
        ["password_hash"] = PasswordHash(password),
        ["hashing_algorithm"] = "rabbit_password_hashing_sha256",
        ["tags"] = tags,
    };

    private static object Permission(string user, string configure, string write, string read) =>
        new { user, vhost = "/", configure, write, read };

    /// <summary>RabbitMQ's SHA-256 scheme: base64 of a 4-byte salt followed by SHA-256(salt + UTF-8 password).</summary>
    internal static string PasswordHash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        byte[] salted = [.. salt, .. Encoding.UTF8.GetBytes(password)];
        return Convert.ToBase64String([.. salt, .. SHA256.HashData(salted)]);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex PartnerName();
}

/// <summary>
/// A partner app's broker account: user <c>partner-&lt;name&gt;</c>, reading the exchanges in <paramref name="Exchanges"/>
/// (every event exchange when empty) on queues named <c>partner.&lt;name&gt;.*</c>.
/// </summary>
internal sealed record PartnerAccount(string Name, ParameterResource Password, IReadOnlyList<string> Exchanges)
{
    public string UserName => $"partner-{Name}";

    /// <summary>Its own queues, and the event exchanges it may bind them to (binding needs read on the exchange).</summary>
    public string ReadPattern => Exchanges.Count == 0
        ? $@"^(partner\.{Regex.Escape(Name)}\..+|Civility\.Contracts\.[A-Za-z]+:[A-Za-z]+)$"
        : $@"^(partner\.{Regex.Escape(Name)}\..+|{string.Join("|", Exchanges.Select(Regex.Escape))})$";
}
