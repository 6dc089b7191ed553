using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.Data;

public static class RowVersionExtensions
{
    /// <summary>
    /// Optimistic concurrency on PostgreSQL's <c>xmin</c> system column (no column of our own to keep): two writers
    /// of one aggregate cannot both win from the same starting state.
    /// </summary>
    public static void HasRowVersion<T>(this EntityTypeBuilder<T> entity) where T : class =>
        entity.Property<uint>("xmin").IsRowVersion();
}
