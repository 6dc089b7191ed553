using Civility.Domain;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Objections;

/// <summary>Anyone files an objection (anonymous, under the public limits); the phone is kept encrypted for the reply.</summary>
public sealed class FileObjection(MoralModelsDbContext db, PersonalDataProtector protector, TimeProvider clock) : IUseCase
{
    /// <param name="contactPhone">A phone normalized by the shared phone rule.</param>
    public async Task<Objection> ExecuteAsync(Guid nominationId, string content, string contactName, string contactPhone,
        CancellationToken ct)
    {
        var nomination = (await db.Nominations.FirstOrDefaultAsync(n => n.Id == nominationId, ct)).OrNotFound("nomination");
        var objection = nomination.TakeObjection(content, contactName, protector.ProtectPhone(contactPhone), clock.GetUtcNow());
        db.Objections.Add(objection);
        await db.SaveChangesAsync(ct);
        return objection;
    }
}
