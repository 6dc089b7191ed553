using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Authentication;
using Civility.Webhooks.Data;
using Civility.Webhooks.Domain;

namespace Civility.Webhooks.Application.Subscriptions;

/// <summary>A subscription made; with no secret given one is made, and returned this once.</summary>
public sealed record RegisteredSubscription(WebhookSubscription Subscription, string? GeneratedSecret);

/// <summary>Registers a partner app's webhook: its target (already checked), its events and its signing secret (kept encrypted).</summary>
public sealed class RegisterSubscription(WebhooksDbContext db, CallerContext caller, PersonalDataProtector protector, TimeProvider clock)
    : IUseCase
{
    public async Task<RegisteredSubscription> ExecuteAsync(string ownerClientId, Uri target, IReadOnlyCollection<string> eventTypes,
        string? description, string? secret, CancellationToken cancellationToken)
    {
        var generated = secret is null ? WebhookSecrets.Generate() : null;
        var subscription = new WebhookSubscription(ownerClientId, target, eventTypes, description,
            protector.Encrypt(secret ?? generated!), caller.Actor, clock.GetUtcNow());
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredSubscription(subscription, generated);
    }
}
