using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Subjects;

public sealed class GetSubject(CreditDbContext db) : IUseCase
{
    public async Task<CreditSubject> ExecuteAsync(Guid id, CancellationToken ct) =>
        (await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)).OrNotFound("subject");
}

/// <summary>Subjects by exact name, in name order.</summary>
public sealed class ListSubjects(CreditDbContext db) : IUseCase
{
    public Task<PagedResult<CreditSubject>> ExecuteAsync(string? name, PageRequest paging, CancellationToken ct)
    {
        var query = db.Subjects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name)) query = query.Where(s => s.Name == name.Trim());
        return paging.ApplyAsync(query.OrderBy(s => s.Name).ThenBy(s => s.Id), s => s, ct);
    }
}
