using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Civility.Hosting;

/// <summary>One page of a list, with the total so a client knows how many pages there are.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>
/// Page/size paging, the same in every list of every service: page from 1, size 1–200 (default 20), read by
/// <see cref="Http.RequestValidator.Paging"/>.
/// </summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    /// <summary>The last page one may ask for: its offset stays far inside an <c>int</c>.</summary>
    public const int MaxPage = 1_000_000;

    internal static PageRequest? Validate(int? page, int? pageSize) =>
        page is null or (>= 1 and <= MaxPage) && pageSize is null or (>= 1 and <= MaxSize)
            ? new PageRequest(page ?? 1, pageSize ?? DefaultSize)
            : null;

    internal static Dictionary<string, string[]> Errors(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPage) errors["page"] = [$"Pages are numbered from 1 to {MaxPage:N0}."];
        if (pageSize is < 1 or > MaxSize) errors["pageSize"] = [$"A page holds 1 to {MaxSize} items."];
        return errors;
    }

    /// <summary>How many items come before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>This page of an ordered query, for a list whose total is counted separately.</summary>
    public IQueryable<T> Of<T>(IQueryable<T> ordered) => ordered.Skip(Skip).Take(PageSize);

    public async Task<PagedResult<TResult>> ApplyAsync<TEntity, TResult>(
        IQueryable<TEntity> ordered, Expression<Func<TEntity, TResult>> select, CancellationToken cancellationToken = default)
    {
        var skip = Skip;
        var items = await ordered.Skip(skip).Take(PageSize).Select(select).ToListAsync(cancellationToken);
        // A page that is not full is the last one: the total is known without a second round trip (most lookups).
        var total = items.Count < PageSize && (items.Count > 0 || Page == 1)
            ? skip + items.Count
            : await ordered.LongCountAsync(cancellationToken);
        return new PagedResult<TResult>(items, Page, PageSize, total);
    }
}
