using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Civility.Bench;

/// <summary>
/// The public credit query's baseline: a bare minimal endpoint in this process doing the credit service's lookup by
/// credit code (services/Civility.CreditList/Application/Entries/FindPublishedEntries.cs, answered by
/// Endpoints/PublicApi.cs) with raw Npgsql as the credit role, answering the same JSON. Keep the SQL in step with that
/// query: enums are stored by their C# names (HasConversion&lt;string&gt;), "today" is the county's date, and a page
/// that is not full needs no count.
/// </summary>
internal sealed class PublicCreditBaseline : IAsyncDisposable
{
    private const int PageSize = 20;

    private const string Columns = """
        e.id, s.kind, s.name, s.display_identifier, e.list_type, e.tier, e.legal_basis_law, e.legal_basis_article, e.facts,
        e.decision_number, e.deciding_department, e.listing_date, e.published_from, e.published_until
        """;

    private const string Published = """
        FROM credit.entries e JOIN credit.subjects s ON s.id = e.subject_id
        WHERE s.kind = 'Organization' AND s.identifier = $1
          AND e.status = 'Active' AND e.published_from <= $2 AND e.published_until >= $2
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly WebApplication _web;

    private PublicCreditBaseline(NpgsqlDataSource dataSource, WebApplication web)
    {
        _dataSource = dataSource;
        _web = web;
    }

    public Uri Address => new(_web.Urls.First());

    /// <summary>Starts <c>GET /public/entries?identifier=&lt;credit code&gt;</c> on a random loopback port.</summary>
    public static async Task<PublicCreditBaseline> StartAsync(string creditDb)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var baseline = new PublicCreditBaseline(NpgsqlDataSource.Create(creditDb), builder.Build());
        baseline._web.MapGet("/public/entries", baseline.LookupAsync);
        await baseline._web.StartAsync();
        return baseline;
    }

    private async Task LookupAsync(string identifier, HttpContext http)
    {
        var code = identifier.ToUpperInvariant();
        var today = Synthetic.CountyToday();
        await using var command = _dataSource.CreateCommand($"""
            SELECT {Columns}
            {Published}
            ORDER BY e.published_from DESC, e.id LIMIT {PageSize}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        command.Parameters.Add(new NpgsqlParameter { Value = today });
        var items = new List<object>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                items.Add(new
                {
                    entryId = reader.GetGuid(0), subjectKind = Kebab(reader.GetString(1)), subjectName = reader.GetString(2),
                    identifier = reader.GetString(3), listType = Kebab(reader.GetString(4)),
                    tier = reader.IsDBNull(5) ? null : Kebab(reader.GetString(5)),
                    law = reader.GetString(6), article = reader.GetString(7), facts = reader.GetString(8),
                    decisionNumber = reader.GetString(9),
                    decidingDepartment = reader.GetString(10), listingDate = reader.GetFieldValue<DateOnly>(11),
                    publishedFrom = reader.GetFieldValue<DateOnly>(12), publishedUntil = reader.GetFieldValue<DateOnly>(13),
                });
            }
        }
        // As the service pages: only a full page costs a second round trip to count.
        long total = items.Count;
        if (items.Count == PageSize)
        {
            await using var count = _dataSource.CreateCommand($"SELECT count(*) {Published}");
            count.Parameters.Add(new NpgsqlParameter { Value = code });
            count.Parameters.Add(new NpgsqlParameter { Value = today });
            total = (long)(await count.ExecuteScalarAsync())!;
        }
        await http.Response.WriteAsJsonAsync(new { items, page = 1, pageSize = PageSize, total });
    }

    /// <summary>The service answers enum values in kebab case ("organization", "red"), as the database does not.</summary>
    private static string Kebab(string stored) => JsonNamingPolicy.KebabCaseLower.ConvertName(stored);

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
