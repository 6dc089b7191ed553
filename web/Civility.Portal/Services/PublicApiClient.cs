using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Civility.Portal.Services;

/// <summary>
/// Calls a service's public (anonymous) endpoints. Never sends a token: the portal sees only what anyone may see. A
/// citizen ID number goes only in a POST body (never a URL), and neither URLs nor bodies are logged here.
/// </summary>
public abstract class PublicApiClient(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The answer, or null for a 404 (it does not exist, or the public may not see it).</summary>
    protected async Task<T?> GetAsync<T>(string path, CancellationToken ct) where T : class
    {
        using var response = await http.GetAsync(path, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json, ct);
    }

    protected async Task<Answer<T>> PostAsync<T>(string path, object body, CancellationToken ct) where T : class
    {
        using var response = await http.PostAsJsonAsync(path, body, Json, ct);
        if (response.IsSuccessStatusCode)
            return new Answer<T>((int)response.StatusCode, await response.Content.ReadFromJsonAsync<T>(Json, ct), null, null, NoErrors);
        if ((int)response.StatusCode >= 500) response.EnsureSuccessStatusCode();
        var problem = response.Content.Headers.ContentType?.MediaType?.Contains("json") == true
            ? await response.Content.ReadFromJsonAsync<Problem>(Json, ct)
            : null;
        return new Answer<T>((int)response.StatusCode, null, problem?.Title, problem?.Detail, problem?.Errors ?? NoErrors);
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);

    protected static string Query(params (string Name, object? Value)[] parameters) =>
        string.Join("&", parameters.Where(p => p.Value is not null && $"{p.Value}" != "")
            .Select(p =>
                $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)}"));
}

public sealed class MoralModelsClient(HttpClient http) : PublicApiClient(http)
{
    private const string Base = "/api/moral-models/public";

    public Task<ListPage<PublicNomination>?> BoardAsync(string board, int? year, string? category, int page, CancellationToken ct) =>
        GetAsync<ListPage<PublicNomination>>($"{Base}/boards/{board}?{Query(("year", year), ("category", category), ("page", page))}", ct);

    public Task<BoardYears?> BoardYearsAsync(string board, CancellationToken ct) =>
        GetAsync<BoardYears>($"{Base}/boards/{board}/years", ct);

    public Task<PublicNomination?> BoardEntryAsync(Guid id, CancellationToken ct) =>
        GetAsync<PublicNomination>($"{Base}/boards/entries/{id}", ct);

    public Task<ListPage<PublicNomination>?> InPublicityAsync(int page, int pageSize, CancellationToken ct) =>
        GetAsync<ListPage<PublicNomination>>($"{Base}/nominations?{Query(("page", page), ("pageSize", pageSize))}", ct);

    public Task<PublicityNotice?> NoticeAsync(Guid id, CancellationToken ct) => GetAsync<PublicityNotice>($"{Base}/nominations/{id}", ct);

    public Task<Answer<VoteCodeSent>> SendVoteCodeAsync(Guid id, string phone, CancellationToken ct) =>
        PostAsync<VoteCodeSent>($"{Base}/nominations/{id}/vote-codes", new { phone }, ct);

    public Task<Answer<VoteCast>> VoteAsync(
        Guid id, string voterName, string idNumber, string? phone, string? code, CancellationToken ct) =>
        PostAsync<VoteCast>($"{Base}/nominations/{id}/votes", new { voterName, idNumber, phone, code }, ct);

    public Task<Answer<ObjectionFiled>> ObjectAsync(Guid id, string content, string contactName, string contactPhone,
        CancellationToken ct) =>
        PostAsync<ObjectionFiled>($"{Base}/nominations/{id}/objections", new { content, contactName, contactPhone }, ct);
}

public sealed class CreditClient(HttpClient http) : PublicApiClient(http)
{
    public Task<ListPage<PublicEntry>?> ListsAsync(string? listType, string? tier, string? department, int page, CancellationToken ct) =>
        GetAsync<ListPage<PublicEntry>>(
            $"/api/credit/public/lists?{Query(("listType", listType), ("tier", tier), ("department", department), ("page", page))}", ct);

    public async Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken ct) =>
        (await GetAsync<DepartmentsAnswer>("/api/credit/public/departments", ct))?.Departments ?? [];

    private sealed record DepartmentsAnswer(IReadOnlyList<string> Departments);

    /// <summary>By name and/or identifier (a credit code or a citizen ID number), in a POST body.</summary>
    public Task<Answer<ListPage<PublicEntry>>> QueryAsync(string? name, string? identifier, CancellationToken ct) =>
        PostAsync<ListPage<PublicEntry>>("/api/credit/public/entries/query", new { name, identifier, pageSize = 50 }, ct);

    public Task<RepairProgress?> RepairProgressAsync(string code, CancellationToken ct) =>
        GetAsync<RepairProgress>($"/api/credit/repairs/progress/{Uri.EscapeDataString(code)}", ct);
}

public sealed class VolunteersClient(HttpClient http) : PublicApiClient(http)
{
    public Task<CertificateCheck?> VerifyAsync(string number, string code, CancellationToken ct) =>
        GetAsync<CertificateCheck>($"/api/volunteers/public/certificates/{Uri.EscapeDataString(number)}?{Query(("code", code))}", ct);

    public Task<PublicTargets?> TargetsAsync(CancellationToken ct) => GetAsync<PublicTargets>("/api/volunteers/public/targets", ct);
}
